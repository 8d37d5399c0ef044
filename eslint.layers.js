// @ts-check
/**
 * The layer table: which folder may import which. VS Code's `code-layering` rule is the model. The linter holds it
 * (eslint.config.js turns each row into a no-restricted-imports rule), and one TypeScript project per layer holds
 * the globals (tsconfig.common.json: no DOM, no Node; tsconfig.node.json: no DOM; tsconfig.web.json: no Node).
 * test/layers/layers.test.ts plants forbidden imports in each layer and checks that both refuse them.
 *
 * - `folders`: the layer's own folders.
 * - `imports`: the other layers it may import. Every layer not listed is forbidden.
 * - `packages`: 'any', or the only npm packages it may import (node:* counts as a package).
 * - `typeOnly`: modules of an allowed layer it may import for types only (to keep zod out of the renderer bundle).
 */

/** @typedef {{ folders: string[], imports: string[], packages: 'any' | string[], forbiddenPackages?: string[], typeOnly?: string[], why: string }} Layer */

/** @type {Record<string, Layer>} */
export const layers = {
  common: {
    folders: ['common'],
    imports: [],
    packages: ['zod'],
    why: 'common/ is shared by every process: it imports only itself and zod (no DOM, no Node, no Electron).',
  },
  db: {
    folders: ['db'],
    imports: ['common'],
    packages: ['better-sqlite3', 'node:*'],
    why: 'db/ is the SQLite layer: common/, better-sqlite3 and Node only.',
  },
  core: {
    folders: ['electron/core', 'electron/ipc'],
    imports: ['common', 'db'],
    packages: 'any',
    forbiddenPackages: ['electron'],
    why: 'electron/core and electron/ipc run without Electron (tests, harness, scripts): no `electron`, no main-process or renderer code.',
  },
  main: {
    folders: ['electron/main'],
    imports: ['common', 'db', 'core'],
    packages: 'any',
    why: 'electron/main is the Electron wiring: it may use every main-side layer, never the renderer or the launcher.',
  },
  preload: {
    folders: ['electron/preload'],
    imports: ['common'],
    packages: ['electron'],
    why: 'The preload only exposes the contract’s channels: common/ and electron’s contextBridge/ipcRenderer.',
  },
  launcher: {
    folders: ['electron/launcher'],
    imports: [],
    packages: ['node:*'],
    why: 'electron/launcher is npm-script tooling that runs before Electron exists: Node only, and no app code imports it.',
  },
  renderer: {
    folders: ['renderer'],
    imports: ['common'],
    packages: 'any',
    forbiddenPackages: ['electron', 'better-sqlite3', 'node:*'],
    typeOnly: ['common/contract', 'common/schemas'],
    why: 'The renderer has no Node and no Electron: it reaches the main process only through window.marginalia.',
  },
};

/** Import patterns (gitignore-style, as no-restricted-imports reads them) that reach a folder, from anywhere. */
function patternsFor(folder) {
  const last = folder.split('/').pop();
  // From inside electron/, a sibling is reached as ../core/…, without the electron/ part.
  const sibling = folder.startsWith('electron/') ? [`../${last}/**`, `./${last}/**`] : [];
  return [`**/${folder}/**`, `**/${folder}`, ...sibling];
}

/** The no-restricted-imports options that hold one layer's row of the table. */
export function restrictionsFor(name) {
  const layer = layers[name];
  if (!layer) throw new Error(`no layer ${name}`);
  const forbiddenLayers = Object.entries(layers).filter(([other]) => other !== name && !layer.imports.includes(other));
  /** @type {Array<Record<string, unknown>>} */
  const patterns = forbiddenLayers.map(([other, { folders }]) => ({
    group: folders.flatMap(patternsFor),
    message: `${layer.why} (${other} is not among the layers it may import)`,
  }));
  for (const module of layer.typeOnly ?? []) {
    patterns.push({
      group: [`**/${module}*`],
      allowTypeImports: true,
      message: `${layer.why} Import ${module} for types only.`,
    });
  }
  if (Array.isArray(layer.packages)) {
    // Anything that is not relative and not an allowed package.
    const allowed = layer.packages.map((p) =>
      p === 'node:*' ? 'node:' : `${p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:/|$)`,
    );
    patterns.push({
      regex: `^(?!\\.|${allowed.join('|')})`,
      message: `${layer.why} Allowed packages: ${layer.packages.join(', ')}.`,
    });
  }
  for (const pkg of layer.forbiddenPackages ?? []) {
    patterns.push({ group: pkg === 'node:*' ? ['node:*'] : [pkg, `${pkg}/*`], message: layer.why });
  }
  return { patterns };
}
