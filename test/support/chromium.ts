import { existsSync } from 'node:fs';

/** Flags that let Chromium run headless as root on a closed network without stalling on background services. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const knownLocations = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The Chromium-family browser the tests drive: $CHROMIUM_PATH, else the first one found in the usual places. */
export function chromiumExecutable(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  const found = knownLocations.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium-family browser found for the tests. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  return found;
}
