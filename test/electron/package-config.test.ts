import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { makeTempDir } from '../db/temp-dir.ts';

/**
 * The packaging configuration as electron-builder itself reads it (its own loader and schema validation), so a
 * misspelt key or a setting in the wrong place fails here instead of being ignored at packaging time. Where it can
 * be done without downloading anything, electron-builder's own parts also apply the settings: its file matcher
 * picks the SQLite driver's files for each target, its icon resolver finds the Linux icons, its plist reader reads
 * the entitlements.
 */

const projectDir = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
// electron-builder's own config loader; app-builder-lib and builder-util are its parts and install with it.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Config>;
  validateConfiguration(config: Config, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger.js') as {
  DebugLogger: new (enabled: boolean) => { isEnabled: boolean };
};
const { parsePlistFile } = require('app-builder-lib/out/util/plist.js') as {
  parsePlistFile(file: string): Promise<unknown>;
};
const { getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformOptions: PlatformOptions,
    packager: { config: Config; debugLogger: unknown },
  ): { createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean };
};
const { expandMacro } = require('app-builder-lib/out/util/macroExpander.js') as {
  expandMacro(pattern: string, arch: string, appInfo: object, extra: Record<string, string>): string;
};
const { convertIcon } = require('app-builder-lib/out/util/iconConverter.js') as {
  convertIcon(options: {
    sources: string[];
    fallbackSources: string[];
    roots: string[];
    format: 'set';
    outDir: string;
  }): Promise<{ icons: Array<{ file: string; size: number }>; isFallback: boolean }>;
};

interface PlatformOptions {
  target?: unknown;
  files?: unknown[];
  icon?: string;
  [key: string]: unknown;
}
interface Config extends Record<string, unknown> {
  icon?: string;
  mac?: PlatformOptions;
  win?: PlatformOptions;
  linux?: PlatformOptions;
}

