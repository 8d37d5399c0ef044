import type { BrowserCommand } from 'vitest/node';

import type { RevisionCorpus } from '../../revisions/manifest.ts';
import { hasRevisionCorpus, noRevisionCorpus, readRevisionCorpus } from '../../revisions/read-corpus.ts';

/**
 * A browser command (vitest.config.ts registers it for the Chromium project): reads the real-revision corpus in Node
 * and sends it to the page that asks, test/renderer/revisions/revisions.test.ts. A command rather than a globalSetup's
 * `provide`: the provided context goes to every Chromium test file's frame, and this is 12 MB of text that one test
 * file needs.
 */
export const revisionCorpus: BrowserCommand<[], RevisionCorpus> = () => readRevisionCorpus();

/** Why the corpus is not there to test, or '' when it is (see `hasRevisionCorpus`). */
export const revisionCorpusMissing: BrowserCommand<[], string> = () => (hasRevisionCorpus() ? '' : noRevisionCorpus);

declare module 'vitest/browser' {
  interface BrowserCommands {
    revisionCorpus: () => Promise<RevisionCorpus>;
    revisionCorpusMissing: () => Promise<string>;
  }
}
