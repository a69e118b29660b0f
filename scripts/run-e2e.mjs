// Runs the end-to-end tests: finds (or installs) Chromium, builds the app, and runs Playwright
// against the production build served by `vite preview` (started by playwright.config.ts) on a free
// port, so a server left running by hand does not get in the way.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { findChromium } from './find-chromium.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const chromium = await findChromium();
const port = process.env.E2E_PORT ?? String(await freePort());
console.log(`End-to-end tests use ${chromium}, serving the build on port ${port}`);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium, E2E_PORT: port } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const args = process.argv.slice(2);
// `--runs=N` runs the whole suite N times in a row on one build and stops at the first failure:
// retries are off (playwright.config.ts), so this is how a flaky test shows itself.
const runsArg = args.find((arg) => arg.startsWith('--runs='));
const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : 1;
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number of at least 1, got "${runsArg}"`);
  process.exit(2);
}
const playwrightArgs = args.filter((arg) => arg !== '--no-build' && arg !== runsArg);
// The tests' build compiles in src/app/testHooks.ts (killing the worker mid-job); no other build has it.
process.env.VITE_TEST_HOOKS = '1';
if (!args.includes('--no-build')) run('npx', ['vite', 'build', '--logLevel', 'warn']);
for (let i = 1; i <= runs; i++) {
  if (runs > 1) console.log(`\nEnd-to-end run ${i} of ${runs}`);
  run('npx', ['playwright', 'test', ...playwrightArgs]);
  if (runs > 1) console.log(`End-to-end run ${i} of ${runs} passed`);
}
