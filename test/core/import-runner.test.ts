import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { documentText } from '../../common/document.ts';
import { ImportRunner, importWorkerFile } from '../../electron/core/import/import-runner.ts';
import { ImportRefusedError } from '../../electron/core/import/index.ts';
import { makeTempDir } from '../db/temp-dir.ts';

/**
 * Imports run in a worker thread: a page that takes too long is stopped and refused without stopping anything else,
 * the main process's event loop keeps running while a big page is read, and the built app's worker file works.
 */

const runners: ImportRunner[] = [];
afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.close();
});

function runner(options: ConstructorParameters<typeof ImportRunner>[0] = {}): ImportRunner {
  const created = new ImportRunner(options);
  runners.push(created);
  return created;
}

const article = (words: string) =>
  `<html><head><title>Tides</title></head><body><article><h1>Tides</h1><p>${words}</p></article></body></html>`;
const sentence = 'The tide comes in twice a day along this coast, and the boats wait for it. ';

/** A page nested so deep that jsdom's parser takes seconds over it (a hostile page can take hours). */
const deepPage = `<html><body>${'<div>'.repeat(30_000)}deep${'</div>'.repeat(30_000)}</body></html>`;

describe('the import worker', () => {
  it('stops an import that takes too long, says so, and imports the next page in a fresh worker', async () => {
    const imports = runner({ timeLimitMs: 2_000 });
    const started = performance.now();
    await expect(imports.importHtml(deepPage, 'https://hostile.example/deep')).rejects.toThrow(
      new ImportRefusedError(
        '“https://hostile.example/deep” took too long to read (over 2 seconds), so it was not opened.',
      ),
    );
    expect(performance.now() - started).toBeLessThan(6_000);
    const next = await imports.importHtml(article(sentence.repeat(10)), 'https://coast.example/tides');
    expect(next.title).toBe('Tides');
  });

  it('leaves the main process free while a large page is read', async () => {
    const imports = runner();
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    try {
      const started = performance.now();
      const imported = await imports.importHtml(article(sentence.repeat(8_000)), 'https://coast.example/long');
      const took = performance.now() - started;
      expect(documentText(imported.body.format === 'document' ? imported.body.document : [])).toContain('boats wait');
      // Timers kept firing all along: about one per 10 ms of the import (a blocked loop would fire once at the end).
      expect(ticks).toBeGreaterThan(took / 10 / 3);
    } finally {
      clearInterval(ticker);
    }
  });

  it('reads a file and refuses one that cannot be an article, in the user’s words', async () => {
    const temp = makeTempDir();
    try {
      const file = path.join(temp.dir, 'notes.md');
      writeFileSync(file, '# Field notes\n\nThe heron waited.\n');
      const { source, imported } = await runner().readFile(file);
      expect(source).toMatch(/^file:.*notes\.md$/);
      expect(imported.title).toBe('Field notes');
      const pdf = path.join(temp.dir, 'scan.pdf');
      writeFileSync(pdf, '%PDF-1.7\n');
      await expect(runner().readFile(pdf)).rejects.toThrow(ImportRefusedError);
    } finally {
      temp.cleanup();
    }
  });

  it('runs from the built app’s own file, as Electron starts it', async () => {
    const outMain = path.join(import.meta.dirname, '../../out/main');
    // `npm test` builds first; the file is the one electron.vite.config.ts emits beside the main bundle.
    expect(existsSync(path.join(outMain, 'import-worker.js'))).toBe(true);
    expect(importWorkerFile(outMain)).toBe(path.join(outMain, 'import-worker.js'));
    const imported = await runner({ workerFile: importWorkerFile(outMain) }).importHtml(
      article(sentence.repeat(5)),
      'https://coast.example/built',
    );
    expect(imported.title).toBe('Tides');
  });
});
