import { parentPort, workerData } from 'node:worker_threads';

import type { CopyJob, CopyOutcome } from './copy-in-worker.ts';
import { copyDatabase } from './online-copy.ts';

/**
 * The backup worker's body: one copy per worker, with the same stepped online backup as on the main thread, so
 * that its one long step (SQLite's final commit and fsync of the copy) holds this thread, not the app's.
 */
const job = workerData as CopyJob;
void copyDatabase(job.source, job.destination).then(
  (report): void => parentPort?.postMessage({ ok: true, report } satisfies CopyOutcome),
  (error: unknown): void => {
    const { message = String(error), code } = (error ?? {}) as { message?: string; code?: unknown };
    parentPort?.postMessage({
      ok: false,
      message,
      ...(typeof code === 'string' ? { code } : {}),
    } satisfies CopyOutcome);
  },
);
