import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

import { ensureElectron } from './ensure-electron.ts';
import { packageBin } from './package-bin.ts';

/**
 * `node electron/launcher/run.mjs <command> [args…]` (run.mjs checks the Node version, then loads this): the npm scripts that launch Electron (start, dev,
 * package) run their command through this. It ensures the binary first (downloading it once, with a message), then
 * runs the command with ELECTRON_EXEC_PATH set, so electron-vite launches exactly the binary found here (also one
 * from ELECTRON_OVERRIDE_DIST_PATH, which electron-vite itself ignores). Development tooling only: nothing in the
 * app imports it, and it never loads the `electron` package's runtime.
 */

const projectRoot = resolve(import.meta.dirname, '../..');
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: node electron/launcher/with-electron.ts <command> [args…]');
  process.exit(2);
}

const electron = await ensureElectron({ projectRoot });
if (!electron.ok) {
  console.error(electron.message);
  process.exit(1);
}

let bin: string;
try {
  bin = packageBin(projectRoot, command);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const child = spawn(process.execPath, [bin, ...args], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: electron.executable },
});
// Ctrl+C reaches the whole process group, the command included; other signals are passed on so it can clean up.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
