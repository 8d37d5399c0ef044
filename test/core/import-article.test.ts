import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { describeText } from '../../common/anchoring/text-anchor.ts';
import type { MarginaliaApi, Result } from '../../common/contract.ts';
import { type Annotation, type OpenedArticle, positionSelectorOf, quoteSelectorOf } from '../../common/model.ts';
import { listAnnotations } from '../../db/annotations.ts';
import { listArticles } from '../../db/articles.ts';
import { type AppData, openAppData } from '../../electron/core/app-data.ts';
import { noUserPorts } from '../../electron/ipc/handlers.ts';
import { makeTempDir } from '../db/temp-dir.ts';
import { dispatchApi } from '../harness/dispatch-api.ts';

const original = [
  'Harbour Plan Review',
  'The committee met on Tuesday to review the harbour plan. Members asked for more data on tides.',
  'Funding remains the main obstacle for the project. The mayor promised an answer by spring.',
  'Critics say the plan ignores the fishing fleet. Supporters point to new jobs in the port.',
  'A final vote is expected in the autumn session of the council.',
].join('\n\n');

/** The same article after an editor's pass: a paragraph added, a word fixed, the last paragraph cut. */
const revised = [
  'Harbour Plan Review',
  'The committee met on Tuesday to review the harbour plan. Members asked for more data on tides.',
  'An engineer presented three options for the new sea wall.',
  'Funding remains the main obstacle for the project. The mayor promised an answer by spring.',
  'Critics say the plan ignores the local fishing fleet. Supporters point to new jobs in the port.',
].join('\n\n');

let temp: ReturnType<typeof makeTempDir>;
let app: AppData;
let api: MarginaliaApi;
let file: string;
let source: string;
/** What the stand-in Open dialog answers: the file's path, or undefined for a cancelled dialog. */
let picked: string | undefined;

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'harbour.txt');
  source = pathToFileURL(file).href;
  app = openAppData(path.join(temp.dir, 'data'), {
    log: (error) => expect.fail(`unexpected internal error: ${String(error)}`),
    ports: { ...noUserPorts, pickArticleFile: async () => picked },
  });
  api = dispatchApi(app.dispatch);
});

afterEach(() => {
  app.close();
  temp.cleanup();
});

/** Saves the file with this text, then opens it through "Open…". */
async function openFile(text: string): Promise<Result<OpenedArticle | null>> {
  writeFileSync(file, text);
  picked = file;
  return api.articles.openFile();
}

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Highlights a phrase of an article's text the way the reader does: selectors described from its offsets. */
async function highlight(articleId: number, content: string, phrase: string, note: string): Promise<Annotation> {
  const start = content.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  const selectors = describeText(content, start, start + phrase.length);
  return ok(await api.annotations.create({ articleId, color: 'yellow', selectors, note }));
}

describe('opening an article file', () => {
  it('adds a new article, and opening the identical file again changes nothing', async () => {
    const first = ok(await openFile(original));
    expect(first).toMatchObject({ created: true, report: null, article: { title: 'Harbour Plan Review', source } });
    const again = ok(await openFile(original));
    expect(again).toEqual({ created: false, report: null, notices: [], article: first?.article });
    expect(listArticles(app.db).filter((a) => a.source === source)).toHaveLength(1);
  });

  it('returns null and changes nothing when the user cancels the dialog', async () => {
    picked = undefined;
    const before = listArticles(app.db);
    expect(await api.articles.openFile()).toEqual({ ok: true, value: null });
    expect(listArticles(app.db)).toEqual(before);
  });

  it('refuses an empty file with a clear message and stores nothing', async () => {
    const before = listArticles(app.db);
    expect(await openFile('\n\n  \n')).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: '“harbour.txt” is empty.' },
    });
    expect(listArticles(app.db)).toEqual(before);
  });
});

describe('re-opening a changed version', () => {
  it('re-anchors every annotation, reports "1 kept, 1 moved, 1 fuzzy, 1 orphaned" and loses nothing', async () => {
    const article = ok(await openFile(original))!.article;
    const kept = await highlight(article.id, article.content, 'The committee met on Tuesday', 'first meeting');
    const moved = await highlight(article.id, article.content, 'The mayor promised an answer by spring.', 'deadline');
    const fuzzy = await highlight(
      article.id,
      article.content,
      'Critics say the plan ignores the fishing fleet.',
      'fleet',
    );
    const orphan = await highlight(
      article.id,
      article.content,
      'A final vote is expected in the autumn session',
      'vote',
    );

    const reopened = ok(await openFile(revised))!;
    expect(reopened.created).toBe(false);
    expect(reopened.article.content).toBe(revised.slice(revised.indexOf('\n\n') + 2));
    expect(reopened.report).toEqual({ kept: 1, moved: 1, fuzzy: 1, orphaned: 1 });

    const after = new Map(listAnnotations(app.db, article.id).map((a) => [a.id, a]));
    expect(after.size).toBe(4);
    const content = reopened.article.content;
    for (const [id, phrase] of [
      [kept.id, 'The committee met on Tuesday'],
      [moved.id, 'The mayor promised an answer by spring.'],
      [fuzzy.id, 'Critics say the plan ignores the local fishing fleet.'],
    ] as const) {
      const selectors = after.get(id)!.selectors;
      const position = positionSelectorOf(selectors)!;
      expect(content.slice(position.start, position.end)).toBe(phrase);
      expect(quoteSelectorOf(selectors).exact).toBe(phrase);
    }
    // The orphan keeps its old selectors and note, so the user can still read and re-attach it.
    expect(after.get(orphan.id)).toMatchObject({ selectors: orphan.selectors, note: 'vote' });
    expect([...after.values()].map((a) => a.note).sort()).toEqual(['deadline', 'first meeting', 'fleet', 'vote']);
  });
});
