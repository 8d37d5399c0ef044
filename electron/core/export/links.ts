import { annotationIdSchema, articleIdSchema } from '../../../common/schemas.ts';

/** Reading the `marginalia://` links that common/marginalia-links.ts makes, as the system hands them to main. */

/** What a `marginalia://` link asks to show. */
export interface MarginaliaLink {
  articleId: number;
  /** The highlight to show, lower case; absent for a link to the whole article. */
  annotationId?: string;
}

/** No link of ours is longer: the scheme, two names and a UUID. Longer text is refused before it is matched. */
const linkMaxLength = 120;

/**
 * The scheme and verb, in any case (URL schemes are case-insensitive), and the slash before `?` that some systems add
 * when they hand a link to the app.
 */
const linkStart = /^marginalia:\/\/open\/?\?/i;

/**
 * Then exactly the parameters above, in that order, each once, and nothing else: no other parameter, no fragment, no
 * percent-encoding, no leading zero, at most 16 digits (as many as 2^53 has; a larger id is refused as inexact).
 */
const linkParameters = /^article=([1-9][0-9]{0,15})(?:&highlight=([0-9a-fA-F-]{36}))?$/;

/**
 * Reads a `marginalia://` link, as the scheme handler receives it from the system. The link comes from outside (any
 * program or page can open one), so it is checked as strictly as IPC input, with the same schemas for the ids:
 * anything else, however close, is undefined.
 */
export function parseMarginaliaLink(url: string): MarginaliaLink | undefined {
  if (url.length > linkMaxLength) return undefined;
  const start = linkStart.exec(url);
  const match = start ? linkParameters.exec(url.slice(start[0].length)) : null;
  if (!match) return undefined;
  const article = articleIdSchema.safeParse(Number(match[1]));
  if (!article.success || !Number.isSafeInteger(article.data)) return undefined;
  if (match[2] === undefined) return { articleId: article.data };
  const annotation = annotationIdSchema.safeParse(match[2]);
  return annotation.success ? { articleId: article.data, annotationId: annotation.data } : undefined;
}
