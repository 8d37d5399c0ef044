/**
 * A reader for the YAML that Marginalia's front matter uses, written from the YAML 1.2 spec: a block mapping of
 * `key: value` lines, each value a plain integer, `[]`, a double-quoted scalar, or a block sequence of double-quoted
 * scalars on the lines below (`  - "item"`). It reads escapes as the spec defines them (not as JSON does) and refuses
 * what the spec does not allow in a double-quoted scalar (a raw control character, a raw line break, a lone
 * surrogate) and every line it does not understand, so a value it reads back is one any YAML parser reads the same.
 */
export function parseFrontMatterSubset(lines: readonly string[]): Record<string, string | number | string[]> {
  const result: Record<string, string | number | string[]> = {};
  let list: string[] | undefined;
  for (const line of lines) {
    const item = /^ {2}- (".*")$/.exec(line);
    if (item && list) {
      list.push(doubleQuoted(item[1]!));
      continue;
    }
    const entry = /^([a-z][a-z-]*):(?: (.*))?$/.exec(line);
    if (!entry) throw new Error(`not an entry: ${JSON.stringify(line)}`);
    const [, key, value] = entry as unknown as [string, string, string | undefined];
    if (key in result) throw new Error(`duplicate key ${key}`);
    list = undefined;
    if (value === undefined) result[key] = list = [];
    else if (value === '[]') result[key] = [];
    else if (/^(0|[1-9][0-9]*)$/.test(value)) result[key] = Number(value);
    else result[key] = doubleQuoted(value);
  }
  return result;
}

/** YAML 1.2's escapes in double-quoted scalars (section 5.7). */
const escapes: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

function doubleQuoted(scalar: string): string {
  if (scalar.length < 2 || !scalar.startsWith('"') || !scalar.endsWith('"')) throw new Error(`not quoted: ${scalar}`);
  const body = scalar.slice(1, -1);
  let value = '';
  for (let at = 0; at < body.length;) {
    const character = String.fromCodePoint(body.codePointAt(at)!);
    if (character === '"') throw new Error('an unescaped quote inside a double-quoted scalar');
    if (character !== '\\') {
      if (!printable(character))
        throw new Error(`a raw non-printable character U+${character.codePointAt(0)!.toString(16)}`);
      // A raw CR breaks the line; YAML 1.1 parsers read NEL, LS and PS as line breaks too: they would fold the value.
      if (['\r', '\u0085', '\u2028', '\u2029'].includes(character)) throw new Error('a raw line break');
      value += character;
      at += character.length;
      continue;
    }
    const code = body[at + 1];
    if (code === undefined) throw new Error('a backslash at the end');
    const digits = { x: 2, u: 4, U: 8 }[code];
    if (digits !== undefined) {
      const hex = body.slice(at + 2, at + 2 + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) throw new Error(`a bad \\${code} escape`);
      value += String.fromCharCode(...(digits === 8 ? utf16(parseInt(hex, 16)) : [parseInt(hex, 16)]));
      at += 2 + digits;
    } else if (code in escapes) {
      value += escapes[code];
      at += 2;
    } else {
      throw new Error(`an unknown escape \\${code}`);
    }
  }
  return value;
}

function utf16(codePoint: number): number[] {
  return String.fromCodePoint(codePoint)
    .split('')
    .map((unit) => unit.charCodeAt(0));
}

/** YAML's c-printable (section 5.1): what may stand raw in a YAML stream. */
function printable(character: string): boolean {
  const code = character.codePointAt(0)!;
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
