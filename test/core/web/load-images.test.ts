import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { findActiveSvgContent } from '../../../electron/core/web/inert-svg.ts';
import { type ImageSource, loadImages, type LoadImagesOptions } from '../../../electron/core/web/load-images.ts';
import { makeTempDir } from '../../db/temp-dir.ts';
import { type LocalServer, startServer } from './local-server.ts';
import { base64DataUrl, pngOfSize, tinyImages } from './tiny-images.ts';

let server: LocalServer | undefined;
let temp: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  temp = makeTempDir();
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  temp.cleanup();
});

type Route = (response: ServerResponse) => void;

/** Serves routes by path; any other path is a 404. */
async function serve(routes: Record<string, Route>): Promise<LocalServer> {
  server = await startServer((request, response) => {
    const route = routes[request.url ?? ''];
    if (route) route(response);
    else response.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>');
  });
  return server;
}

/** A route answering with bytes under a Content-Type that the loader must not believe. */
function bytes(data: Uint8Array, contentType = 'application/octet-stream'): Route {
  return (response) => response.writeHead(200, { 'Content-Type': contentType }).end(data);
}

function source(name: string, url: string): ImageSource {
  return { name, url };
}

/**
 * Loads images for a page on this computer, as the test server is: where images may come from is tested on its own
 * ('loadImages: a page cannot reach inside the network'), so the rest of these tests are not about it.
 */
function loadLocal(sources: readonly ImageSource[], options: LoadImagesOptions = {}) {
  return loadImages(sources, { pageSpace: 'local', ...options });
}

describe('loadImages: formats', () => {
  it('loads PNG, JPEG, GIF, WebP, AVIF and SVG from a server, typed by their bytes, not by the header', async () => {
    const local = await serve({
      '/a.png': bytes(tinyImages.png, 'image/jpeg'),
      '/b.jpg': bytes(tinyImages.jpeg),
      '/c.gif': bytes(tinyImages.gif, 'image/png'),
      '/d.webp': bytes(tinyImages.webp, 'text/plain'),
      '/e.avif': bytes(tinyImages.avif),
      '/f.svg': bytes(tinyImages.svg, 'text/xml'),
    });
    const names = ['a.png', 'b.jpg', 'c.gif', 'd.webp', 'e.avif', 'f.svg'];

    const result = await loadLocal(names.map((name) => source(name, local.url(`/${name}`))));

    expect(result.dropped).toBe(0);
    expect(result.images).toEqual([
      { name: 'a.png', mediaType: 'image/png', data: tinyImages.png },
      { name: 'b.jpg', mediaType: 'image/jpeg', data: tinyImages.jpeg },
      { name: 'c.gif', mediaType: 'image/gif', data: tinyImages.gif },
      { name: 'd.webp', mediaType: 'image/webp', data: tinyImages.webp },
      { name: 'e.avif', mediaType: 'image/avif', data: tinyImages.avif },
      { name: 'f.svg', mediaType: 'image/svg+xml', data: tinyImages.svg },
    ]);
  });

  it('decodes data: URLs, base64 and percent-encoded, and still sniffs what they hold', async () => {
    const svgText = new TextDecoder().decode(tinyImages.svg);

    const result = await loadLocal([
      source('png', base64DataUrl('image/png', tinyImages.png)),
      source('gif', base64DataUrl('image/jpeg', tinyImages.gif)),
      source('svg', `data:image/svg+xml,${encodeURIComponent(svgText)}`),
      source('page', `data:image/png,${encodeURIComponent('<!DOCTYPE html><p>not an image')}`),
      source('broken', 'data:image/png;base64,%%%not base64%%%'),
    ]);

    expect(result.images).toEqual([
      { name: 'png', mediaType: 'image/png', data: tinyImages.png },
      { name: 'gif', mediaType: 'image/gif', data: tinyImages.gif },
      { name: 'svg', mediaType: 'image/svg+xml', data: tinyImages.svg },
    ]);
    expect(result.dropped).toBe(2);
  });

  it('reads file: URLs only when files are allowed', async () => {
    const pngPath = path.join(temp.dir, 'figure 1.png');
    const webpPath = path.join(temp.dir, 'figure-2.webp');
    writeFileSync(pngPath, tinyImages.png);
    writeFileSync(webpPath, tinyImages.webp);
    const sources = [
      source('one', pathToFileURL(pngPath).href),
      source('two', pathToFileURL(webpPath).href),
      source('missing', pathToFileURL(path.join(temp.dir, 'missing.png')).href),
      source('folder', pathToFileURL(temp.dir).href),
    ];

    const allowed = await loadLocal(sources, { allowFiles: true });
    expect(allowed.images).toEqual([
      { name: 'one', mediaType: 'image/png', data: tinyImages.png },
      { name: 'two', mediaType: 'image/webp', data: tinyImages.webp },
    ]);
    expect(allowed.dropped).toBe(2);

    // A web page's images must never reach into the file system, whatever its markup says.
    await expect(loadImages(sources)).resolves.toEqual({ images: [], dropped: 4 });
    await expect(loadImages(sources, { allowFiles: false })).resolves.toEqual({ images: [], dropped: 4 });
  });
});

