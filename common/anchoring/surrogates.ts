/**
 * UTF-16 surrogate pairs: an emoji such as "😀" is two code units, a high surrogate then a low one, but one
 * character. Offsets that fall between the two halves split a character (docs/anchoring.md, "offsets").
 */

/** Whether a UTF-16 code unit is the first half of a surrogate pair. */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Whether a UTF-16 code unit is the second half of a surrogate pair. */
export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether offset `at` of `text` falls between the two halves of a surrogate pair (inside one character). */
export function splitsSurrogatePair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHighSurrogate(text.charCodeAt(at - 1)) && isLowSurrogate(text.charCodeAt(at));
}
