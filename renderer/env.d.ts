import type { DroppedFiles, MarginaliaApi, OpenedArticle, OpenedLink, Result } from '../common/contract.ts';

declare global {
  interface Window {
    /** The preload's bridge to the main process; every call resolves to a Result envelope. */
    readonly marginalia: MarginaliaApi;
    /**
     * The preload's file helper. Kept apart from `marginalia` because it takes File objects and turns them into
     * paths on the preload's side (webUtils), so the renderer never hands main a path it could have invented.
     */
    readonly marginaliaFiles?: {
      /** The paths of dropped files, one per file and in order; '' for a File made by script. */
      pathsOf(files: File[]): string[];
      /** Opens the dropped files that have a path (main's `articles.openDropped`); files without one are not sent. */
      openDropped(files: File[]): Promise<Result<DroppedFiles>>;
    };
    /** What the main process opened by itself: articles (command line, second launch, open-file) and links. */
    readonly marginaliaEvents?: {
      /** Calls `listener` with each one (also those that arrived before it subscribed); returns the unsubscribe. */
      onArticleOpened(listener: (opened: OpenedArticle) => void): () => void;
      /** Calls `listener` with each `marginalia://` link main was handed (also earlier ones); returns the unsubscribe. */
      onLinkOpened(listener: (link: OpenedLink) => void): () => void;
    };
  }
}
