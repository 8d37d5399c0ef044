import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { MainApi, Result } from '../../common/contract.ts';
import type { ExportFormat } from '../../common/model.ts';
import { type AppData, openAppData } from '../../electron/core/app-data.ts';
import { noUserPorts } from '../../electron/ipc/handlers.ts';
import { selectorsIn } from '../db/fixtures.ts';
import { makeTempDir } from '../db/temp-dir.ts';
import { dispatchApi } from '../harness/dispatch-api.ts';
import { mountTmpfs, type Tmpfs, tmpfsUnavailableReason } from '../support/tmpfs.ts';

/**
 * Export through main's handler, as the app does it: the user picks the place in main's dialog (stood in for here),
 * main reads the library in one transaction and writes real files. The formats themselves are tested in
 * test/core/export/.
 */

let temp: ReturnType<typeof makeTempDir>;
let app: AppData;
let api: MainApi;
/** Where the stand-in dialog says the export goes, and what it was asked. */
let destination: string | undefined;
let asked: Array<{ format: ExportFormat; suggestedName: string }>;
const mounts: Tmpfs[] = [];

beforeEach(() => {
  temp = makeTempDir();
  asked = [];
  destination = undefined;
  app = openAppData(path.join(temp.dir, 'data'), {
    log: (error) => expect.fail(`unexpected internal error: ${String(error)}`),
    ports: {
      ...noUserPorts,
      pickExportDestination: async (format, suggestedName) => {
        asked.push({ format, suggestedName });
        return destination;
      },
    },
  });
  api = dispatchApi(app.dispatch);
});

afterEach(() => {
  app.close();
  for (const mount of mounts.splice(0)) mount.remove();
  temp.cleanup();
});

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Two articles of the user's with highlights (one with a note and tags), beside the built-in one. */
async function library() {
  const heron = (
    await importText('heron.txt', 'Heron\n\nThe heron stood in the shallows.\n\nBy noon it flew off east.')
  ).article;
  const owls = (await importText('owls.txt', 'Owls\n\nThe owl hunts at dusk.')).article;
  const stood = ok(
    await api.annotations.create({
      articleId: heron.id,
      color: 'green',
      selectors: selectorsIn(heron.content, 'stood'),
    }),
  );
  ok(await api.annotations.update({ id: stood.id, note: 'Which river?' }));
  ok(await api.annotations.setTags({ id: stood.id, tags: ['birds', 'river'] }));
  ok(
    await api.annotations.create({
      articleId: heron.id,
      color: 'yellow',
      selectors: selectorsIn(heron.content, 'flew off'),
    }),
  );
  ok(await api.annotations.create({ articleId: owls.id, color: 'blue', selectors: selectorsIn(owls.content, 'owl') }));
  return { heron, owls };
}

async function importText(name: string, content: string) {
  const file = path.join(temp.dir, name);
  writeFileSync(file, content);
  const { opened } = ok(await api.articles.openDropped({ paths: [file] }));
  const [first] = opened;
  if (!first) throw new Error(`${name} was not opened`);
  return first;
}

describe('exporting through main', () => {
  it('asks where first, and writes nothing when the user cancels', async () => {
    await library();
    expect(ok(await api.export.run({ format: 'csv' }))).toBeNull();
    expect(asked).toEqual([
      { format: 'csv', suggestedName: expect.stringMatching(/^marginalia-highlights-\d{4}-\d\d-\d\d\.csv$/) },
    ]);
  });

  it('writes one Markdown file per article into the folder, and a second export keeps what the user wrote there', async () => {
    const { heron, owls } = await library();
    destination = path.join(temp.dir, 'Vault', 'Reading');
    const report = ok(await api.export.run({ format: 'markdown', articleIds: [heron.id, owls.id] }));
    expect(report).toEqual({ format: 'markdown', articles: 2, highlights: 3, files: 2, destination });
    const files = readdirSync(destination).sort();
    expect(files).toHaveLength(2);
    expect(files.every((file) => file.endsWith('.md'))).toBe(true);
    const heronFile = path.join(
      destination,
      files.find((file) => readFileSync(path.join(destination!, file), 'utf8').includes('heron'))!,
    );
    const first = readFileSync(heronFile, 'utf8');
    expect(first).toContain('stood');
    expect(first).toContain('Which river?');
    expect(first).toContain('#hl/green');

    // The user writes around Marginalia's part; then highlights more, and exports again.
    writeFileSync(heronFile, `My own heading\n\n${first}\nMy closing thoughts.\n`);
    ok(
      await api.annotations.create({
        articleId: heron.id,
        color: 'pink',
        selectors: selectorsIn(heron.content, 'shallows'),
      }),
    );
    ok(await api.export.run({ format: 'markdown', articleIds: [heron.id] }));
    const second = readFileSync(heronFile, 'utf8');
    expect(second.startsWith('My own heading\n\n')).toBe(true);
    expect(second.trimEnd().endsWith('My closing thoughts.')).toBe(true);
    expect(second).toContain('shallows');
    expect(second.match(/Which river\?/g)).toHaveLength(1);
    // Nothing half-written is left beside the files.
    expect(readdirSync(destination).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the whole library as one Web Annotation file and as one CSV file', async () => {
    await library();
    destination = path.join(temp.dir, 'annotations.jsonld');
    expect(ok(await api.export.run({ format: 'web-annotation' }))).toMatchObject({
      articles: 3,
      highlights: 3,
      files: 1,
    });
    const collection = JSON.parse(readFileSync(destination, 'utf8')) as { type: unknown; total: number };
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 3 });

    destination = path.join(temp.dir, 'highlights.csv');
    ok(await api.export.run({ format: 'csv' }));
    const lines = readFileSync(destination, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Highlight,Title,Author,URL,Note,Location,Date,/);
    expect(lines).toHaveLength(4);
  });

  it('refuses an article that is not in the library, writing nothing', async () => {
    destination = path.join(temp.dir, 'out.csv');
    const result = await api.export.run({ format: 'csv', articleIds: [999] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(existsSync(destination)).toBe(false);
  });

  const unavailable = tmpfsUnavailableReason();
  it.skipIf(unavailable)(
    'says so in the user’s words on a full or read-only disk, and leaves the old file whole',
    async () => {
      await library();
      const disk = mountTmpfs(64 * 1024);
      mounts.push(disk);
      destination = path.join(disk.dir, 'highlights.csv');
      ok(await api.export.run({ format: 'csv' }));
      const before = readFileSync(destination, 'utf8');
      // Fill the disk, then export a library too big for what is left.
      writeFileSync(path.join(disk.dir, 'filler'), Buffer.alloc(64 * 1024 - before.length * 2 - 8192));
      const { heron } = await library();
      for (let i = 0; i < 40; i += 1) {
        ok(
          await api.annotations.create({
            articleId: heron.id,
            color: 'yellow',
            selectors: selectorsIn(heron.content, 'noon'),
            note: 'n'.repeat(2000),
          }),
        );
      }
      const full = await api.export.run({ format: 'csv' });
      expect(full).toEqual({
        ok: false,
        error: {
          code: 'storage',
          message: `The disk is full: ${destination} could not be written. Free some space, then export again.`,
        },
      });
      expect(readFileSync(destination, 'utf8')).toBe(before);
      expect(readdirSync(disk.dir).filter((file) => file.endsWith('.tmp'))).toEqual([]);

      disk.setReadOnly(true);
      const readOnly = await api.export.run({ format: 'csv' });
      expect(readOnly).toMatchObject({
        ok: false,
        error: { code: 'storage', message: expect.stringContaining('may not write to') },
      });
    },
  );
});
