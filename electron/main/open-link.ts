import { type BrowserWindow, dialog } from 'electron';

import { linkOpenedEvent, type OpenedLink } from '../../common/contract.ts';
import { getAnnotation } from '../../db/annotations.ts';
import { articleExists } from '../../db/articles.ts';
import { NotFoundError } from '../../db/errors.ts';
import type { AppData } from '../core/app-data.ts';
import { parseMarginaliaLink } from '../core/export/links.ts';
import { sendWhenLoaded } from './send-when-loaded.ts';

/**
 * Opens a `marginalia://` link the OS handed the app (a click in an exported Markdown note, at start, from a second
 * launch, or macOS's open-url): checked like any IPC input, then checked against the library, then handed to the
 * page (the preload keeps it until the page listens), which shows the article at the highlight. A link that is not
 * one of ours, or whose article is gone, is explained in a message box; nothing else happens.
 */
export function openOutsideLink(appData: Pick<AppData, 'db'>, url: string, window: () => BrowserWindow | null): void {
  const link = parseMarginaliaLink(url);
  if (!link) {
    dialog.showErrorBox(
      'Marginalia cannot open this link',
      `“${shorten(url)}” is not a link to an article or highlight in Marginalia.`,
    );
    return;
  }
  if (!articleExists(appData.db, link.articleId)) {
    dialog.showErrorBox(
      'The article is not in your library',
      'This link points to an article that is not in your library: it may have been deleted, or exported from another computer.',
    );
    return;
  }
  const opened: OpenedLink = { articleId: link.articleId, annotationId: highlightOf(appData, link) };
  sendWhenLoaded(window(), linkOpenedEvent, opened);
}

/** The link's highlight if it is still in that article; otherwise the article alone is shown. */
function highlightOf(appData: Pick<AppData, 'db'>, link: { articleId: number; annotationId?: string | undefined }) {
  if (!link.annotationId) return null;
  try {
    const annotation = getAnnotation(appData.db, link.annotationId);
    return annotation.articleId === link.articleId ? annotation.id : null;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

function shorten(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}
