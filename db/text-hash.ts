import { createHash } from 'node:crypto';

/** SHA-256 of a text's UTF-8 bytes, as lowercase hex: tells a changed re-import from an unchanged one. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
