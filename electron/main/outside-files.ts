import { resolve } from 'node:path';

/**
 * Files the operating system hands the app: paths on the command line (`marginalia notes.md`, or the file a user
 * opened with the app from a file manager), at start and when a second launch passes them to the running app.
 *
 * argv starts with the executable; when run unpackaged (`electron .`) the app's folder comes next. Options
 * (`--foo`) and Chromium's switches are not files. Relative paths are resolved against the launching shell's folder.
 */
export function filesFromArgv(argv: readonly string[], workingDirectory: string, unpackaged: boolean): string[] {
  const args = argv.slice(unpackaged ? 2 : 1);
  return args
    .filter((arg) => arg !== '' && !arg.startsWith('-') && !isMarginaliaLink(arg))
    .map((arg) => resolve(workingDirectory, arg));
}

/**
 * `marginalia://` links on the command line: how Windows and Linux hand the app a link the user clicked (at start,
 * or through a second launch). Only checked for the scheme here; open-link.ts checks the rest.
 */
export function linksFromArgv(argv: readonly string[], unpackaged: boolean): string[] {
  return argv.slice(unpackaged ? 2 : 1).filter(isMarginaliaLink);
}

function isMarginaliaLink(arg: string): boolean {
  return /^marginalia:/i.test(arg);
}
