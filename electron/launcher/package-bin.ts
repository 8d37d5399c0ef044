import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * The JavaScript file behind an installed package's command (`electron-vite` → electron-vite/bin/electron-vite.js).
 * Running it with this Node, rather than through node_modules/.bin, needs no shell and no .cmd shim on Windows.
 */
export function packageBin(projectRoot: string, command: string): string {
  // Package folders are looked up on disk: a package's "exports" may not expose its package.json to require().
  const searchPaths = createRequire(join(projectRoot, 'package.json')).resolve.paths(command) ?? [];
  for (const modules of searchPaths) {
    const packageJson = join(modules, command, 'package.json');
    if (!existsSync(packageJson)) continue;
    const { bin } = JSON.parse(readFileSync(packageJson, 'utf8')) as { bin?: string | Record<string, string> };
    const file = typeof bin === 'string' ? bin : bin?.[command];
    if (file) return resolve(dirname(packageJson), file);
  }
  throw new Error(`No installed package provides the command ${command}: run \`npm install\` first.`);
}
