/**
 * Recognising a file that is not text at all, from its first bytes, so the user is told "this looks like a PDF"
 * rather than shown a page of replacement characters.
 */

/** Known formats by their first bytes ("magic numbers"), with the name a user knows them by. */
const signatures: ReadonlyArray<{ name: string; bytes: readonly number[]; offset?: number }> = [
  { name: 'PDF', bytes: ascii('%PDF-') },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: ascii('GIF8') },
  { name: 'WebP', bytes: ascii('WEBP'), offset: 8 },
  // Word, Excel and PowerPoint files (.docx, .xlsx, .pptx), EPUB and ODF documents are ZIP archives too.
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: '7-Zip', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR', bytes: ascii('Rar!') },
  // Older Word, Excel and PowerPoint files (.doc, .xls, .ppt).
  { name: 'Office', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'SQLite', bytes: ascii('SQLite format 3') },
  { name: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/**
 * Whether bytes (not starting with a UTF-16 byte-order mark) are a binary file: a known signature, or a NUL byte,
 * which text in UTF-8 or a legacy encoding never holds. `kind` names the format when the signature is known.
 */
export function binaryKind(bytes: Uint8Array): { kind: string | undefined } | undefined {
  for (const { name, bytes: signature, offset = 0 } of signatures) {
    if (signature.every((byte, i) => bytes[offset + i] === byte)) return { kind: name };
  }
  return bytes.includes(0) ? { kind: undefined } : undefined;
}
