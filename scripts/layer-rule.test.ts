/**
 * The one-way layer rule is enforced by ESLint; this proves the rule fires on deliberate bad
 * imports (and stays quiet on good ones), so a broken config cannot pass silently.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

async function lint(file: string): Promise<string[]> {
  const eslint = new ESLint({ ignore: false });
  const [result] = await eslint.lintFiles([file]);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rule', () => {
  it('rejects core/ importing the store', async () => {
    expect(await lint('scripts/lint-fixtures/core/importsState.ts')).toEqual([
      expect.stringMatching(/core\/ may not import state\//),
    ]);
  });

  it('rejects ui/ importing three and the worker', async () => {
    const messages = await lint('scripts/lint-fixtures/ui/importsThree.ts');
    expect(messages).toHaveLength(2);
    expect(messages.join('\n')).toMatch(/ui\/ may not use three/);
    expect(messages.join('\n')).toMatch(/ui\/ may not import worker\//);
  });

  it('rejects ids/ (the workspace ids, a leaf) importing any layer', async () => {
    expect(await lint('scripts/lint-fixtures/ids/importsState.ts')).toEqual([expect.stringMatching(/ids\/ may not import state\//)]);
  });

  it('keeps the core\'s families in order: dense/ may not import svd/', async () => {
    expect(await lint('scripts/lint-fixtures/core/dense/importsSvd.ts')).toEqual([
      expect.stringMatching(/core\/dense\/ may not import core\/svd\//),
    ]);
  });

  it('rejects a layer above the core reaching past core/index.ts', async () => {
    expect(await lint('scripts/lint-fixtures/ui/importsCoreFile.ts')).toEqual([
      expect.stringMatching(/imports the core from core\/index.ts/),
    ]);
  });

  it('allows ui/ to read the store and the palette', async () => {
    expect(await lint('scripts/lint-fixtures/ui/allowed.ts')).toEqual([]);
  });
});
