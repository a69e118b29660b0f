// Lint rules, including the one-way layer rule of docs/architecture.md:
//   app -> {ui, scene, lessons} -> state -> {worker client, permalink} -> worker -> {io, core}
// Each layer lists the layers it must never import. A deliberate violation lives in
// scripts/lint-fixtures/ and scripts/layer-rule.test.ts proves the rule fires on it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import patterns that reach into a layer folder, whatever the relative depth. */
const layer = (name) => [`**/${name}`, `**/${name}/**`, `@/${name}/**`];

/** Which layers each layer may not import (everything "above" it). */
export const forbiddenImports = {
  core: ['io', 'worker', 'state', 'permalink', 'scene', 'ui', 'lessons', 'app', 'offline'],
  io: ['worker', 'state', 'permalink', 'scene', 'ui', 'lessons', 'app'],
  worker: ['state', 'permalink', 'scene', 'ui', 'lessons', 'app'],
  permalink: ['worker', 'state', 'scene', 'ui', 'lessons', 'app', 'io'],
  state: ['scene', 'ui', 'lessons', 'app'],
  scene: ['ui', 'lessons', 'app', 'worker', 'io'],
  ui: ['scene', 'lessons', 'app', 'worker', 'io'],
  lessons: ['app', 'worker', 'io'],
  // The service worker: its own script, sharing nothing with the app but its cache policy.
  offline: ['core', 'io', 'worker', 'state', 'permalink', 'scene', 'ui', 'lessons', 'app'],
  // The colour language: a leaf every visual layer shares.
  theme: ['core', 'io', 'worker', 'state', 'permalink', 'scene', 'ui', 'lessons', 'app', 'ids'],
  // The workspace ids every layer's registry is keyed by: a leaf too.
  ids: ['core', 'io', 'worker', 'state', 'permalink', 'scene', 'ui', 'lessons', 'app', 'theme'],
};

/** Libraries that only some layers may use. */
const forbiddenPackages = {
  core: ['react', 'react-dom', 'three', 'zustand', '@react-three/*'],
  io: ['react', 'react-dom', 'three', 'zustand', '@react-three/*'],
  worker: ['react', 'react-dom', 'three', 'zustand', '@react-three/*'],
  permalink: ['react', 'react-dom', 'three', 'zustand', '@react-three/*'],
  state: ['react-dom', 'three', '@react-three/*'],
  ui: ['three', '@react-three/*'],
};

/**
 * The core's families and the ones each may not import: dense/ is the base, svd/ builds on it, and
 * weighted/ and tensors/ build on both but not on each other.
 */
export const forbiddenFamilies = {
  dense: ['svd', 'weighted', 'tensors'],
  svd: ['weighted', 'tensors'],
  weighted: ['tensors'],
  tensors: ['weighted'],
};

function layerPatterns(folder) {
  const patterns = forbiddenImports[folder].map((target) => ({
    group: layer(target),
    message: `${folder}/ may not import ${target}/ (the layer rule in docs/architecture.md).`,
  }));
  for (const pkg of forbiddenPackages[folder] ?? []) {
    patterns.push({ group: [pkg], message: `${folder}/ may not use ${pkg}.` });
  }
  // Above the core, the core is read through its public surface (core/index.ts) only.
  if (folder !== 'core' && !forbiddenImports[folder].includes('core')) {
    patterns.push({ group: ['**/core/**'], message: `${folder}/ imports the core from core/index.ts, not its families' files.` });
  }
  return patterns;
}

function layerRules(folder) {
  return {
    files: [`src/${folder}/**/*.{ts,tsx}`, `scripts/lint-fixtures/${folder}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: layerPatterns(folder) }] },
  };
}

// A later config object replaces an earlier one's rule, so each family's rule repeats the core's.
// Tests may cross families (spectrum.test checks matrixWithSpectrum with the SVD).
function familyRules(family) {
  const patterns = [...layerPatterns('core'), ...forbiddenFamilies[family].map((other) => ({
    group: [`**/${other}`, `**/${other}/**`],
    message: `core/${family}/ may not import core/${other}/ (the core's family order in docs/architecture.md).`,
  }))];
  return {
    files: [`src/core/${family}/**/*.ts`, `scripts/lint-fixtures/core/${family}/**/*.ts`],
    ignores: ['**/*.test.ts', '**/*.testkit.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node }, ecmaVersion: 2023 },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded generator in core/random.' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  ...Object.keys(forbiddenImports).map(layerRules),
  ...Object.keys(forbiddenFamilies).map(familyRules),
  // The deliberate bad imports are linted only by scripts/layer-rule.test.ts.
  { ignores: ['scripts/lint-fixtures/**'] },
);
