import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findElectronPackage, platformExecutable } from '../../electron/launcher/electron-package.ts';
import { type LocalMirror, startLocalMirror } from './local-mirror.ts';
import { cleanEnv, makeScratchProject, repoRoot, runNpm, type ScratchProject } from './scratch-project.ts';
import { shasums, standInScript, zipOf } from './stand-in.ts';

/**
 * `npm start` as a person runs it, with a stand-in for the Electron binary (a shell script recording how it was
 * started) and, for downloads, a mirror on 127.0.0.1: nothing here reaches the network. Downloads happen in a
 * scratch copy of the project (scratch-project.ts), so the real node_modules/electron is never written.
 *
 * The launches pass `-- --skipBuild` to electron-vite preview: the rest of the script chain is the real one, but a
 * rebuild would empty out/ while other test files read it (npm test builds once, first).
 */

const { version } = findElectronPackage(repoRoot);
const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`;
const zipPath = `/v${version}/${zipName}`;
const shasumsPath = `/v${version}/SHASUMS256.txt`;
const stackFrame = /^\s+at\s/m;

/** The folder and arguments the stand-in recorded. */
function recorded(recordFile: string): { cwd: string; args: string[] } {
  const [cwd = '', ...args] = readFileSync(recordFile, 'utf8').trimEnd().split('\n');
  return { cwd, args };
}

describe.skipIf(process.platform === 'win32')('npm start', () => {
  let temp: string;
  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'marginalia-npm-start-'));
    writeFileSync(join(temp, 'empty-npmrc'), '');
    // npm test builds before any test runs; building here covers `vitest run test/launcher` on a fresh clone.
    if (!existsSync(join(repoRoot, 'out/main/index.js'))) {
      execFileSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'ignore' });
    }
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('launches the built main from the project folder, with the binary Electron would run', async () => {
    // The relative path is what path.txt says where a real binary is installed, so the override is used as is.
    const pathTxt = join(findElectronPackage(repoRoot).dir, 'path.txt');
    const relative = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : platformExecutable();
    const dist = join(temp, 'dist');
    const binary = join(dist, relative);
    const record = join(temp, 'launched.txt');
    mkdirSync(dirname(binary), { recursive: true });
    writeFileSync(binary, standInScript(record));
    chmodSync(binary, 0o755);

    const env = cleanEnv(join(temp, 'empty-npmrc'), { ELECTRON_OVERRIDE_DIST_PATH: dist });
    const { code, output } = await runNpm(repoRoot, ['start', '--', '--skipBuild'], env);

    expect(output).not.toContain('Electron uninstall');
    expect(output).not.toContain('Downloading Electron');
    expect(code, output).toBe(0);
    // electron-vite starts Electron on "." from the project folder, which package.json's main makes the built main.
    expect(recorded(record)).toEqual({ cwd: realpathSync(repoRoot), args: ['.'] });
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
    expect(existsSync(join(repoRoot, pkg.main))).toBe(true);
  });

  describe('without the binary', () => {
    let project: ScratchProject;
    let mirror: LocalMirror | undefined;
    beforeAll(() => {
      project = makeScratchProject();
    });
    afterAll(async () => {
      await mirror?.close();
      project.remove();
    });

    /** Runs `npm start` in the scratch project, downloading from mirror into an empty download cache. */
    async function startWith(served: LocalMirror, args: string[] = [], extra: Record<string, string> = {}) {
      mirror = served;
      const cache = mkdtempSync(join(temp, 'cache-'));
      rmSync(join(project.electronDir, 'dist'), { recursive: true, force: true });
      rmSync(join(project.electronDir, 'path.txt'), { force: true });
      const env = cleanEnv(project.npmrc, { ELECTRON_MIRROR: served.url, electron_config_cache: cache, ...extra });
      const result = await runNpm(project.root, ['start', ...args], env);
      await served.close();
      mirror = undefined;
      return result;
    }

    it('tries the download, and says what failed and how to retry when the server has no such file', async () => {
      const served = await startLocalMirror();
      const { code, output } = await startWith(served);

      expect(served.requests).toEqual([zipPath]);
      expect(output).toContain(`Downloading Electron ${version} (about 100 MB), once`);
      expect(output).toContain(
        `Could not download Electron ${version}: ${served.host} answered 404 (Not Found) for ${served.url}${zipPath.slice(1)}.`,
      );
      expect(output).toContain('set ELECTRON_MIRROR to a mirror you can reach, then run `npm start` again');
      expect(output).not.toContain('Electron uninstall');
      expect(output).not.toMatch(stackFrame);
      expect(code).toBe(1);
      expect(existsSync(join(project.electronDir, 'path.txt'))).toBe(false);
    });

    it('says the server could not be reached when nothing answers', async () => {
      const served = await startLocalMirror();
      await served.close();
      const { code, output } = await startWith(served);

      expect(output).toContain(`Could not download Electron ${version}: ${served.host} could not be reached`);
      expect(output).not.toMatch(stackFrame);
      expect(code).toBe(1);
    });

    it('refuses a download that does not match its published checksum', async () => {
      const zip = zipOf([{ name: platformExecutable(), content: '#!/bin/sh\n', mode: 0o755 }]);
      const served = await startLocalMirror({
        [zipPath]: zip,
        [shasumsPath]: shasums({ [zipName]: Buffer.from('something else') }),
      });
      const { code, output } = await startWith(served, [], { electron_use_remote_checksums: '1' });

      expect(output).toContain(`Could not download Electron ${version}: the downloaded file did not match`);
      expect(output).not.toMatch(stackFrame);
      expect(code).toBe(1);
      expect(existsSync(join(project.electronDir, 'path.txt'))).toBe(false);
    });

    it('downloads the binary once, then launches the app with it', async () => {
      const record = join(temp, 'downloaded-launch.txt');
      const zip = zipOf([
        { name: platformExecutable(), content: standInScript(record), mode: 0o755 },
        { name: 'version', content: version },
      ]);
      const served = await startLocalMirror({ [zipPath]: zip, [shasumsPath]: shasums({ [zipName]: zip }) });
      // Electron's installer checks downloads against checksums.json; the stand-in is checked against the
      // SHASUMS256.txt the mirror serves instead, which is what this switch asks for.
      const { code, output } = await startWith(served, ['--', '--skipBuild'], { electron_use_remote_checksums: '1' });

      expect(output).toContain(`Downloading Electron ${version} (about 100 MB), once`);
      expect(output).toContain(`Electron ${version} is ready.`);
      expect(code, output).toBe(0);
      expect(served.requests).toEqual([zipPath, shasumsPath]);
      expect(readFileSync(join(project.electronDir, 'path.txt'), 'utf8')).toBe(platformExecutable());
      expect(recorded(record)).toEqual({ cwd: realpathSync(project.root), args: ['.'] });

      // A second start finds the binary and downloads nothing.
      const again = await runNpm(project.root, ['start', '--', '--skipBuild'], cleanEnv(project.npmrc, {}));
      expect(again.code, again.output).toBe(0);
      expect(again.output).not.toContain('Downloading Electron');
    });
  });
});
