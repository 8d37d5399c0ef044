import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the installed `electron` package expects its binary, by the same rules as the package's own index.js
 * (what `require('electron')` returns), read without requiring it: that require would start a download.
 */

/** The project's `electron` package: its folder and version. */
export interface ElectronPackage {
  readonly dir: string;
  readonly version: string;
}

/** The `electron` package the project at projectRoot resolves, as Node would from its package.json. */
export function findElectronPackage(projectRoot: string): ElectronPackage {
  const packageJson = createRequire(join(projectRoot, 'package.json')).resolve('electron/package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  return { dir: dirname(packageJson), version };
}

/** The executable inside an Electron dist folder on this OS (what Electron's install.js writes to path.txt). */
export function platformExecutable(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * The Electron executable when it is on disk, else undefined; never downloads. ELECTRON_OVERRIDE_DIST_PATH wins,
 * as in Electron's index.js. path.txt names the executable once the installer has finished; an override without it
 * gets the name this OS uses (Electron's own fallback, a bare `electron`, is wrong on macOS and Windows).
 */
export function installedBinary(pkg: ElectronPackage, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const pathFile = join(pkg.dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let executable: string | undefined;
  if (override) executable = join(override, relative || platformExecutable());
  else if (relative) executable = join(pkg.dir, 'dist', relative);
  return executable && existsSync(executable) ? executable : undefined;
}
