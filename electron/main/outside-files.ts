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
  return args.filter((arg) => arg !== '' && !arg.startsWith('-')).map((arg) => resolve(workingDirectory, arg));
}
