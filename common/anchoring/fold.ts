/**
 * A folded view of a text for anchoring: every run of whitespace (spaces, line and paragraph breaks, no-break
 * spaces, tabs) becomes one space, curly and straight quote marks become straight ones, dashes become "-", an
 * ellipsis "…" becomes "...", and soft hyphens and zero-width spaces disappear. Pure (no DOM).
 *
 * Anchoring searches the folded text once the cheap verbatim stages fail, so that re-spacing a paragraph or
 * straightening its quote marks is not an edit at all as far as finding the highlight goes. The stored selectors
 * and the article are never changed: offsets found in the folded text are mapped back to the original text, and
 * a highlight whose own characters differ from its stored quote is reported as `fuzzy` (docs/anchoring.md, 3a).
 */

/** A folded text with its offset maps. */
export interface Folded {
  /** The folded text. */
  readonly text: string;
  /** toRaw[i]: the original offset of folded character i; toRaw[text.length] is the original length. */
  readonly toRaw: Int32Array;
  /** fromRaw[r]: the folded offset of the first folded character at or after original offset r (length + 1 entries). */
  readonly fromRaw: Int32Array;
}

const space = 0x20;

/** What one character folds to: a string, '' (dropped), or undefined (itself). Whitespace is handled apart. */
function foldChar(code: number): string | undefined {
  switch (code) {
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201a: // ‚
    case 0x201b: // ‛
    case 0x2032: // ′
      return "'";
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 0x201f: // ‟
    case 0x2033: // ″
      return '"';
    case 0x2010: // ‐
    case 0x2011: // ‑
    case 0x2012: // ‒
    case 0x2013: // –
    case 0x2014: // —
    case 0x2212: // −
      return '-';
    case 0x2026: // …
      return '...';
    case 0x00ad: // soft hyphen
    case 0x200b: // zero-width space
    case 0xfeff: // zero-width no-break space
      return '';
    default:
      return undefined;
  }
}

function isWhitespace(code: number): boolean {
  return (
    code === space ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Folds a short string (a quote or an affix) the same way as `foldText`. */
export function foldString(s: string): string {
  let out = '';
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (isWhitespace(code)) {
      if (!inSpace) out += ' ';
      inSpace = true;
      continue;
    }
    const folded = foldChar(code);
    if (folded === '') continue; // invisible: does not end a run of spaces either
    inSpace = false;
    out += folded ?? s[i];
  }
  return out;
}

/** Whether folding would change `s` at all (most texts of a re-import need no folded search). */
function needsFolding(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === space) {
      if (i + 1 < s.length && isWhitespace(s.charCodeAt(i + 1))) return true;
      continue;
    }
    if (isWhitespace(code) || foldChar(code) !== undefined) return true;
  }
  return false;
}

/** The folded view of `raw`; made once per text by `TextContext` (text-context.ts). */
export function foldText(raw: string): Folded {
  const n = raw.length;
  const fromRaw = new Int32Array(n + 1);
  if (!needsFolding(raw)) {
    const identity = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) identity[i] = i;
    return { text: raw, toRaw: identity, fromRaw: identity };
  }
  const parts: string[] = [];
  const toRaw: number[] = [];
  let runStart = 0; // start of the current run of unfolded characters, copied in one slice
  let inSpace = false;
  const flush = (to: number) => {
    if (to > runStart) parts.push(raw.slice(runStart, to));
  };
  for (let i = 0; i < n; i++) {
    const code = raw.charCodeAt(i);
    fromRaw[i] = toRaw.length;
    if (isWhitespace(code)) {
      flush(i);
      runStart = i + 1;
      if (!inSpace) {
        parts.push(' ');
        toRaw.push(i);
      } else {
        fromRaw[i] = toRaw.length - 1; // inside a run: the run's one space
      }
      inSpace = true;
      continue;
    }
    const folded = foldChar(code);
    if (folded === '') {
      flush(i);
      runStart = i + 1;
      continue;
    }
    inSpace = false;
    if (folded === undefined) {
      toRaw.push(i);
      continue;
    }
    flush(i);
    runStart = i + 1;
    parts.push(folded);
    for (let k = 0; k < folded.length; k++) toRaw.push(i);
  }
  flush(n);
  fromRaw[n] = toRaw.length;
  toRaw.push(n);
  return { text: parts.join(''), toRaw: Int32Array.from(toRaw), fromRaw };
}
