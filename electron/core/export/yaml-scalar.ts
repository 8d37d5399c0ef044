/**
 * A YAML double-quoted scalar that every YAML parser (1.1 and 1.2) reads back as exactly `value`: a title with a
 * colon, quotes, a `#` or a line break stays one string. Escaped are the quote and backslash, and every character
 * YAML does not allow raw or reads as a line break: C0 and C1 controls, DEL, NEL, U+2028/U+2029, the byte order
 * mark, U+FFFE/U+FFFF and lone surrogates. Other characters stay as they are, so the file reads as the title does.
 */
export function yamlString(value: string): string {
  let quoted = '"';
  // By code point: a surrogate pair is one character (kept), a lone surrogate is one too (escaped).
  for (const character of value) quoted += escaped(character);
  return `${quoted}"`;
}

const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' };

function escaped(character: string): string {
  const name = named[character];
  if (name !== undefined) return name;
  const code = character.codePointAt(0)!;
  const raw =
    (code >= 0x20 && code < 0x7f) ||
    (code >= 0xa0 &&
      code <= 0xffff &&
      !(code >= 0xd800 && code <= 0xdfff) &&
      ![0x2028, 0x2029, 0xfeff, 0xfffe, 0xffff].includes(code)) ||
    code > 0xffff;
  return raw ? character : `\\u${code.toString(16).padStart(4, '0')}`;
}
