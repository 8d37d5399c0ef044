import type { z } from 'zod';

/**
 * How a refused input is put into words: shared by the main process's dispatcher and the renderer tests' fake API,
 * so both answer a malformed call with the same message.
 */

/** How much of a caller's own text (an unknown key, a channel name) an error message may repeat. */
const echoLimit = 40;

/**
 * A caller's text cut to a short excerpt for an error message. Echoing it whole would let a 10 MB key make a 10 MB
 * message, copied into logs and across IPC.
 */
export function excerpt(text: string, limit = echoLimit): string {
  const chars = Array.from(text);
  return chars.length <= limit
    ? text
    : `${chars.slice(0, limit).join('')}… (${chars.length.toLocaleString('en-US')} characters)`;
}

/**
 * Turns a schema failure into sentences a user can read. Our schemas' own messages name what is wrong ("the note is
 * longer than …") and are written in lower case; zod's generic ones ("Invalid input: expected string") start with a
 * capital and need the field's path to make sense, so only those get it. Keys the caller sent are cut to excerpts.
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const message = issue.code === 'unrecognized_keys' ? unrecognizedKeys(issue.keys) : issue.message;
      const ours = /^[a-z]/.test(message);
      const path = issue.path.map((key) => excerpt(String(key))).join('.');
      return ours || path === '' ? sentence(message) : `${path}: ${message}.`;
    })
    .join(' ');
}

function unrecognizedKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 3).map((key) => JSON.stringify(excerpt(key)));
  const more = keys.length > shown.length ? ` and ${keys.length - shown.length} more` : '';
  return `Unrecognized key${keys.length > 1 ? 's' : ''}: ${shown.join(', ')}${more}`;
}

function sentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
