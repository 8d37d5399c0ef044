import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

import type { CopyReport } from './online-copy.ts';

/** What the main thread asks the backup worker to copy. */
export interface CopyJob {
  source: string;
  destination: string;
}

/** The worker's answer: the copy's report, or its error's message and SQLite or Node code. */
export type CopyOutcome = { ok: true; report: CopyReport } | { ok: false; message: string; code?: string };

/**
 * Where the backup worker's code is: beside the built main bundle (out/main/backup-copy-worker.js, once
 * electron.vite.config.ts builds it as its own entry), or, run from source (tests, scripts), the TypeScript file
 * beside this one, which Node runs directly.
 */
export function backupWorkerFile(builtDir?: string): string {
  const built = builtDir && path.join(builtDir, 'backup-copy-worker.js');
  return built && existsSync(built) ? built : path.join(import.meta.dirname, 'copy-worker.ts');
}

/**
 * copyDatabase in a worker thread of its own: the caller's loop is not held at all, not even for the final commit
 * that copyDatabase on the main thread cannot split (33–47 ms for 100 MB; in a worker the caller's loop was at most
 * 3.6–6.4 ms late, see backup-tuning.ts). An error keeps
 * its message and code (SQLITE_FULL stays recognisable).
 */
export function copyDatabaseInWorker(source: string, destination: string, workerFile: string): Promise<CopyReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { source, destination } satisfies CopyJob });
    let answered = false;
    worker.once('message', (outcome: CopyOutcome) => {
      answered = true;
      void worker.terminate();
      if (outcome.ok) resolve(outcome.report);
      else reject(Object.assign(new Error(outcome.message), outcome.code === undefined ? {} : { code: outcome.code }));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the backup worker stopped before answering (exit code ${code})`));
    });
  });
}
