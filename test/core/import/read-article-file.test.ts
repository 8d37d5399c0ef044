import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { limits } from '../../../common/model.ts';
import { ImportRefusedError, readArticleFile } from '../../../electron/core/import/index.ts';
import { parseTextArticle } from '../../../electron/core/text-article.ts';
import { makeTempDir } from '../../db/temp-dir.ts';
import { expectSafe, textOf } from './safety.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

function file(name: string, content: string | Uint8Array): string {
  const filePath = path.join(temp.dir, name);
  writeFileSync(filePath, content);
  return filePath;
}

async function refusal(filePath: string): Promise<string> {
  const error: unknown = await readArticleFile(filePath).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRefusedError);
  return (error as Error).message;
}

const story = 'Harbour Plan Review\n\nThe committee met on Tuesday.\n\nFunding remains the main obstacle.\n';

describe('each type of file', () => {
  it('reads a .txt file (and one without an extension) as today’s plain text, under its file: URL', async () => {
    for (const name of ['harbour.txt', 'HARBOUR.TXT', 'harbour']) {
      const filePath = file(name, story);
      const { source, imported } = await readArticleFile(filePath);
      expect(source).toBe(pathToFileURL(filePath).href);
      const { title, content } = parseTextArticle(story);
      expect(imported).toEqual({ title, body: { format: 'text', content }, meta: {}, images: [], notices: [] });
    }
  });

  it('titles a one-line text file by its name, keeping the line as the text', async () => {
    const { imported } = await readArticleFile(file('reminder.txt', 'Buy more tide tables.\n'));
    expect(imported.title).toBe('reminder');
    expect(imported.body).toEqual({ format: 'text', content: 'Buy more tide tables.' });
  });

  it('reads .md and .markdown as Markdown, resolving images against the file', async () => {
    for (const name of ['notes.md', 'notes.markdown']) {
      const { imported } = await readArticleFile(file(name, '# Notes\n\nLow *tide* at six. ![map](maps/north.png)'));
      expectSafe(imported);
      expect(imported.title).toBe('Notes');
      expect(textOf(imported)).toBe('Low tide at six. ');
      expect(imported.images).toEqual([{ name: '1', url: pathToFileURL(path.join(temp.dir, 'maps/north.png')).href }]);
    }
  });

  it('reads .html, .htm and .xhtml as web pages', async () => {
    for (const name of ['page.html', 'page.htm', 'page.XHTML']) {
      const html =
        '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Tides</title></head><body><p>Low at six.</p></body></html>';
      const { imported } = await readArticleFile(file(name, html));
      expect(imported.title).toBe('Tides');
      expect(textOf(imported)).toBe('Low at six.');
    }
  });
});

describe('files that cannot become an article', () => {
  it('refuses a type it cannot read, saying which it can', async () => {
    expect(await refusal(file('report.pdf', '%PDF-1.7 text'))).toBe(
      '“report.pdf” is not a type of file Marginalia can open: choose a text file (.txt), Markdown (.md, .markdown) or a web page (.html, .htm, .xhtml).',
    );
  });

  it('refuses a folder, a missing file and a device, which is not a regular file', async () => {
    const folder = path.join(temp.dir, 'notes.md');
    mkdirSync(folder);
    expect(await refusal(folder)).toBe('“notes.md” is a folder; choose a file in it.');
    expect(await refusal(path.join(temp.dir, 'gone.txt'))).toBe(
      '“gone.txt” could not be found; it may have been moved or deleted.',
    );
    expect(await refusal(path.join(temp.dir, 'gone.txt', 'under-a-file.txt'))).toMatch(/could not be found/);
    // A device: read as a file, /dev/zero would give 50 MB of NUL bytes and be refused as too big or binary.
    expect(await refusal('/dev/zero')).toBe('“zero” is not a file Marginalia can read.');
  });

  it('refuses a file over the size limit without reading it', async () => {
    // Sparse: no disk is used, and reading it would find NUL bytes and say "binary", not "too big".
    const big = path.join(temp.dir, 'huge.html');
    writeFileSync(big, '');
    truncateSync(big, limits.fileMaxBytes + 1);
    const started = performance.now();
    expect(await refusal(big)).toBe('“huge.html” is 50.0 MB; Marginalia opens files of up to 50 MB.');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses an empty file, and one of only whitespace', async () => {
    expect(await refusal(file('empty.txt', ''))).toBe('“empty.txt” is empty.');
    expect(await refusal(file('blank.md', ' \n\t\r\n  \n'))).toBe('“blank.md” is empty.');
  });

  it('refuses a binary file, naming the format when its first bytes say it', async () => {
    expect(await refusal(file('scan.txt', '%PDF-1.4\n1 0 obj << /Type /Catalog >>\n'))).toBe(
      '“scan.txt” looks like a binary file (PDF?), not text Marginalia can open.',
    );
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await refusal(file('photo.md', png))).toBe(
      '“photo.md” looks like a binary file (PNG?), not text Marginalia can open.',
    );
    expect(await refusal(file('archive.html', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0])))).toMatch(
      /\(ZIP\?\)/,
    );
    expect(await refusal(file('data.txt', Uint8Array.from([0x68, 0x69, 0x00, 0x01, 0x02])))).toBe(
      '“data.txt” looks like a binary file, not text Marginalia can open.',
    );
  });

  it('refuses a page with no readable text', async () => {
    expect(await refusal(file('blank.html', '<html><body><script>x()</script></body></html>'))).toBe(
      '“blank.html” has no readable text.',
    );
  });

  it('refuses text longer than an article may be', async () => {
    const paragraph = `${'tide '.repeat(2_000)}\n\n`;
    const text = `Long\n\n${paragraph.repeat(Math.ceil(limits.articleMaxLength / paragraph.length) + 10)}`;
    const message = await refusal(file('long.txt', text));
    expect(message).toMatch(
      /^“long\.txt” is too long to open: its text is 20,\d{3},\d{3} characters, and an article may hold at most 20,000,000\.$/,
    );
  });
});

