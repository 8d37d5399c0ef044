import type { Database } from 'better-sqlite3';

import type { HighlightColor, HighlightPage } from '../common/model.ts';

/** Which highlights the "All highlights" view asks for (common/schemas.ts `highlightFilterSchema`). */
export interface HighlightFilter {
  colors?: HighlightColor[] | undefined;
  tag?: string | undefined;
  text?: string | undefined;
  after?: string | undefined;
  limit?: number | undefined;
}

/** Highlights across the library, newest first, filtered, one page at a time. (Being written: see issue 8.) */
export function listAllHighlights(_db: Database, _filter: HighlightFilter): HighlightPage {
  throw new Error('listAllHighlights is not written yet');
}
