import { describe, expect, it } from 'vitest';

import { maxDocumentDepth } from '../../../common/document.ts';
import { importHtml } from '../../../electron/core/import/index.ts';
import { expectSafe, textOf } from './safety.ts';

const fiveMegabytes = 5 * 1024 * 1024;

/** `section(n)` repeated until the page is `bytes` long, inside a page with a menu, a title and a last paragraph. */
function page(bytes: number, section: (n: number) => string): { html: string; sections: number } {
  const parts = ['<!DOCTYPE html><html lang="en"><head><title>A very long report</title></head><body>'];
  parts.push('<nav><a href="/">Home</a></nav><article><h1>A very long report</h1>');
  let size = parts.join('').length;
  let n = 0;
  for (; size < bytes; n++) {
    const part = section(n);
    parts.push(part);
    size += part.length;
  }
  parts.push('<p>The final paragraph of the report.</p></article></body></html>');
  return { html: parts.join(''), sections: n };
}

function timed<T>(label: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

describe('a 5 MB page', () => {
  it('is imported whole, with every section, in well under two minutes', { timeout: 180_000 }, () => {
    const { html, sections } = page(
      fiveMegabytes,
      (n) =>
        `<h2>Section ${n}</h2><p>Paragraph ${n} opens with <em>emphasis</em>, a <a href="/ref/${n}">reference</a> and ` +
        `<code>code_${n}()</code>; the committee discussed the harbour, the tides and the budget at length.</p>` +
        `<ul><li>First point of ${n}</li><li>Second point, with <strong>weight</strong></li></ul>` +
        `<p>Another paragraph in section ${n}, long enough to look like prose a person would read.<br>With a break.</p>` +
        (n % 10 === 0
          ? `<table><tr><th>Key</th><th>Value</th></tr><tr><td>n</td><td>${n}</td></tr></table>` +
            `<figure><img src="/img/${n}.png" alt="Figure ${n}"><figcaption>Figure ${n}</figcaption></figure>` +
            `<pre>  line one\n    line two ${n}</pre>`
          : ''),
    );
    const imported = timed(`5 MB article (${sections} sections)`, () =>
      importHtml(html, { baseUrl: 'https://example.com/report' }),
    );
    expectSafe(imported);
    const text = textOf(imported);
    expect(text.startsWith('Section 0\n\nParagraph 0 opens with emphasis')).toBe(true);
    expect(text.endsWith('The final paragraph of the report.')).toBe(true);
    expect(text).toContain(`Section ${sections - 1}\n\nParagraph ${sections - 1} opens`);
    expect(imported.images).toHaveLength(Math.ceil(sections / 10));
  });

  it('of hostile markup is imported safely', { timeout: 180_000 }, () => {
    const { html } = page(
      fiveMegabytes,
      (n) =>
        `<p onclick="alert(${n})" style="background:url(https://evil.example/${n})">Paragraph ${n} with ` +
        `<a href="jav&#x09;ascript:alert(${n})">a trap</a> and <img src=x onerror=alert(${n})>.</p>` +
        `<script>alert(${n})</script><svg><a xlink:href="javascript:alert(${n})"><text>svg</text></a></svg>` +
        `<iframe src="javascript:alert(${n})"></iframe><math><mtext><table><mglyph><style><img src onerror=alert(${n})></style></mglyph></table></mtext></math>`,
    );
    const imported = timed('5 MB hostile page', () => importHtml(html, { baseUrl: 'https://example.com/hostile' }));
    expectSafe(imported);
    expect(textOf(imported)).not.toMatch(/alert|svg/);
  });
});

describe('a page nested 3,000 deep', () => {
  it(
    'is flattened before Readability reads it, and stored no deeper than the tree may nest',
    { timeout: 60_000 },
    () => {
      const levels = 3_000;
      const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
      const html = `<title>Deep</title>${'<div>'.repeat(levels)}<p>${words}.</p><p>Second paragraph.</p>${'</div>'.repeat(levels)}`;
      const imported = timed('3,000-deep page', () => importHtml(html, { baseUrl: 'https://example.com/deep' }));
      expectSafe(imported);
      expect(textOf(imported)).toContain(`${words}.`);
      expect(textOf(imported)).toContain('Second paragraph.');
      expect(JSON.stringify(imported.body).split('"children"').length).toBeLessThan(maxDocumentDepth * 4);
    },
  );
});

describe('a page of 5,000 iframes', () => {
  it('gives none of them a window of its own, so it imports in seconds instead of exhausting memory', () => {
    const frames = '<p>Text between frames.</p><iframe src="https://evil.example/f"></iframe><frame src="x">'.repeat(
      5_000,
    );
    const started = performance.now();
    const imported = timed('5,000 iframes', () =>
      importHtml(`<title>Frames</title>${frames}`, { baseUrl: 'https://example.com/' }),
    );
    // A window per frame costs about 7 ms and a few hundred kilobytes each: over 30 s and gigabytes for this page.
    expect(performance.now() - started).toBeLessThan(20_000);
    expectSafe(imported);
    expect(textOf(imported).split('Text between frames.')).toHaveLength(5_001);
  });
});

describe('a page of more images than an article keeps', () => {
  it('keeps the first 5,000, in order, and says how many it left out', () => {
    const images = Array.from({ length: 5_003 }, (_, i) => `<img src="/i/${i}.png">`).join('');
    const imported = importHtml(`<title>Gallery</title><p>Pictures.</p><p>${images}</p>`, {
      baseUrl: 'https://example.com/',
    });
    expectSafe(imported);
    expect(imported.images).toHaveLength(5_000);
    expect(imported.images.at(-1)).toEqual({ name: '5000', url: 'https://example.com/i/4999.png' });
    expect(imported.notices).toEqual([
      'This document has more than 5,000 images; the 3 images after those were left out.',
    ]);
  });
});
