import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeTempDir } from '../db/temp-dir.ts';

/**
 * `electron-builder --dir` as the hosted CI's packaging smoke test runs it (.github/workflows/ci.yml), here with a
 * stand-in for Electron, which this machine cannot download: a script holding the fuse wire that real Electron
 * binaries carry, so electron-builder packs the app around it and flips its fuses as it would Electron's. What is
 * checked is ours, not Electron's: the asar holds the built app and nothing else of the project, the SQLite
 * driver's native module for this system is outside it (it cannot be loaded from inside) and the other systems'
 * are not packed, and every fuse electron-builder.yml names is flipped in the binary.
 * Linux only: the stand-in is a Linux executable; the hosted CI packages the real Electron on all three systems.
 */

const projectDir = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const run = promisify(execFile);

/** Marks the fuse wire in an Electron binary (@electron/fuses' SENTINEL). */
const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The fuses in wire order (@electron/fuses' FuseV1Options) and the value electron-builder.yml asks for. */
const wanted: ReadonlyArray<[name: string, on: boolean | undefined]> = [
  ['runAsNode', false],
  ['enableCookieEncryption', true],
  ['enableNodeOptionsEnvironmentVariable', false],
  ['enableNodeCliInspectArguments', false],
  ['enableEmbeddedAsarIntegrityValidation', true],
  ['onlyLoadAppFromAsar', true],
  ['loadBrowserProcessSpecificV8Snapshot', undefined],
  ['grantFileProtocolExtraPrivileges', false],
  ['wasmTrapHandlers', undefined],
];

let temp: ReturnType<typeof makeTempDir>;
let appDir: string;

describe.runIf(process.platform === 'linux')('the unpacked package (electron-builder --dir)', () => {
  beforeAll(async () => {
    temp = makeTempDir();
    const electronDist = path.join(temp.dir, 'electron');
    mkdirSync(path.join(electronDist, 'resources'), { recursive: true });
    // Each fuse starts the opposite of what is wanted, so one left alone shows.
    const wire = wanted.map(([, on]) => (on === undefined ? '1' : on ? '0' : '1')).join('');
    const binary = path.join(electronDist, 'electron');
    writeFileSync(binary, `#!/bin/sh\n# ${sentinel}\u0001${String.fromCharCode(wire.length)}${wire}\n`, 'latin1');
    chmodSync(binary, 0o755);
    for (const file of ['version', 'LICENSE', 'LICENSES.chromium.html'])
      writeFileSync(path.join(electronDist, file), '');
    const output = path.join(temp.dir, 'release');
    await run(
      process.execPath,
      [
        require.resolve('electron-builder/cli.js'),
        '--dir',
        '--linux',
        '--publish',
        'never',
        `-c.electronDist=${electronDist}`,
        '-c.electronVersion=45.5.0',
        `-c.directories.output=${output}`,
      ],
      { cwd: projectDir, timeout: 120_000 },
    );
    appDir = path.join(output, 'linux-unpacked');
  }, 150_000);

  afterAll(() => temp.cleanup());

  it('holds the built app in its asar, and the SQLite driver for this system outside it', () => {
    expect(existsSync(path.join(projectDir, 'out/main/index.js')), 'npm test builds out/ first').toBe(true);
    const asar = require('@electron/asar') as { listPackage(archive: string, options?: object): string[] };
    const archive = path.join(appDir, 'resources/app.asar');
    const files = asar.listPackage(archive, {});
    expect(files).toContain(path.sep + path.join('out', 'main', 'index.js'));
    expect(files).toContain(path.sep + 'package.json');
    const driver = path.join(
      appDir,
      `resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-${process.arch}.node`,
    );
    expect(existsSync(driver), driver).toBe(true);
  });

  it('packs nothing of the project but the built app and its dependencies, and of the SQLite driver one binary and no sources', () => {
    const asar = require('@electron/asar') as { listPackage(archive: string, options?: object): string[] };
    const files = asar.listPackage(path.join(appDir, 'resources/app.asar'), {});
    const topLevel = new Set(files.map((file) => file.split(path.sep)[1]));
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json']);
    const driver = path.join(appDir, 'resources/app.asar.unpacked/node_modules/better-sqlite3');
    expect(readdirSync(path.join(driver, 'prebuilds'))).toEqual([`linux-${process.arch}.node`]);
    expect(readdirSync(driver).sort()).toEqual(['LICENSE', 'lib', 'package.json', 'prebuilds']);
    expect(files.some((file) => file.includes(`${path.sep}node-addon-api${path.sep}`))).toBe(false);
  });

  it('flips every fuse electron-builder.yml names, in the binary it ships', () => {
    const shipped = readFileSync(path.join(appDir, 'marginalia'), 'latin1');
    const at = shipped.indexOf(sentinel) + sentinel.length;
    const wire = shipped.slice(at + 2, at + 2 + wanted.length);
    const flipped = Object.fromEntries(
      wanted.flatMap(([name, on], index) => (on === undefined ? [] : [[name, wire[index] === '1']])),
    );
    expect(flipped).toEqual(Object.fromEntries(wanted.filter(([, on]) => on !== undefined)));
  });
});
