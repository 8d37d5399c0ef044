import { parentPort } from 'node:worker_threads';

import { importHtml, readArticleFile } from './index.ts';
import { ImportRefusedError } from './types.ts';
import type { ImportJob, ImportOutcome } from './worker-protocol.ts';

/**
 * The import worker's body: reads and sanitises one document per message, off the main process's event loop, so a
 * slow page (Readability and jsdom on a huge or deeply nested page) never stalls the app, and one that takes too
 * long can be stopped (worker.terminate()) without stopping anything else. Runs in plain Node: no Electron.
 */
parentPort?.on('message', (job: ImportJob) => {
  void run(job).then((outcome) => parentPort?.postMessage(outcome));
});

async function run(job: ImportJob): Promise<ImportOutcome> {
  try {
    if (job.kind === 'file') return { id: job.id, ok: true, ...(await readArticleFile(job.path)) };
    return { id: job.id, ok: true, source: job.baseUrl, imported: importHtml(job.html, { baseUrl: job.baseUrl }) };
  } catch (error) {
    if (error instanceof ImportRefusedError) return { id: job.id, ok: false, refused: error.message };
    return { id: job.id, ok: false, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
