import type { MarginaliaApi, OpenedArticle } from '../common/contract.ts';

declare global {
  interface Window {
    /** The preload's bridge to the main process; every call resolves to a Result envelope. */
    readonly marginalia: MarginaliaApi;
    /**
     * The preload's one file helper: the paths of files the user dropped ('' for a File made by script). Kept apart
     * from `marginalia`, whose calls all cross to main, so the renderer never handles paths it could invent.
     */
    readonly marginaliaFiles?: { pathsOf(files: File[]): string[] };
    /** Articles the main process opened by itself (command line, second launch, the OS's open-file). */
    readonly marginaliaEvents?: {
      /** Calls `listener` with each one (also those that arrived before it subscribed); returns the unsubscribe. */
      onArticleOpened(listener: (opened: OpenedArticle) => void): () => void;
    };
  }
}
