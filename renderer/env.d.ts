import type { DroppedFiles, MarginaliaApi, OpenedArticle, Result } from '../common/contract.ts';

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
    /** Articles the main process opened by itself (command line, second launch, the OS's open-file). */
    readonly marginaliaEvents?: {
      /** Calls `listener` with each one (also those that arrived before it subscribed); returns the unsubscribe. */
      onArticleOpened(listener: (opened: OpenedArticle) => void): () => void;
    };
  }
}
