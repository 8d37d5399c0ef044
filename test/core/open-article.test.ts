import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { describeText } from '../../common/anchoring/text-anchor.ts';
import type { MainApi, Result } from '../../common/contract.ts';
import { checkDocument, type DocumentNode, documentText } from '../../common/document.ts';
import { countArticleImages } from '../../db/article-images.ts';
import { listArticles } from '../../db/articles.ts';
import { type AppData, openAppData } from '../../electron/core/app-data.ts';
import { openWebPage } from '../../electron/core/open-article.ts';
import { noUserPorts } from '../../electron/ipc/handlers.ts';
import { imageResponse } from '../../electron/main/image-files.ts';
import { makeTempDir } from '../db/temp-dir.ts';
import { dispatchApi } from '../harness/dispatch-api.ts';
import { type LocalServer, startServer } from './web/local-server.ts';

/** A real 1×1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const page = (paragraph: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Tide tables | Harbour News</title><meta property="og:site_name" content="Harbour News">
<script>document.title = 'hijacked'</script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Tide tables</h1>
<p>${paragraph}</p>
<p>The <a href="/moon">moon</a> pulls the sea twice a day, and the <strong>spring tides</strong> come with the full moon
and the new moon, when sun and moon pull together along one line.</p>
<figure><img src="/img/chart.png" alt="A tide chart" onerror="alert(1)"><figcaption>The week's tides.</figcaption></figure>
<p><img src="/img/missing.png" alt="gone"> Neap tides come in between, at the quarter moons, when the pulls are at right
angles and the range between high and low water is smallest.</p>
</article></body></html>`;

let temp: ReturnType<typeof makeTempDir>;
let app: AppData;
let api: MainApi;
let server: LocalServer;
let served: { paragraph: string; requests: string[] };
/** What main asked before opening an address on this computer, and what the user answers. */
let insideAsked: Array<{ url: string; space: string }>;
let agreeInside: boolean;

beforeEach(async () => {
  temp = makeTempDir();
  served = { paragraph: 'High water today is at 06:12 and again at 18:40.', requests: [] };
  server = await startServer((request, response) => {
    served.requests.push(request.url ?? '');
    if (request.url === '/old-address') {
      response.writeHead(301, { location: '/tides#today' }).end();
    } else if (request.url?.startsWith('/tides')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(served.paragraph));
    } else if (request.url === '/img/chart.png') {
      // Served as something else: the stored type comes from the bytes.
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(png);
    } else if (request.url === '/report.pdf') {
      response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
    } else {
      response.writeHead(404).end();
    }
  });
  insideAsked = [];
  app = openAppData(path.join(temp.dir, 'data'), {
    log: (error) => expect.fail(`unexpected internal error: ${String(error)}`),
    // The test server is on this computer: the user who typed its address agrees to open it.
    ports: {
      ...noUserPorts,
      confirmInsideAddress: async (url, space) => {
        insideAsked.push({ url, space });
        return agreeInside;
      },
    },
  });
  agreeInside = true;
  api = dispatchApi(app.dispatch);
});

afterEach(async () => {
  app.close();
  await server.close();
  temp.cleanup();
});

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Every element of a stored tree, depth first. */
function elements(nodes: readonly DocumentNode[]): Array<Exclude<DocumentNode, string>> {
  return nodes.flatMap((node) => (typeof node === 'string' ? [] : [node, ...elements(node.children ?? [])]));
}

