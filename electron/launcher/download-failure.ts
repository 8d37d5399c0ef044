/**
 * Turns what Electron's installer printed when its download failed (an error's stack) into two plain sentences:
 * what failed, and how to retry. The stack itself is never shown: it points into @electron/get, not at the cause.
 */

/** Electron's own installer, run alone (the package's `install-electron` bin). */
export const installerCommand = 'npx install-electron';

/** What is known about a failed download, for the message. */
export interface DownloadFailure {
  /** Everything the installer wrote to stderr. */
  readonly installerOutput: string;
  /** The Electron version that was being fetched. */
  readonly version: string;
  /** The command that tries again, such as `npm start`. */
  readonly retryCommand: string;
  /** The server the download goes to (a mirror's, when one is set). */
  readonly host: string;
  /** The proxy the download went through, if any: then the server's name is the proxy's to resolve. */
  readonly proxy?: string | undefined;
  /** Whether that server's name resolved here: false means no network (or no DNS), true a refusal or a firewall. */
  readonly hostResolves: boolean | undefined;
}

/** The error's own text: the lines of the installer's output before the stack frames start. */
export function installerError(installerOutput: string): string {
  const lines: string[] = [];
  for (const line of installerOutput.split(/\r?\n/)) {
    if (/^\s+at\s/.test(line)) break;
    if (line.trim()) lines.push(line.trim());
  }
  return lines.join(' ') || 'the installer stopped without saying why';
}

/** What went wrong, in words; the installer's wording is kept where it is already plain. */
function whatFailed({ installerOutput, host, proxy, hostResolves }: DownloadFailure): string {
  const error = installerError(installerOutput);
  const http = /Response code (\d+) \(([^)]*)\) for (\S+)/.exec(error);
  // The URL in the error is the one that answered (after any redirect), so its host is named, not the mirror's.
  if (http) return `${URL.parse(http[3] ?? '')?.host ?? host} answered ${http[1]} (${http[2]}) for ${http[3]}`;
  if (/fetch failed/i.test(error)) {
    if (proxy) return `${host} could not be reached through the proxy ${proxy}`;
    if (hostResolves === false) return `${host} could not be found (is this computer offline?)`;
    return `${host} could not be reached (a firewall or proxy may be in the way)`;
  }
  if (/checksum/i.test(error)) return `the downloaded file did not match Electron's published checksum (${error})`;
  return error;
}

/** The message shown instead of the installer's stack trace. */
export function describeDownloadFailure(failure: DownloadFailure): string {
  const alone = failure.retryCommand === installerCommand ? '' : ` (\`${installerCommand}\` downloads Electron alone)`;
  return [
    `Could not download Electron ${failure.version}: ${whatFailed(failure)}.`,
    'Check your internet connection (behind a proxy, set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1), or set ' +
      `ELECTRON_MIRROR to a mirror you can reach, then run \`${failure.retryCommand}\` again${alone}.`,
  ].join('\n');
}
