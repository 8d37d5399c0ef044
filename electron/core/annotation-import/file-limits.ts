import { limits } from '../../../common/model.ts';

/** How much one import may hold: bounds that keep a wrong or hostile file from stalling the app. */
export const importLimits = {
  /** A file bigger than this is refused before it is decoded: the bound an article file has too. */
  fileMaxBytes: limits.fileMaxBytes,
  /** At most this many annotations in one file: twice the 100,000 the import is measured with (issue 10, §5). */
  maxAnnotations: 200_000,
} as const;