describe('opening a web page', () => {
  it('keeps its main content formatted and sanitised, with its images stored and nothing left that loads', async () => {
    const opened = ok(await api.articles.openWebPage({ url: server.url('/old-address') }));
    // The address it was finally served from, without the #fragment, is its identity.
    expect(opened).toMatchObject({ created: true, report: null, article: { source: server.url('/tides') } });
    expect(opened.notices).toEqual([`1 image of ${server.url('/tides')} could not be loaded and was left out.`]);
    const { article } = opened;
    expect(article).toMatchObject({ format: 'document', title: 'Tide tables', meta: { siteName: 'Harbour News' } });
    const tree = article.document ?? [];
    expect(checkDocument(tree)).toBeUndefined();
    expect(article.content).toBe(documentText(tree));
    expect(article.content).toContain('spring tides');
    expect(article.content).not.toContain('Home');
    expect(article.content).not.toContain('hijacked');
    const all = elements(tree);
    expect(all.find((e) => e.tag === 'strong')?.children).toEqual(['spring tides']);
    expect(all.filter((e) => e.tag === 'a').map((e) => e.attrs?.href)).toEqual([server.url('/moon')]);
    const images = all.filter((e) => e.tag === 'img');
    expect(images.map((e) => e.attrs)).toEqual([{ src: '1', alt: 'A tide chart' }]);
    expect(JSON.stringify(tree)).not.toMatch(/onerror|alert\(|127\.0\.0\.1[^"]*png/);

    // The image is in the library, served by the app's own scheme, typed by its bytes.
    expect(countArticleImages(app.db, article.id)).toBe(1);
    const image = imageResponse(app.db, `/images/${article.id}/1`);
    expect(image).toMatchObject({ status: 200, headers: { 'content-type': 'image/png' } });
    expect(Buffer.from(image.body)).toEqual(png);
  });

  it('asks the user in main before opening an address on this computer, and opens nothing when they decline', async () => {
    agreeInside = false;
    const refused = await api.articles.openWebPage({ url: server.url('/tides') });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: `${server.url('/tides')} was not opened: it is on your own network or this computer.`,
      },
    });
    expect(insideAsked).toEqual([{ url: server.url('/tides'), space: 'local' }]);
    expect(served.requests).toEqual([]);
    expect(listArticles(app.db).map((a) => a.source)).not.toContain(server.url('/tides'));
  });

  it('an internet page keeps its own images, and never makes the reader ask this computer for one', async () => {
    // news.test stands for a site on the internet: it resolves to a public address, and is served by the test server.
    const port = new URL(server.url('/')).port;
    const resolveHost = (host: string) => Promise.resolve(host === 'news.test' ? ['203.0.113.7'] : []);
    const viaTestServer: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.hostname === 'news.test') url.hostname = '127.0.0.1';
      return fetch(url, init);
    };
    served.paragraph = `High water is at 06:12. <img src="http://127.0.0.1:${port}/img/chart.png?router" alt="inside">`;

    const opened = await openWebPage(app.db, `http://news.test:${port}/tides`, {
      importer: app.importer,
      fetch: viaTestServer,
      resolveHost,
    });

    // Its own chart came; the image at this computer's address was never asked for, and is counted as left out.
    expect(served.requests.filter((request) => request.startsWith('/img/'))).toEqual([
      '/img/chart.png',
      '/img/missing.png',
    ]);
    expect(opened.notices).toEqual([
      `2 images of http://news.test:${port}/tides could not be loaded and were left out.`,
    ]);
    expect(countArticleImages(app.db, opened.article.id)).toBe(1);
  });

  it('re-imports a changed page under the same address, re-anchoring its highlights with a report', async () => {
    const first = ok(await api.articles.openWebPage({ url: server.url('/tides') })).article;
    const phrase = 'spring tides come with the full moon';
    const start = first.content.indexOf(phrase);
    ok(
      await api.annotations.create({
        articleId: first.id,
        color: 'green',
        selectors: describeText(first.content, start, start + phrase.length),
      }),
    );
    const doomed = 'High water today is at 06:12';
    const doomedAt = first.content.indexOf(doomed);
    ok(
      await api.annotations.create({
        articleId: first.id,
        color: 'pink',
        selectors: describeText(first.content, doomedAt, doomedAt + doomed.length),
        note: 'check the almanac',
      }),
    );

    // The same page again, unchanged: nothing to report.
    expect(ok(await api.articles.openWebPage({ url: server.url('/tides') }))).toMatchObject({
      created: false,
      report: null,
    });
    served.paragraph = 'Tomorrow the first high water comes forty minutes later, as it does each day.';
    const again = ok(await api.articles.openWebPage({ url: server.url('/tides') }));
    expect(again).toMatchObject({
      created: false,
      article: { id: first.id },
      report: { kept: 0, moved: 1, orphaned: 1 },
    });
    const annotations = ok(await api.annotations.list({ articleId: first.id }));
    expect(annotations.map((a) => a.note).sort()).toEqual(['', 'check the almanac']);
    const placed = annotations.find((a) => a.color === 'green')!;
    const position = placed.selectors.find((s) => s.type === 'TextPositionSelector')!;
    expect(again.article.content.slice(position.start, position.end)).toBe(phrase);
    expect(listArticles(app.db).filter((a) => a.source === server.url('/tides'))).toHaveLength(1);
  });

  it('answers a page that is not there or not a page in the user’s words, and adds nothing', async () => {
    const before = ok(await api.articles.list());
    expect(await api.articles.openWebPage({ url: server.url('/nowhere') })).toEqual({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('was not found (404)') },
    });
    expect(await api.articles.openWebPage({ url: server.url('/report.pdf') })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('not a web page') },
    });
    expect(ok(await api.articles.list())).toEqual(before);
  });
});

