/** How much one import may hold: bounds that keep a wrong or hostile file from stalling the app. */
export const importLimits = {
  /**
   * A file bigger than this is refused before it is decoded. Not the article files' 50 MB (limits.fileMaxBytes): the
   * app's own JSON-LD export of 100,000 highlights measures ~112 MB (`export-json-100k-bytes`, npm run bench), so
   * 256 MB takes an export of the most annotations one import holds (maxAnnotations, ~224 MB at that size each)
   * and stays well under V8's longest string (~512 M characters), which the decoded text must fit in.
   */
  fileMaxBytes: 256 * 1024 * 1024,
  /** At most this many annotations in one file: twice the 100,000 the import is measured with (issue 10, §5). */
  maxAnnotations: 200_000,
} as const;
