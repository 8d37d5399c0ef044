import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { describeDownloadFailure, installerCommand, installerError } from './download-failure.ts';
import { downloadHost, downloadProxy, hostResolves } from './download-host.ts';
import { type ElectronPackage, findElectronPackage, installedBinary } from './electron-package.ts';

/**
 * Makes sure the Electron binary is on disk before anything launches it. Electron 45 downloads its binary lazily
 * (on `require('electron')` or through its installer), but electron-vite only reads node_modules/electron/path.txt
 * and fails with "Electron uninstall" when the download never happened. So this runs Electron's own installer
 * (node_modules/electron/install.js: platform, arch, mirror, cache and checksums handled as upstream intends) and
 * says what it is doing, and turns a failed download into a message instead of a stack trace.
 */

/** How to ensure the binary. */
export interface EnsureElectronOptions {
  /** The folder whose package.json resolves the `electron` package. */
  readonly projectRoot: string;
  readonly env?: NodeJS.ProcessEnv;
  /** False only looks: nothing is downloaded (the tests use this to skip quietly, see test/harness). */
  readonly download?: boolean;
  /** The command a person runs to try again; by default the npm script that is running. */
  readonly retryCommand?: string;
  /** Where progress lines go; stderr by default, so a command's own output stays clean. */
  readonly log?: (line: string) => void;
}

/** The binary to launch, or a message saying why there is none and what to do. */
export type EnsureElectronResult =
  { readonly ok: true; readonly executable: string } | { readonly ok: false; readonly message: string };

/** How long a download may run silently before a line says it is still going (a slow link takes minutes). */
const heartbeatMs = 30_000;

/** The npm script that is running (`npm start`, `npm run dev`), which is what a person would run again. */
function currentCommand(env: NodeJS.ProcessEnv): string {
  const script = env.npm_lifecycle_event;
  if (!script) return installerCommand;
  return script === 'start' || script === 'test' ? `npm ${script}` : `npm run ${script}`;
}

/** Runs Electron's installer; resolves with its exit code and what it wrote to stderr (its error, if any). */
function runInstaller(pkg: ElectronPackage, env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    // stderr is captured, not shown: on failure the installer prints only a stack trace.
    const child = spawn(process.execPath, [join(pkg.dir, 'install.js')], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => resolve({ code: 1, stderr: error.message }));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

/** Finds the Electron binary, downloading it first (once) when it is missing. */
export async function ensureElectron(options: EnsureElectronOptions): Promise<EnsureElectronResult> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.error(line));
  const retryCommand = options.retryCommand ?? currentCommand(env);

  let pkg: ElectronPackage;
  try {
    pkg = findElectronPackage(options.projectRoot);
  } catch {
    return { ok: false, message: 'The electron package is not installed: run `npm install` first.' };
  }
  const found = installedBinary(pkg, env);
  if (found) return { ok: true, executable: found };
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    // The installer always extracts into node_modules/electron/dist, so downloading would not fill this folder.
    return {
      ok: false,
      message:
        `ELECTRON_OVERRIDE_DIST_PATH is ${env.ELECTRON_OVERRIDE_DIST_PATH}, which holds no Electron executable. ` +
        'Point it at an unpacked Electron, or unset it to let Electron download its own binary.',
    };
  }
  if (options.download === false) {
    const message = `The Electron ${pkg.version} binary has not been downloaded (node_modules/electron/dist is missing).`;
    return { ok: false, message };
  }

  log(`Downloading Electron ${pkg.version} (about 100 MB), once: later starts use node_modules/electron/dist.`);
  const started = Date.now();
  const heartbeat = setInterval(() => {
    log(`Still downloading Electron ${pkg.version} (${Math.round((Date.now() - started) / 1000)} s so far)…`);
  }, heartbeatMs);
  let result: { code: number; stderr: string };
  try {
    result = await runInstaller(pkg, env);
  } finally {
    clearInterval(heartbeat);
  }

  if (result.code === 0) {
    const executable = installedBinary(pkg, env);
    if (executable) {
      log(`Electron ${pkg.version} is ready.`);
      return { ok: true, executable };
    }
    return {
      ok: false,
      message:
        `Electron's installer finished, but ${join(pkg.dir, 'path.txt')} names no executable. ` +
        `Delete node_modules/electron, run \`npm install\`, then \`${retryCommand}\`.`,
    };
  }
  const host = downloadHost(env);
  const proxy = downloadProxy(env);
  // Only a failed connection leaves the cause unsaid (an HTTP status or a checksum error names it), and behind a
  // proxy the name is the proxy's to look up, not ours.
  const connectionFailed = /fetch failed/i.test(installerError(result.stderr));
  const resolves = connectionFailed && !proxy ? await hostResolves(host) : undefined;
  const failure = {
    installerOutput: result.stderr,
    version: pkg.version,
    retryCommand,
    host,
    proxy,
    hostResolves: resolves,
  };
  return { ok: false, message: describeDownloadFailure(failure) };
}
