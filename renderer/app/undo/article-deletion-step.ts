import type { MarginaliaApi } from '../../../common/contract.ts';
import type { DeletedArticle } from '../../../common/model.ts';
import { messageOf, unwrap } from '../api.ts';
import { UndoGoneError, undoRefusal, type UndoStep } from './undo-history.ts';

/** Whose steps deleting articles are: the window's, so they outlive the article shown (forget never drops them). */
export const libraryOwner = {};

/** What an article deletion's undo and redo need from the window around them. */
export interface ArticleDeletionContext {
  readonly api: MarginaliaApi;
  /** The article the reader shows now, and whether it is the built-in one. */
  shown(): { readonly shownArticle: number | null; readonly showingDefault: boolean };
  /** Shows the built-in article, with this notice: the reader cannot go on showing one that is gone. */
  openDefault(message: string): void;
  /** Opens an article again once it is back, with this notice. */
  openArticle(id: number, message: string): Promise<unknown>;
  /** The library was changed: a list on screen is listed afresh. */
  changed(): void;
  showError(message: string): void;
}

/**
 * The undo step of an article the user deleted. Undo asks main to put it back from the token main gave for the
 * deletion (with its highlights and notes), and opens it again if it was being read and the reader still shows the
 * built-in article it fell back to; redo deletes it again, and keeps main's new token for the next undo.
 */
export function articleDeletionStep(
  context: ArticleDeletionContext,
  title: string,
  id: number,
  deleting: Promise<DeletedArticle>,
  wasOpen: boolean,
): UndoStep {
  // Recorded as the deletion is sent, so a Ctrl+Z pressed before main answers undoes this and not an older step;
  // the undo waits for the token. (The caller drops the step if main refuses the deletion.)
  let token = deleting.then(
    (deleted) => deleted.undoToken,
    () => {
      throw new UndoGoneError(`“${title}” was not deleted`);
    },
  );
  // Awaited only by an undo, which may never come: a refused deletion must not surface as an unhandled rejection.
  token.catch(() => undefined);
  let open = wasOpen;
  const undoneMessage = `Restored “${title}”.`;
  const redoneMessage = `Deleted “${title}” again.`;
  return {
    label: `Delete “${title}”`,
    owner: libraryOwner,
    undoneMessage,
    redoneMessage,
    async undo() {
      try {
        unwrap(await context.api.articles.restore({ undoToken: await token }));
      } catch (reason) {
        if (reason instanceof UndoGoneError) throw reason;
        context.showError(`Couldn’t undo the deletion: ${messageOf(reason)}`);
        throw undoRefusal(reason);
      }
      context.changed();
      if (open && context.shown().showingDefault) await context.openArticle(id, undoneMessage);
    },
    async redo() {
      open = context.shown().shownArticle === id;
      try {
        const again = unwrap(await context.api.articles.delete({ id }));
        token = Promise.resolve(again.undoToken);
      } catch (reason) {
        context.showError(`Couldn’t delete “${title}” again: ${messageOf(reason)}`);
        throw undoRefusal(reason);
      }
      context.changed();
      if (open) context.openDefault(redoneMessage);
    },
  };
}