async function packagingConfig(): Promise<Config> {
  const config = await getConfig(projectDir, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

/** A PNG's size as its header states it (the IHDR chunk, which the format puts first). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('flips the security fuses: no run-as-Node, NODE_OPTIONS or --inspect; app only from a validated asar; encrypted cookies', async () => {
    const config = await packagingConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar, with the SQLite driver’s native binary unpacked beside it', async () => {
    const config = await packagingConfig();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
  });

  it('registers the marginalia:// scheme, so links in exported notes open the app', async () => {
    const config = await packagingConfig();
    expect(config.protocols).toEqual([{ name: 'Marginalia link', schemes: ['marginalia'] }]);
  });

  it('builds a Windows installer, a macOS disk image and a Linux AppImage and deb, each for Intel and ARM', async () => {
    const config = await packagingConfig();
    const bothArchs = ['x64', 'arm64'];
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: bothArchs }]);
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: bothArchs }]);
    expect(config.linux?.target).toEqual([
      { target: 'AppImage', arch: bothArchs },
      { target: 'deb', arch: bothArchs },
    ]);
  });

  it('signs for macOS with the hardened runtime and only the JIT entitlement, in a file that parses as a plist', async () => {
    const mac = (await packagingConfig()).mac ?? {};
    expect(mac.hardenedRuntime).toBe(true);
    // Assessing before notarisation would fail the build: Gatekeeper only accepts a notarised app.
    expect(mac.gatekeeperAssess).toBe(false);
    // Notarising is left to the APPLE_* environment variables; `notarize: false` would turn it off.
    expect(mac.notarize).toBeUndefined();
    for (const key of ['entitlements', 'entitlementsInherit']) {
      const file = mac[key];
      expect(file, key).toEqual(expect.any(String));
      expect(await parsePlistFile(join(projectDir, file as string)), key).toEqual({
        'com.apple.security.cs.allow-jit': true,
      });
    }
  });

  it('offers the app for opening text, Markdown and HTML files, as a viewer that does not take over their default app', async () => {
    const config = await packagingConfig();
    const viewer = { role: 'Viewer', rank: 'Alternate' };
    // Not for Windows, whose installer would make the app their default handler (see electron-builder.yml).
    expect(config.fileAssociations).toBeUndefined();
    expect((config.win as { fileAssociations?: unknown }).fileAssociations).toBeUndefined();
    expect((config.mac as { fileAssociations?: unknown }).fileAssociations).toEqual([
      { ext: 'txt', name: 'Plain text', description: 'Plain text document', ...viewer },
      { ext: ['md', 'markdown'], name: 'Markdown', description: 'Markdown document', ...viewer },
      { ext: ['html', 'htm'], name: 'HTML', description: 'HTML document', ...viewer },
    ]);
    // On Linux through the .desktop file's MimeType, reusing the system's own definitions of these types.
    expect(config.linux?.mimeTypes).toEqual(['text/plain', 'text/markdown', 'text/html']);
    for (const association of (config.mac as { fileAssociations: Array<{ mimeType?: string }> }).fileAssociations)
      expect(association.mimeType).toBeUndefined();
  });

  it('has an app icon of 1024 × 1024 px, from which electron-builder makes the macOS and Windows icons', async () => {
    const config = await packagingConfig();
    expect(config.icon).toBe('build/icon.png');
    expect(pngSize(join(projectDir, config.icon!))).toEqual({ width: 1024, height: 1024 });
  });

  it('gives Linux the icon in the sizes its icon themes have folders for, 16 to 512 px', async () => {
    const config = await packagingConfig();
    const temp = makeTempDir();
    try {
      // How electron-builder resolves the Linux icons (LinuxTargetHelper): linux.icon, else the common icon.
      const { icons, isFallback } = await convertIcon({
        sources: [config.linux?.icon, config.icon].filter((source): source is string => source !== undefined),
        fallbackSources: [],
        roots: [join(projectDir, 'build'), projectDir],
        format: 'set',
        outDir: temp.dir,
      });
      expect(isFallback).toBe(false);
      expect(icons.map((icon) => icon.size)).toEqual([16, 32, 48, 64, 128, 256, 512]);
      for (const icon of icons) expect(pngSize(icon.file)).toEqual({ width: icon.size, height: icon.size });
    } finally {
      temp.cleanup();
    }
  });

  it('ships only the SQLite driver’s binary for the target system and arch, without its sources', async () => {
    const config = await packagingConfig();
    const driver = join(projectDir, 'node_modules/better-sqlite3');
    const prebuilds = readdirSync(join(driver, 'prebuilds'));
    expect(prebuilds, 'better-sqlite3 ships its prebuilt binaries').toHaveLength(8);
    const notADirectory = { isDirectory: () => false };
    const targets = [
      ['mac', 'darwin'],
      ['win', 'win32'],
      ['linux', 'linux'],
    ] as const;
    for (const [os, system] of targets) {
      for (const arch of ['x64', 'arm64']) {
        // As electron-builder matches a dependency's files when it packs for `os` and `arch` (platformPackager).
        const matcher = getNodeModuleFileMatcher(
          projectDir,
          projectDir,
          (pattern) => expandMacro(pattern, arch, {}, { os, '/*': '{,/**/*}' }),
          config[os] ?? {},
          { config, debugLogger: new DebugLogger(false) },
        );
        const packed = matcher.createFilter();
        const packs = (file: string) => packed(join(projectDir, file), notADirectory);
        const shipped = prebuilds.filter((name) => packs(`node_modules/better-sqlite3/prebuilds/${name}`));
        expect(shipped, `${os} ${arch}`).toEqual([`${system}-${arch}.node`]);
        expect(packs('node_modules/better-sqlite3/lib/index.js'), 'the driver’s JavaScript').toBe(true);
        expect(packs('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c'), 'SQLite’s C source').toBe(false);
        expect(packs('node_modules/better-sqlite3/src/addon.cpp'), 'the driver’s C++ source').toBe(false);
        expect(packs('node_modules/node-addon-api/napi.h'), 'the C++ headers').toBe(false);
      }
    }
  });
});
