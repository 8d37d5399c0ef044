import { lookup } from 'node:dns/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The server Electron's download goes to, for messages only: @electron/get decides the real URL. When fetch fails it
 * reports only "fetch failed", so a name lookup tells "offline" apart from "reachable by name but refused".
 */

/** @electron/get's default, used when no mirror is configured. */
const defaultMirror = 'https://github.com/electron/electron/releases/download/';

/** The host of the mirror in use, in @electron/get's order of precedence (.npmrc, package.json, environment). */
export function downloadHost(env: NodeJS.ProcessEnv = process.env): string {
  const mirror =
    env.npm_config_electron_mirror ||
    env.NPM_CONFIG_ELECTRON_MIRROR ||
    env.npm_package_config_electron_mirror ||
    env.ELECTRON_MIRROR ||
    defaultMirror;
  try {
    return new URL(mirror).host;
  } catch {
    return mirror;
  }
}

/** The proxy @electron/get sends the download through (only with ELECTRON_GET_USE_PROXY), else undefined. */
export function downloadProxy(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!env.ELECTRON_GET_USE_PROXY) return undefined;
  return env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy || undefined;
}

/** Whether host resolves, or undefined when the lookup takes longer than a moment (a hung resolver says nothing). */
export async function hostResolves(host: string, waitMs = 3000): Promise<boolean | undefined> {
  const stopWaiting = new AbortController();
  const timeout = sleep(waitMs, undefined, { signal: stopWaiting.signal }).catch(() => undefined);
  const hostname = host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  const resolved = lookup(hostname).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([resolved, timeout]);
  } finally {
    stopWaiting.abort();
  }
}
