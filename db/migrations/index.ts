import { migration001 } from './001-initial.ts';
import { migration002 } from './002-lowercase-annotation-ids.ts';
import { migration003 } from './003-full-text-search.ts';
import { migration004 } from './004-library.ts';
import { migration005 } from './005-highlights-by-colour.ts';
import { migration006 } from './006-settings.ts';
import { migration007 } from './007-normalise-tags.ts';
import type { Migration } from './migration.ts';

export type { Migration } from './migration.ts';

/** Every migration this version of Marginalia knows, in order; the last one's version is the current schema. */
export const allMigrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
];
