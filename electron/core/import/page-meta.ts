import type { ArticleMeta } from '../../../common/model.ts';
import { limits } from '../../../common/model.ts';
import { oneLine, shorten } from './article-title.ts';

/** What a page says about itself, as Readability (or the page's own html element) gives it. */
export interface PageClaims {
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
  dir?: string | null;
}

/** The article metadata a page's claims support; a claim that is empty or not understood is left out. */
export function pageMeta(claims: PageClaims): Partial<ArticleMeta> {
  const meta: Partial<ArticleMeta> = {};
  const byline = shorten(oneLine(claims.byline), limits.titleMaxLength);
  if (byline) meta.byline = byline;
  const siteName = shorten(oneLine(claims.siteName), limits.titleMaxLength);
  if (siteName) meta.siteName = siteName;
  const publishedAt = publishedDate(claims.publishedTime);
  if (publishedAt) meta.publishedAt = publishedAt;
  const language = languageTag(claims.lang);
  if (language) meta.language = language;
  const direction = oneLine(claims.dir).toLowerCase();
  if (direction === 'ltr' || direction === 'rtl') meta.direction = direction;
  return meta;
}

const isoDate = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A publication date: ISO 8601 as given, another date a JavaScript Date can read turned into ISO 8601 (a date alone
 * stays a date, so "March 5, 2024" does not become the day before in a time zone east of UTC), else as given.
 */
function publishedDate(raw: string | null | undefined): string | undefined {
  const given = oneLine(raw);
  if (!given) return undefined;
  if (isoDate.test(given)) return given;
  const time = Date.parse(given);
  if (!Number.isFinite(time)) return shorten(given, 100);
  const date = new Date(time);
  if (/\d:\d\d/.test(given)) return date.toISOString();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A BCP 47 tag in its canonical form ("en_us" → "en-US"), or undefined when the page's lang is not one. */
function languageTag(raw: string | null | undefined): string | undefined {
  const given = oneLine(raw).replace(/_/g, '-');
  if (!given) return undefined;
  try {
    return Intl.getCanonicalLocales(given)[0];
  } catch {
    return undefined;
  }
}
