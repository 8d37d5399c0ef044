import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

import type { ImportedArticle } from './types.ts';
import { ImportRefusedError } from './types.ts';
import type { ImportJob, ImportOutcome } from './worker-protocol.ts';

/** How long one import may take before it is stopped and refused: far beyond any real page (a 5 MB one: ~15 s). */
const importTimeLimitMs = 60_000;

/**
 * Where the worker's code is: beside the built main bundle (out/main/import-worker.js, electron.vite.config.ts builds
 * it as its own entry), or, run from source (tests, scripts), the TypeScript file beside this one, which Node runs
 * directly.
 */
export function importWorkerFile(builtDir?: string): string {
  const built = builtDir && path.join(builtDir, 'import-worker.js');
  return built && existsSync(built) ? built : path.join(import.meta.dirname, 'import-worker.ts');
}

/**
 * Runs imports in one worker thread, one at a time, started on first use and kept for the next. An import that
 * takes longer than the limit is refused ("took too long") and its worker terminated; the next import starts a
 * fresh one. The main process stays free meanwhile: other calls (a search, a highlight) are answered as usual.
 */
// TypeScript's `private`, not `#`: electronegativity (npm run audit:electron) cannot read a bundle with `#` fields,
// and then silently misses the navigation guards in the same file.
export class ImportRunner {
  private readonly file: string;
  private readonly timeLimitMs: number;
  private worker: Worker | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: { workerFile?: string; timeLimitMs?: number } = {}) {
    this.file = options.workerFile ?? importWorkerFile();
    this.timeLimitMs = options.timeLimitMs ?? importTimeLimitMs;
  }

  /** Reads and sanitises a file; ImportRefusedError when it cannot be an article. */
  readFile(filePath: string): Promise<{ source: string; imported: ImportedArticle }> {
    return this.enqueue({ id: this.nextId++, kind: 'file', path: filePath }, path.basename(filePath));
  }

  /** Imports a fetched page's HTML; ImportRefusedError when it has nothing to read. */
  async importHtml(html: string, baseUrl: string): Promise<ImportedArticle> {
    return (await this.enqueue({ id: this.nextId++, kind: 'html', html, baseUrl }, baseUrl)).imported;
  }

  /** Stops the worker (the app is quitting). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private enqueue(job: ImportJob, name: string): Promise<{ source: string; imported: ImportedArticle }> {
    const result = this.queue.then(() => this.run(job, name));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private run(job: ImportJob, name: string): Promise<{ source: string; imported: ImportedArticle }> {
    const worker = (this.worker ??= this.start());
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const timer = setTimeout(() => {
        done();
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
        reject(
          new ImportRefusedError(
            `“${name}” took too long to read (over ${Math.round(this.timeLimitMs / 1000)} seconds), so it was not opened.`,
          ),
        );
      }, this.timeLimitMs);
      const onMessage = (outcome: ImportOutcome) => {
        if (outcome.id !== job.id) return;
        done();
        if (outcome.ok) resolve({ source: outcome.source, imported: outcome.imported });
        else if ('refused' in outcome) reject(new ImportRefusedError(outcome.refused));
        else reject(new Error(`the import worker failed: ${outcome.failed}`));
      };
      const onError = (error: Error) => {
        done();
        if (this.worker === worker) this.worker = undefined;
        reject(error);
      };
      const onExit = (code: number) => {
        done();
        if (this.worker === worker) this.worker = undefined;
        reject(new Error(`the import worker stopped (exit code ${code})`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
  }

  private start(): Worker {
    const worker = new Worker(this.file);
    // An idle worker must not keep the process alive (a script or test that is done should exit).
    worker.unref();
    return worker;
  }
}
