import { describe, expect, it } from 'vitest';

import { describeDownloadFailure, installerError } from '../../electron/launcher/download-failure.ts';
import { downloadHost, downloadProxy } from '../../electron/launcher/download-host.ts';

/** What Electron 45's install.js prints when fetch fails (its `console.error(err.stack)`), as captured offline here. */
const fetchFailed = `TypeError: fetch failed
    at node:internal/deps/undici/undici:15270:13
    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)
`;

const base = { version: '45.5.0', retryCommand: 'npm run dev', host: 'github.com' } as const;

describe('the message for a failed Electron download', () => {
  it('says the computer looks offline when the download host does not resolve', () => {
    const message = describeDownloadFailure({ ...base, installerOutput: fetchFailed, hostResolves: false });
    expect(message).toBe(
      'Could not download Electron 45.5.0: github.com could not be found (is this computer offline?).\n' +
        'Check your internet connection (behind a proxy, set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1), or set ' +
        'ELECTRON_MIRROR to a mirror you can reach, then run `npm run dev` again ' +
        '(`npx install-electron` downloads Electron alone).',
    );
  });

  it('points at a firewall or proxy when the host resolves but the connection fails', () => {
    const message = describeDownloadFailure({ ...base, installerOutput: fetchFailed, hostResolves: true });
    expect(message).toContain('github.com could not be reached (a firewall or proxy may be in the way)');
  });

  it('names the proxy when the download went through one', () => {
    const proxy = 'http://proxy.example:3128';
    const message = describeDownloadFailure({ ...base, installerOutput: fetchFailed, proxy, hostResolves: undefined });
    expect(message).toContain('github.com could not be reached through the proxy http://proxy.example:3128.');
  });

  it('keeps an unfamiliar error in its own words, without the stack', () => {
    const output = "Error: EACCES: permission denied, mkdir\n  '/x/dist'\n    at mkdir (node:fs:1:1)\n";
    expect(installerError(output)).toBe("Error: EACCES: permission denied, mkdir '/x/dist'");
    const message = describeDownloadFailure({ ...base, installerOutput: output, hostResolves: undefined });
    expect(message).toContain("Could not download Electron 45.5.0: Error: EACCES: permission denied, mkdir '/x/dist'.");
    expect(message).not.toContain('node:fs');
  });
});

describe('the download host named in messages', () => {
  it('is the mirror when one is set, in @electron/get order (.npmrc before the environment)', () => {
    expect(downloadHost({})).toBe('github.com');
    expect(downloadHost({ ELECTRON_MIRROR: 'https://mirror.example/electron/' })).toBe('mirror.example');
    expect(
      downloadHost({ ELECTRON_MIRROR: 'https://b.example/', npm_config_electron_mirror: 'https://a.example/' }),
    ).toBe('a.example');
  });
});

describe('the proxy named in messages', () => {
  it('is the one @electron/get uses: HTTPS_PROXY and friends, only with ELECTRON_GET_USE_PROXY', () => {
    expect(downloadProxy({ HTTPS_PROXY: 'http://p:1' })).toBeUndefined();
    expect(downloadProxy({ HTTPS_PROXY: 'http://p:1', ELECTRON_GET_USE_PROXY: '1' })).toBe('http://p:1');
    expect(downloadProxy({ http_proxy: 'http://q:2', ELECTRON_GET_USE_PROXY: 'true' })).toBe('http://q:2');
  });
});
