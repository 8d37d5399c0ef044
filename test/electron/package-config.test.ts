import { createRequire } from 'node:module';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

/**
 * The packaging configuration as electron-builder itself reads it (its own loader and schema validation), so a
 * misspelt key or a setting in the wrong place fails here instead of being ignored at packaging time.
 */

const projectDir = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
// electron-builder's own config loader; app-builder-lib and builder-util are its parts and install with it.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger.js') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

async function packagingConfig(): Promise<Record<string, unknown>> {
  const config = await getConfig(projectDir, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
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
});