describe('loadImages: what cannot be had is dropped and counted', () => {
  it('drops a missing image and keeps the others in order', async () => {
    const local = await serve({ '/a.png': bytes(tinyImages.png), '/c.gif': bytes(tinyImages.gif) });

    const result = await loadLocal([
      source('a', local.url('/a.png')),
      source('b', local.url('/missing.png')),
      source('c', local.url('/c.gif')),
    ]);

    expect(result.images.map((image) => image.name)).toEqual(['a', 'c']);
    expect(result.dropped).toBe(1);
  });

  it('drops an HTML page served as image/png', async () => {
    const local = await serve({
      '/photo.png': bytes(new TextEncoder().encode('<!DOCTYPE html><h1>Please log in</h1>'), 'image/png'),
    });

    await expect(loadImages([source('photo', local.url('/photo.png'))])).resolves.toEqual({ images: [], dropped: 1 });
  });

  it('drops an image whose server never answers, without holding up the others', async () => {
    const local = await serve({ '/fast.png': bytes(tinyImages.png), '/never.png': () => undefined });
    const started = performance.now();

    const result = await loadLocal([source('never', local.url('/never.png')), source('fast', local.url('/fast.png'))], {
      timeoutMs: 300,
    });

    expect(result.images.map((image) => image.name)).toEqual(['fast']);
    expect(result.dropped).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('follows up to five redirects, only to http or https', async () => {
    const hops: Record<string, Route> = { '/hop/6': bytes(tinyImages.png) };
    for (let hop = 0; hop < 6; hop++) {
      hops[`/hop/${hop}`] = (response) => response.writeHead(302, { Location: `/hop/${hop + 1}` }).end();
    }
    const filePath = path.join(temp.dir, 'secret.png');
    writeFileSync(filePath, tinyImages.png);
    const local = await serve({
      ...hops,
      '/to-file': (response) => response.writeHead(302, { Location: pathToFileURL(filePath).href }).end(),
    });

    const result = await loadLocal(
      [source('five', local.url('/hop/1')), source('six', local.url('/hop/0')), source('file', local.url('/to-file'))],
      { allowFiles: true },
    );

    expect(result.images.map((image) => image.name)).toEqual(['five']);
    expect(result.dropped).toBe(2);
  });

  it('drops URLs of other schemes and malformed ones', async () => {
    const result = await loadLocal([
      source('ftp', 'ftp://files.example/a.png'),
      source('script', 'javascript:alert(1)'),
      source('relative', 'images/a.png'),
      source('png', base64DataUrl('image/png', tinyImages.png)),
    ]);

    expect(result.images.map((image) => image.name)).toEqual(['png']);
    expect(result.dropped).toBe(3);
  });
});

/** SVGs that hold something active, each with what must catch it. */
const hostileSvgs: Array<[string, string]> = [
  ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'a script'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><svg:script xmlns:svg="x">1</svg:script></svg>', 'a script'],
  ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'an event handler'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><rect\nONCLICK = "x"/></svg>', 'an event handler'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>html</p></foreignObject></svg>', 'a script or'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><image xlink:href="https://tracker.example/p.png"/></svg>', 'a link'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><use href="other.svg#shape"/></svg>', 'a link'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>', 'a link'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://x.example/a.css";</style></svg>', 'a stylesheet'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://x.example/p)"/></svg>', 'a CSS url()'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:&#x75;rl(https://x.example/p)"/></svg>', 'a CSS url()'],
  [
    '<svg xmlns="http://www.w3.org/2000/svg"><style>rect { fill: u\\72l(https://x.example/p) }</style></svg>',
    'a backslash',
  ],
  ['<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="https://x.example/"/></svg>', 'an animation'],
  ['<?xml-stylesheet href="https://x.example/a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>', 'a processing'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><!ENTITY x SYSTEM "file:///etc/passwd"></svg>', 'an entity'],
];

describe('loadImages: SVG', () => {
  it.each(hostileSvgs)('finds active content in %s', (svg, what) => {
    expect(findActiveSvgContent(svg)).toMatch(new RegExp(`^${what.replace(/[()]/g, '\\$&')}`));
  });

  it('finds nothing active in an SVG as editors save it', () => {
    expect(findActiveSvgContent(new TextDecoder().decode(tinyImages.svg))).toBeUndefined();
  });

  it('drops every hostile SVG, and an SVG whose DOCTYPE declares entities', async () => {
    const withEntities =
      '<!DOCTYPE svg [<!ENTITY lol "lol">]><svg xmlns="http://www.w3.org/2000/svg"><text>&lol;</text></svg>';
    const sources = [...hostileSvgs.map(([svg]) => svg), withEntities].map((svg, i) =>
      source(`hostile-${i}`, `data:image/svg+xml,${encodeURIComponent(svg)}`),
    );

    const result = await loadLocal([...sources, source('fine', base64DataUrl('image/svg+xml', tinyImages.svg))]);

    expect(result.images.map((image) => image.name)).toEqual(['fine']);
    expect(result.dropped).toBe(sources.length);
  });

  it('does not take a text that only mentions <svg> for an SVG', async () => {
    const notSvg = '<html><body><svg xmlns="http://www.w3.org/2000/svg"/></body></html>';

    const result = await loadLocal([source('page', `data:image/svg+xml,${encodeURIComponent(notSvg)}`)]);

    expect(result).toEqual({ images: [], dropped: 1 });
  });
});

describe('loadImages: limits', () => {
  it('drops an image over the per-image cap, by Content-Length, while streaming, as data: and as a file', async () => {
    const big = pngOfSize(2000);
    const small = pngOfSize(1000);
    const bigPath = path.join(temp.dir, 'big.png');
    writeFileSync(bigPath, big);
    const local = await serve({
      '/declared.png': bytes(big),
      '/chunked.png': (response) => {
        response.writeHead(200, { 'Content-Type': 'image/png' });
        response.write(big.subarray(0, 1000));
        response.end(big.subarray(1000));
      },
      '/small.png': bytes(small),
    });

    const result = await loadLocal(
      [
        source('declared', local.url('/declared.png')),
        source('chunked', local.url('/chunked.png')),
        source('data', base64DataUrl('image/png', big)),
        source('file', pathToFileURL(bigPath).href),
        source('small', local.url('/small.png')),
      ],
      { maxImageBytes: 1000, allowFiles: true },
    );

    expect(result.images).toEqual([{ name: 'small', mediaType: 'image/png', data: small }]);
    expect(result.dropped).toBe(4);
  });

  it('keeps images while their total stays within the cap, and drops one that would pass it', async () => {
    const local = await serve({
      '/a': bytes(pngOfSize(400)),
      '/b': bytes(pngOfSize(400)),
      '/c': bytes(pngOfSize(400)),
      '/d': bytes(pngOfSize(100)),
    });

    const result = await loadLocal(
      ['a', 'b', 'c', 'd'].map((name) => source(name, local.url(`/${name}`))),
      { maxTotalBytes: 1000, concurrency: 1 },
    );

    // a and b draw 800 of the 1000; c would pass the cap; d still fits in what is left.
    expect(result.images.map((image) => image.name)).toEqual(['a', 'b', 'd']);
    expect(result.dropped).toBe(1);
    expect(result.images.reduce((total, image) => total + image.data.byteLength, 0)).toBeLessThanOrEqual(1000);
  });

  it('fetches at most `concurrency` images at once, and keeps the order of the sources', async () => {
    let active = 0;
    let mostActive = 0;
    const count = 12;
    const routes: Record<string, Route> = {};
    for (let i = 0; i < count; i++) {
      routes[`/${i}.png`] = (response) => {
        active++;
        mostActive = Math.max(mostActive, active);
        // Later images answer sooner, so the order they arrive in is not the order they were asked for.
        setTimeout(
          () => {
            active--;
            bytes(pngOfSize(100 + i))(response);
          },
          10 + (count - i) * 5,
        );
      };
    }
    const local = await serve(routes);
    const sources = Array.from({ length: count }, (_, i) => source(`image-${i}`, local.url(`/${i}.png`)));

    const three = await loadLocal(sources, { concurrency: 3 });
    expect(mostActive).toBe(3);
    expect(three.images.map((image) => image.name)).toEqual(sources.map((image) => image.name));
    expect(three.images.map((image) => image.data.byteLength)).toEqual(sources.map((_, i) => 100 + i));

    mostActive = 0;
    await loadLocal(sources);
    expect(mostActive).toBe(6);
  });

  it('loads nothing for no sources', async () => {
    await expect(loadImages([])).resolves.toEqual({ images: [], dropped: 0 });
  });
});

describe('loadImages: a page cannot reach inside the network', () => {
  /** Made-up names and where they resolve: a site on the internet, and a router on the user's network. */
  const hosts: Record<string, string[]> = { 'news.test': ['203.0.113.7'], 'router.test': ['192.168.1.1'] };
  const resolveHost = (hostname: string) => Promise.resolve(hosts[hostname] ?? []);

  /** The test server, recording every path asked of it, reached under any of those names as well as 127.0.0.1. */
  async function recordingServer(
    routes: Record<string, Route>,
  ): Promise<{ asked: string[]; at(host: string, path: string): string }> {
    const asked: string[] = [];
    const local = await serve(
      Object.fromEntries(
        Object.entries(routes).map(([path, route]) => [
          path,
          (response: ServerResponse) => (asked.push(path), route(response)),
        ]),
      ),
    );
    const base = new URL(local.url('/'));
    return { asked, at: (host, path) => new URL(path, `http://${host}:${base.port}`).href };
  }

  /** fetch, with the made-up names sent to the test server on 127.0.0.1. */
  const viaTestServer: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname in hosts) url.hostname = '127.0.0.1';
    return fetch(url, init);
  };

  it('a page from the internet gets its internet images, and none from this computer or the local network', async () => {
    const server = await recordingServer({ '/a.png': bytes(tinyImages.png), '/admin.png': bytes(tinyImages.png) });
    const result = await loadImages(
      [
        source('a', server.at('news.test', '/a.png')),
        source('here', server.at('127.0.0.1', '/admin.png')),
        source('localhost', server.at('localhost', '/admin.png')),
        source('router', server.at('router.test', '/admin.png')),
        source('ipv6', server.at('[::1]', '/admin.png')),
      ],
      { pageSpace: 'public', fetch: viaTestServer, resolveHost },
    );
    expect(result.images.map((image) => image.name)).toEqual(['a']);
    expect(result.dropped).toBe(4);
    // Refused before asking: the server never heard of the inside addresses.
    expect(server.asked).toEqual(['/a.png']);
  });

  it('an internet image that redirects inside is dropped, and the inside address is never asked', async () => {
    const server = await recordingServer({
      '/moved.png': (response) => response.writeHead(302, { Location: server.at('router.test', '/admin.png') }).end(),
      '/admin.png': bytes(tinyImages.png),
    });
    const result = await loadImages([source('moved', server.at('news.test', '/moved.png'))], {
      pageSpace: 'public',
      fetch: viaTestServer,
      resolveHost,
    });
    expect(result).toEqual({ images: [], dropped: 1 });
    expect(server.asked).toEqual(['/moved.png']);
  });

  it('a page from the local network may use its network’s images and the internet’s, not this computer’s', async () => {
    const server = await recordingServer({ '/a.png': bytes(tinyImages.png), '/b.png': bytes(tinyImages.gif) });
    const result = await loadImages(
      [
        source('router', server.at('router.test', '/a.png')),
        source('news', server.at('news.test', '/b.png')),
        source('here', server.at('127.0.0.1', '/a.png')),
      ],
      { pageSpace: 'private', fetch: viaTestServer, resolveHost },
    );
    expect(result.images.map((image) => image.name)).toEqual(['router', 'news']);
    expect(server.asked).toEqual(['/a.png', '/b.png']);
  });

  it('with no page space given, a page counts as from the internet', async () => {
    const server = await recordingServer({ '/a.png': bytes(tinyImages.png) });
    const result = await loadImages([source('here', server.at('127.0.0.1', '/a.png'))]);
    expect(result).toEqual({ images: [], dropped: 1 });
    expect(server.asked).toEqual([]);
  });
});