describe('encodings', () => {
  const bytes = (...parts: Array<string | number[]>) =>
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

  it('reads text that is not quite UTF-8, replacing the bad bytes with � and saying how many', async () => {
    const rest = ' as the tables said it would be, and the boats lay on the mud until noon.'.repeat(5);
    const text = bytes('Caf', [0xe9], ' au lait\n\nThe tide is ', [0xff, 0xfe], `low at six,${rest}`);
    const { imported } = await readArticleFile(file('menu.txt', text));
    expect(imported.body).toMatchObject({ content: expect.stringContaining('The tide is ��low') });
    expect(imported.title).toBe('Caf� au lait');
    expect(imported.notices).toEqual(['The file was not valid UTF-8: 3 characters were replaced by �.']);
    const one = await readArticleFile(file('one.md', bytes('# T\n\nOne bad byte: ', [0x80], rest)));
    expect(one.imported.notices).toEqual(['The file was not valid UTF-8: 1 character was replaced by �.']);
  });

  it('does not count a � the file really holds', async () => {
    const { imported } = await readArticleFile(file('ok.txt', 'Title\n\nA real replacement character: \uFFFD.'));
    expect(imported.notices).toEqual([]);
  });

  it('refuses a file in which more than 1% of the characters are invalid', async () => {
    const latin1 = Buffer.from('Titre\n\nÉté à la mer, où l’on nage et mange des crêpes à volonté.', 'latin1');
    expect(await refusal(file('ete.txt', latin1))).toBe('“ete.txt” is not UTF-8 text; save it as UTF-8 and try again.');
  });

  it('honours a UTF-8 byte-order mark and UTF-16 in both byte orders', async () => {
    const withMark = await readArticleFile(file('bom.txt', bytes([0xef, 0xbb, 0xbf], story)));
    expect(withMark.imported.title).toBe('Harbour Plan Review');
    const utf16 = (littleEndian: boolean) => {
      const units = Buffer.from(`\uFEFF${story}`, 'utf16le');
      if (!littleEndian) units.swap16();
      return units;
    };
    for (const littleEndian of [true, false]) {
      const { imported } = await readArticleFile(file(`utf16-${littleEndian}.txt`, utf16(littleEndian)));
      expect(imported.title).toBe('Harbour Plan Review');
      expect(imported.body).toEqual({ format: 'text', content: parseTextArticle(story).content });
      expect(imported.notices).toEqual([]);
    }
  });

  it('reads an HTML page in the legacy encoding its <meta charset> declares', async () => {
    const page =
      '<html><head><meta charset="windows-1252"><title>Été</title></head><body><p>Crêpes “à volonté” — 5 €.</p></body></html>';
    const { imported } = await readArticleFile(
      file(
        'ete.html',
        Buffer.from(page.replace('“', '\x93').replace('”', '\x94').replace('—', '\x97').replace('€', '\x80'), 'latin1'),
      ),
    );
    expect(imported.title).toBe('Été');
    expect(textOf(imported)).toBe('Crêpes “à volonté” — 5 €.');
    expect(imported.notices).toEqual([]);
    const declared = '<?xml version="1.0" encoding="ISO-8859-1"?><html><body><p>Café</p></body></html>';
    const xhtml = await readArticleFile(file('cafe.xhtml', Buffer.from(declared, 'latin1')));
    expect(textOf(xhtml.imported)).toBe('Café');
  });
});
