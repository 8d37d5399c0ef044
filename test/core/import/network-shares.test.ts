import { describe, expect, it } from 'vitest';

import { importHtml, importMarkdown } from '../../../electron/core/import/index.ts';
import { loadImages } from '../../../electron/core/web/load-images.ts';

/**
 * A local file must never make the import reach a network share: on Windows, reading `\\server\share\x.png` connects
 * to that server and hands it the user's login. `//server/x.png` or `\\server\x.png` in a file resolve to
 * `file://server/…`, which is left out like any image that cannot be had.
 */
describe('images on a network share', () => {
  const base = 'file:///home/reader/notes/page.md';

  it('are left out of a Markdown or HTML file, whatever way the address is written', () => {
    const markdown = importMarkdown(
      '# Notes\n\n![a](//evil.example/share/x.png) ![b](file://evil.example/share/y.png) text\n',
      {
        baseUrl: base,
        fallbackTitle: 'Notes',
      },
    );
    expect(markdown.images).toEqual([]);
    const html = importHtml(
      `<html><body><article><h1>Notes</h1><p>${'Words to read here. '.repeat(20)}<img src="\\\\evil.example\\share\\x.png"><img src="//evil.example/s/y.png"><img src="file://localhost/home/reader/notes/ok.png"></p></article></body></html>`,
      { baseUrl: 'file:///home/reader/notes/page.html' },
    );
    // A file on this computer is still read (URL parsing drops the localhost host).
    expect(html.images.map((image) => image.url)).toEqual(['file:///home/reader/notes/ok.png']);
  });

  it('are never read, even when files are allowed', async () => {
    const { images, dropped } = await loadImages([{ name: '1', url: 'file://evil.example/share/x.png' }], {
      allowFiles: true,
    });
    expect(images).toEqual([]);
    expect(dropped).toBe(1);
  });
});
