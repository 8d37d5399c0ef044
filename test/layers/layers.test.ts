import { resolve } from 'node:path';

import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layer table holds: a forbidden import planted in a layer is refused by the linter (eslint.layers.js), and a
 * forbidden global (the DOM in Node code, Node in the renderer, either in common/) by that layer's TypeScript
 * project. Each planted file is checked next to an allowed twin, so a rule that refused everything would fail too.
 */

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The no-restricted-imports messages for `source` as if it were the file `path`. */
async function importErrors(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(root, path) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

const plant = (specifier: string, typeOnly = false) =>
  typeOnly
    ? `import type { X } from '${specifier}';\nexport type Y = X;\n`
    : `import * as planted from '${specifier}';\nexport const y = planted;\n`;

/** [file the import is planted in, import, whether the layer table allows it]. */
const imports: Array<[string, string, boolean]> = [
  ['common/planted.ts', './model.ts', true],
  ['common/planted.ts', 'zod', true],
  ['common/planted.ts', '../db/articles.ts', false],
  ['common/planted.ts', '../electron/ipc/dispatch.ts', false],
  ['common/planted.ts', '../renderer/app/App.tsx', false],
  ['common/planted.ts', 'node:fs', false],
  ['common/planted.ts', 'react', false],
  ['common/anchoring/planted.ts', '../../renderer/anchoring/dom-text.ts', false],
  ['db/planted.ts', '../common/model.ts', true],
  ['db/planted.ts', 'better-sqlite3', true],
  ['db/planted.ts', 'node:crypto', true],
  ['db/planted.ts', '../electron/core/app-data.ts', false],
  ['db/planted.ts', '../renderer/app/App.tsx', false],
  ['db/planted.ts', 'electron', false],
  ['electron/core/planted.ts', '../../db/articles.ts', true],
  ['electron/core/planted.ts', '../ipc/dispatch.ts', true],
  ['electron/core/planted.ts', '../../renderer/app/App.tsx', false],
  ['electron/core/planted.ts', '../main/window.ts', false],
  ['electron/core/planted.ts', 'electron', false],
  ['electron/ipc/planted.ts', '../core/app-data.ts', true],
  ['electron/ipc/planted.ts', '../../renderer/main.tsx', false],
  ['electron/main/planted.ts', '../core/app-data.ts', true],
  ['electron/main/planted.ts', 'electron', true],
  ['electron/main/planted.ts', '../../renderer/app/App.tsx', false],
  ['electron/main/planted.ts', '../launcher/ensure-electron.ts', false],
  ['electron/preload/planted.ts', '../../common/contract.ts', true],
  ['electron/preload/planted.ts', 'electron', true],
  ['electron/preload/planted.ts', '../../db/articles.ts', false],
  ['electron/preload/planted.ts', '../ipc/handlers.ts', false],
  ['electron/launcher/planted.ts', 'node:child_process', true],
  ['electron/launcher/planted.ts', 'electron', false],
  ['electron/launcher/planted.ts', '../core/app-data.ts', false],
  ['renderer/planted.ts', '../common/model.ts', true],
  ['renderer/planted.ts', 'react', true],
  ['renderer/planted.ts', '../common/contract.ts', false],
  ['renderer/planted.ts', '../db/articles.ts', false],
  ['renderer/planted.ts', '../electron/ipc/dispatch.ts', false],
  ['renderer/planted.ts', '../electron/core/app-data.ts', false],
  ['renderer/planted.ts', 'node:fs', false],
  ['renderer/planted.ts', 'electron', false],
];

describe('the layer table, held by the linter', () => {
  it.each(imports)('in %s, importing %s is allowed: %s', async (file, specifier, allowed) => {
    const errors = await importErrors(file, plant(specifier));
    if (allowed) expect(errors).toEqual([]);
    else expect(errors).not.toEqual([]);
  });

  it('lets the renderer import the contract for its types only (zod stays out of the page)', async () => {
    expect(await importErrors('renderer/planted.ts', plant('../common/contract.ts', true))).toEqual([]);
    expect(await importErrors('renderer/planted.ts', plant('../common/contract.ts'))).not.toEqual([]);
  });
});

/** The diagnostics of one TypeScript project with `source` added as the file `path`. */
function compileErrors(project: string, path: string, source: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(root, project),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!config) throw new Error(`cannot read ${project}`);
  const planted = resolve(root, path);
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (file === planted ? source : readFile(file));
  host.fileExists = (file) => file === planted || ts.sys.fileExists(file);
  host.getSourceFile = (file, language) =>
    file === planted ? ts.createSourceFile(file, source, language) : getSourceFile(file, language);
  const program = ts.createProgram({ rootNames: [planted], options: config.options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === planted)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the layer table, held by the compiler', () => {
  it.each([
    [
      'tsconfig.common.json',
      'common/planted.ts',
      'export const title = document.title;',
      /Cannot find name 'document'/,
    ],
    ['tsconfig.common.json', 'common/planted.ts', 'export const cwd = process.cwd();', /Cannot find name 'process'/],
    ['tsconfig.node.json', 'db/planted.ts', 'export const title = document.title;', /Cannot find name 'document'/],
    [
      'tsconfig.node.json',
      'electron/core/planted.ts',
      'export const width = window.innerWidth;',
      /Cannot find name 'window'/,
    ],
    ['tsconfig.web.json', 'renderer/planted.ts', 'export const cwd = process.cwd();', /Cannot find name 'process'/],
    // An explicit node:* import still finds @types/node in node_modules; the linter refuses those (above).
    ['tsconfig.web.json', 'renderer/planted.ts', "export const bytes = Buffer.from('x');", /Cannot find name 'Buffer'/],
  ])('%s refuses a planted %s: %s', (project, file, source, error) => {
    expect(compileErrors(project, file, source).join('\n')).toMatch(error);
  });

  it.each([
    [
      'tsconfig.common.json',
      'common/planted.ts',
      "import { limits } from './model.ts';\nexport const n: number = limits.affixLength;",
    ],
    [
      'tsconfig.node.json',
      'db/planted.ts',
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;",
    ],
    ['tsconfig.web.json', 'renderer/planted.ts', 'export const title = document.title;'],
  ])('%s accepts what its layer may use (%s)', (project, file, source) => {
    expect(compileErrors(project, file, source)).toEqual([]);
  });
});
