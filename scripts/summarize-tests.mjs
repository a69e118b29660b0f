// Prints one line "N passed, N failed" over the unit (Vitest) and end-to-end (Playwright) results
// that the CI run wrote as JSON. Usage: node scripts/summarize-tests.mjs <exit status of npm test>
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

if (existsSync('reports/unit.json')) {
  const unit = JSON.parse(readFileSync('reports/unit.json', 'utf8'));
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  // A file that fails to load has no tests counted; count it as a failure.
  failed += (unit.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
} else missing.push('unit');

if (existsSync('reports/e2e.json')) {
  const { stats } = JSON.parse(readFileSync('reports/e2e.json', 'utf8'));
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
} else missing.push('end-to-end');

if (status !== 0 && failed === 0) failed = 1; // the type check, lint or a runner itself failed
if (missing.length > 0) console.log(`(no ${missing.join(' or ')} results: that stage did not run)`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
