import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { MainApi, Result } from '../../common/contract.ts';
import { listAnnotations } from '../../db/annotations.ts';
import { type AppData, openAppData } from '../../electron/core/app-data.ts';
import { noUserPorts } from '../../electron/ipc/handlers.ts';
import { selectorsIn } from '../db/fixtures.ts';
import { makeTempDir } from '../db/temp-dir.ts';
import { dispatchApi } from '../harness/dispatch-api.ts';

/**
 * Import through main's handler, as the app does it: the user picks the file in main's dialog (stood in for), and
 * what the file holds goes into the articles of the same source. The readers and the storing are tested in
 * test/core/annotation-import/.
 */

let temp: ReturnType<typeof makeTempDir>;
const opened: AppData[] = [];
let picked: string | undefined;
let exportTo: string | undefined;

beforeEach(() => {
  temp = makeTempDir();
  picked = undefined;
  exportTo = undefined;
});
afterEach(() => {
  for (const app of opened.splice(0)) app.close();
  temp.cleanup();
});

function open(name: string): AppData & { api: MainApi } {
  const app = openAppData(path.join(temp.dir, name), {
    log: (error) => expect.fail(`unexpected internal error: ${String(error)}`),
    ports: {
      ...noUserPorts,
      pickAnnotationFile: async () => picked,
      pickExportDestination: async () => exportTo,
    },
  });
  opened.push(app);
  return { ...app, api: dispatchApi(app.dispatch) };
}

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const articleFile = () => {
  const file = path.join(temp.dir, 'heron.txt');
  writeFileSync(file, 'Heron\n\nThe heron stood in the shallows.\n\nBy noon it flew off east.');
  return file;
};

describe('importing an annotation file through main', () => {
  it('brings an exported library’s highlights into another library with the same article, once', async () => {
    const first = open('first');
    const [heron] = ok(await first.api.articles.openDropped({ paths: [articleFile()] })).opened.map((o) => o.article);
    const stood = ok(
      await first.api.annotations.create({
        articleId: heron!.id,
        color: 'green',
        selectors: selectorsIn(heron!.content, 'stood'),
      }),
    );
    ok(await first.api.annotations.update({ id: stood.id, note: 'Which river?' }));
    ok(await first.api.annotations.setTags({ id: stood.id, tags: ['birds'] }));
    exportTo = path.join(temp.dir, 'annotations.jsonld');
    ok(await first.api.export.run({ format: 'web-annotation' }));

    const second = open('second');
    const [again] = ok(await second.api.articles.openDropped({ paths: [articleFile()] })).opened.map((o) => o.article);
    expect(ok(await second.api.annotations.importFile())).toBeNull();
    picked = exportTo;
    expect(ok(await second.api.annotations.importFile())).toEqual({
      imported: 1,
      orphaned: 0,
      alreadyThere: 0,
      articlesMissing: { count: 0, sources: [] },
      notImported: [],
    });
    const [copy] = listAnnotations(second.db, again!.id);
    expect(copy).toEqual({
      ...stood,
      articleId: again!.id,
      note: 'Which river?',
      tags: ['birds'],
      updatedAt: copy!.updatedAt,
    });
    expect(ok(await second.api.annotations.importFile())).toMatchObject({ imported: 0, alreadyThere: 1 });
    expect(listAnnotations(second.db, again!.id)).toHaveLength(1);
  });

  it('refuses a file that is not an annotation export, naming it, and stores nothing', async () => {
    const app = open('library');
    picked = path.join(temp.dir, 'notes.json');
    writeFileSync(picked, '{ "title": "not annotations" ');
    const result = await app.api.annotations.importFile();
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/^“notes\.json”: /) },
    });
    picked = path.join(temp.dir, 'gone.csv');
    expect(await app.api.annotations.importFile()).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: '“gone.csv” is not there any more: it was moved or deleted.' },
    });
  });
});
