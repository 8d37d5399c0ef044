/**
 * A tag as Obsidian (and Logseq) accept it: letters, digits, `_`, `-` and `/` (for nested tags), at least one of them
 * not a digit. Spaces become `-` ("to read" → `to-read`); other marks go; a tag of digits alone gets a leading `_`
 * (`1984` → `_1984`). Undefined when nothing of the tag is left (a tag of punctuation only).
 */
export function obsidianTag(tag: string): string | undefined {
  const safe = tag
    .normalize('NFC')
    .trim()
    .replace(/\s+/gu, '-')
    .replace(/[^\p{L}\p{M}\p{N}_\-/]/gu, '')
    .replace(/\/{2,}/g, '/')
    .replace(/^\/+|\/+$/g, '');
  if (safe === '') return undefined;
  return /[\p{L}\p{M}_-]/u.test(safe) ? safe : `_${safe}`;
}

/** The Obsidian forms of tags, each once (Obsidian compares tags without case), in the order first met. */
export function obsidianTags(tags: readonly string[]): string[] {
  const byFolded = new Map<string, string>();
  for (const tag of tags) {
    const safe = obsidianTag(tag);
    if (safe !== undefined && !byFolded.has(safe.toLowerCase())) byFolded.set(safe.toLowerCase(), safe);
  }
  return [...byFolded.values()];
}
