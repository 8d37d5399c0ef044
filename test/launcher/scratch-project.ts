import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A throwaway copy of the project for running `npm start` where Electron's installer may write: the real
 * package.json and electron/launcher/, every installed package linked from the real node_modules, except
 * `electron`, which is a copy without its binary (no dist/, no path.txt). So a download test can fill
 * node_modules/electron/dist without touching the real one, which other test files may be using.
 */

/** The repository the tests run in. */
export const repoRoot = resolve(import.meta.dirname, '../..');

/** A scratch project and where its Electron package is. */
export interface ScratchProject {
  readonly root: string;
  readonly electronDir: string;
  /** An empty npmrc for cleanEnv. */
  readonly npmrc: string;
  remove(): void;
}

/** Makes a scratch project in a new temp folder. */
export function makeScratchProject(): ScratchProject {
  const root = mkdtempSync(join(tmpdir(), 'marginalia-launcher-'));
  cpSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
  cpSync(join(repoRoot, 'electron/launcher'), join(root, 'electron/launcher'), { recursive: true });
  // electron-vite checks that package.json's "main" exists; the stand-in binary never reads it.
  mkdirSync(join(root, 'out/main'), { recursive: true });
  writeFileSync(join(root, 'out/main/index.js'), '');

  const realModules = join(repoRoot, 'node_modules');
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(realModules)) {
    if (name !== 'electron') symlinkSync(join(realModules, name), join(modules, name));
  }
  const electronDir = join(modules, 'electron');
  const realElectron = join(realModules, 'electron');
  const binaryParts = new Set([join(realElectron, 'dist'), join(realElectron, 'path.txt')]);
  cpSync(realElectron, electronDir, { recursive: true, filter: (source) => !binaryParts.has(source) });
  const npmrc = join(root, 'empty-npmrc');
  writeFileSync(npmrc, '');
  return { root, electronDir, npmrc, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** What a command printed (stdout and stderr, interleaved) and how it ended. */
export interface CommandResult {
  readonly code: number | null;
  readonly output: string;
}

/**
 * The environment for a child npm: this one without npm's, Electron's or proxy settings, reading only the
 * given (empty) npmrc (a developer's electron_mirror there would outrank ELECTRON_MIRROR), plus the given variables.
 */
export function cleanEnv(npmrc: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|electron_|https?_proxy$|no_proxy$|node_use_env_proxy$|no_sandbox$)/i.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    npm_config_userconfig: npmrc,
    npm_config_globalconfig: `${npmrc}-global`, // npm refuses one file as both; a missing one reads as empty
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

/** Runs `npm <args>` in cwd and collects its output; fails the test if it runs longer than timeoutMs. */
export function runNpm(
  cwd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 45_000,
): Promise<CommandResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm ${args.join(' ')} ran over ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output });
    });
  });
}