describe('opening files', () => {
  it('asks a saved page’s web images only of the internet: none from this computer or the local network', async () => {
    const html = path.join(temp.dir, 'saved.html');
    writeFileSync(
      html,
      `<html><head><title>Saved</title></head><body><article><h1>Saved</h1><p>A page saved from the web, with an image that points at this computer, where a router or a local service would answer.</p><p><img src="${server.url('/img/chart.png')}" alt="inside"></p><p>Its other paragraphs are what the user wanted to keep and read again later.</p></article></body></html>`,
    );
    const { opened } = ok(await api.articles.openDropped({ paths: [html] }));
    expect(opened[0]?.notices).toEqual(['1 image of saved.html could not be loaded and was left out.']);
    expect(served.requests).toEqual([]);
  });

  it('opens Markdown and HTML files formatted, with an HTML file’s own images read from beside it', async () => {
    const folder = path.join(temp.dir, 'notes');
    mkdirSync(path.join(folder, 'images'), { recursive: true });
    writeFileSync(path.join(folder, 'images', 'quay.png'), png);
    const html = path.join(folder, 'quay.html');
    writeFileSync(
      html,
      '<html><head><title>The quay</title></head><body><article><h1>The quay</h1><p>The northern quay silts up every winter, and the dredger comes each spring to clear it for the fishing fleet.</p><p><img src="images/quay.png" alt="The quay"></p><p>Boats wait outside the basin until the channel is clear again, sometimes for a week or more.</p></article></body></html>',
    );
    const markdown = path.join(folder, 'field-notes.md');
    writeFileSync(markdown, '# Field notes\n\nThe heron stood in the **shallows** all morning.\n\n- waded\n- waited\n');

    const { opened, refused } = ok(await api.articles.openDropped({ paths: [html, markdown] }));
    expect(refused).toEqual([]);
    expect(opened.map((o) => o.article.title)).toEqual(['The quay', 'Field notes']);
    const [quay, notes] = opened.map((o) => o.article);
    expect(quay).toMatchObject({ format: 'document', source: pathToFileURL(html).href });
    expect(countArticleImages(app.db, quay!.id)).toBe(1);
    expect(notes).toMatchObject({ format: 'document', source: pathToFileURL(markdown).href });
    expect(notes?.content).toBe('The heron stood in the shallows all morning.\n\nwaded\n\nwaited');
  });

  it('names each dropped file it refuses and why, opening the others, and leaves the library as it was for those', async () => {
    const good = path.join(temp.dir, 'good.txt');
    writeFileSync(good, 'A title\n\nSome text to read.');
    const pdf = path.join(temp.dir, 'scan.pdf');
    writeFileSync(pdf, Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n', 'latin1'));
    const empty = path.join(temp.dir, 'empty.md');
    writeFileSync(empty, '\n  \n');
    const before = ok(await api.articles.list()).length;

    // A dropped file must have an article's extension: a key or a password file (no extension) is never read.
    const key = path.join(temp.dir, 'id_ed25519');
    writeFileSync(key, '-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n');

    const result = ok(
      await api.articles.openDropped({ paths: [pdf, good, empty, key, path.join(temp.dir, 'gone.txt')] }),
    );
    expect(result.opened.map((o) => o.article.title)).toEqual(['A title']);
    expect(result.refused.map((r) => path.basename(r.file))).toEqual([
      'scan.pdf',
      'id_ed25519',
      'empty.md',
      'gone.txt',
    ]);
    for (const { reason } of result.refused) expect(reason).toMatch(/^“(scan\.pdf|id_ed25519|empty\.md|gone\.txt)”/);
    expect(ok(await api.search.query({ text: 'OPENSSH' })).groups).toEqual([]);
    expect(ok(await api.articles.list())).toHaveLength(before + 1);
  });
});
