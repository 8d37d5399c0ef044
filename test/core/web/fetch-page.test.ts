import type { ServerResponse } from 'node:http';

import { afterEach, describe, expect, it } from 'vitest';

import { fetchPage, type FetchPageOptions, PageFetchError } from '../../../electron/core/web/fetch-page.ts';
import { closedPortUrl, type Handler, type LocalServer, startServer } from './local-server.ts';

let server: LocalServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<LocalServer> {
  server = await startServer(handler);
  return server;
}

/** Serves a page by path; any other path is a 404. */
function servePaths(pages: Record<string, (response: ServerResponse) => void>): Promise<LocalServer> {
  return serve((request, response) => {
    const page = pages[request.url ?? ''];
    if (page) page(response);
    else response.writeHead(404).end('no such page');
  });
}

function html(body: string | Buffer, contentType = 'text/html; charset=utf-8') {
  return (response: ServerResponse) => response.writeHead(200, { 'Content-Type': contentType }).end(body);
}

function redirect(status: number, location: string) {
  return (response: ServerResponse) => response.writeHead(status, { Location: location }).end('moved');
}

/** The PageFetchError a fetch rejects with; also checks that its message is a sentence, not a stack trace. */
async function fetchFailure(url: string, options?: FetchPageOptions): Promise<PageFetchError> {
  const error: unknown = await fetchPage(url, options).then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(PageFetchError);
  const failure = error as PageFetchError;
  expect(failure.message).not.toMatch(/\n\s*at /);
  expect(failure.message).not.toMatch(/fetch failed|ECONN|ENOTFOUND|ERR_/);
  return failure;
}

describe('fetchPage: redirects', () => {
  it('follows 301 then 302 with relative Locations and reports the final address', async () => {
    const seen: Array<{ url: string | undefined; agent: string | undefined; accept: string | undefined }> = [];
    const local = await serve((request, response) => {
      seen.push({ url: request.url, agent: request.headers['user-agent'], accept: request.headers.accept });
      if (request.url === '/start') redirect(301, 'articles/next')(response);
      else if (request.url === '/articles/next') redirect(302, '../final?page=1')(response);
      else if (request.url === '/final?page=1') html('<h1>Harbour</h1>')(response);
      else response.writeHead(404).end();
    });

    const page = await fetchPage(local.url('/start'));

    expect(page).toEqual({ url: local.url('/final?page=1'), html: '<h1>Harbour</h1>', contentType: 'text/html' });
    expect(seen.map((request) => request.url)).toEqual(['/start', '/articles/next', '/final?page=1']);
    for (const request of seen) {
      expect(request.agent).toMatch(/^Mozilla\/5\.0 /);
      expect(request.accept).toContain('text/html');
    }
  });

  it('follows exactly maxRedirects, and refuses one more as a possible loop', async () => {
    const local = await serve((request, response) => {
      const hop = Number(/^\/hop\/(\d+)$/.exec(request.url ?? '')?.[1]);
      if (hop < 12) redirect(307, `/hop/${hop + 1}`)(response);
      else html('<p>arrived</p>')(response);
    });

    await expect(fetchPage(local.url('/hop/2'))).resolves.toMatchObject({ url: local.url('/hop/12') });
    const failure = await fetchFailure(local.url('/hop/1'));
    expect(failure.reason).toBe('redirect-loop');
    expect(failure.message).toBe(
      `${local.url('/hop/1')} redirects too many times (more than 10): it may be redirecting in a loop.`,
    );
    const strict = await fetchFailure(local.url('/hop/10'), { maxRedirects: 1 });
    expect(strict.message).toContain('(more than 1)');
  });

  it('stops a redirect loop when it comes back to an address it has visited', async () => {
    let requests = 0;
    const local = await serve((request, response) => {
      requests++;
      redirect(302, request.url === '/a' ? '/b#part' : '/a')(response);
    });

    const failure = await fetchFailure(local.url('/a'));

    expect(failure.reason).toBe('redirect-loop');
    expect(failure.message).toContain(local.url('/a'));
    expect(requests).toBe(2);
  });

  it('refuses a redirect to an address that is not http or https', async () => {
    const local = await servePaths({ '/': redirect(302, 'ftp://files.example/page.html') });

    const failure = await fetchFailure(local.url('/'));

    expect(failure.reason).toBe('bad-address');
    expect(failure.message).toBe(
      `${local.url('/')} redirects to "ftp://files.example/page.html", which is not a web page address.`,
    );
  });
});

describe('fetchPage: a page cannot send the reader inside the network', () => {
  /** Made-up names and where they resolve: a site on the internet, and a printer on the user's network. */
  const hosts: Record<string, string[]> = {
    'news.test': ['203.0.113.7'],
    'printer.test': ['10.0.0.9'],
    // A site on the internet that lists an address inside the user's network among its own.
    'split.test': ['203.0.113.8', '10.0.0.1'],
  };
  const resolveHost = (hostname: string) => Promise.resolve(hosts[hostname] ?? []);
  /** fetch, with the made-up names sent to the test server on 127.0.0.1. */
  const viaTestServer: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname in hosts) url.hostname = '127.0.0.1';
    return fetch(url, init);
  };

  it('refuses an internet page’s redirect to this computer or the local network, before asking there', async () => {
    const asked: string[] = [];
    const local = await serve((request, response) => {
      asked.push(request.url ?? '');
      const port = new URL(local.url('/')).port;
      if (request.url === '/to-here') redirect(302, `http://127.0.0.1:${port}/admin`)(response);
      else if (request.url === '/to-printer') redirect(307, `http://printer.test:${port}/settings`)(response);
      else html('<p>inside</p>')(response);
    });
    const port = new URL(local.url('/')).port;
    const options = { fetch: viaTestServer, resolveHost };

    const toHere = await fetchFailure(`http://news.test:${port}/to-here`, options);
    expect(toHere.reason).toBe('bad-address');
    expect(toHere.message).toBe(
      `http://news.test:${port}/to-here redirects to http://127.0.0.1:${port}/admin, an address on your own network or this computer, where a web page may not send the reader. If you trust it, open that address itself.`,
    );
    const toPrinter = await fetchFailure(`http://news.test:${port}/to-printer`, options);
    expect(toPrinter.message).toContain(`redirects to http://printer.test:${port}/settings, an address on your own`);
    expect(asked).toEqual(['/to-here', '/to-printer']);
  });

  it('does not trust a site inside the network because one of its addresses is', async () => {
    const asked: string[] = [];
    const local = await serve((request, response) => {
      asked.push(request.url ?? '');
      redirect(302, `http://printer.test:${new URL(local.url('/')).port}/settings`)(response);
    });
    const port = new URL(local.url('/')).port;
    const failure = await fetchFailure(`http://split.test:${port}/`, { fetch: viaTestServer, resolveHost });
    expect(failure.message).toContain(`redirects to http://printer.test:${port}/settings, an address on your own`);
    expect(asked).toEqual(['/']);
  });

  it('gives up within its deadline when the resolver never answers', async () => {
    const silent = () => new Promise<string[]>(() => undefined);
    const failure = await fetchFailure('http://slow.test/page', { resolveHost: silent, timeoutMs: 200 });
    expect(failure.reason).toBe('timeout');
  });

  it('opens an address inside the network when the user gives it, and follows its redirects inside', async () => {
    const local = await serve((request, response) => {
      if (request.url === '/wiki') redirect(302, '/wiki/home')(response);
      else html('<h1>Team wiki</h1>')(response);
    });
    const port = new URL(local.url('/')).port;

    const page = await fetchPage(`http://printer.test:${port}/wiki`, { fetch: viaTestServer, resolveHost });
    expect(page.url).toBe(`http://printer.test:${port}/wiki/home`);
    await expect(fetchPage(local.url('/wiki'))).resolves.toMatchObject({ html: '<h1>Team wiki</h1>' });
  });
});

describe('fetchPage: what the server answers', () => {
  it('reports 404 and 410 as not found', async () => {
    const local = await servePaths({ '/gone': (response) => response.writeHead(410).end() });

    const missing = await fetchFailure(local.url('/missing'));
    expect(missing.reason).toBe('not-found');
    expect(missing.message).toBe(`${local.url('/missing')} was not found (404).`);
    const gone = await fetchFailure(local.url('/gone'));
    expect(gone.reason).toBe('not-found');
    expect(gone.message).toBe(`${local.url('/gone')} was not found (410).`);
  });

  it('reports other HTTP errors with their status, after redirects, at the address that failed', async () => {
    const local = await servePaths({
      '/start': redirect(302, '/broken'),
      '/broken': (response) => response.writeHead(500).end('stack trace here'),
      '/private': (response) => response.writeHead(403).end(),
    });

    const broken = await fetchFailure(local.url('/start'));
    expect(broken.reason).toBe('http-error');
    expect(broken.message).toBe(
      `${local.url('/broken')} failed on the server's side (500 Internal Server Error): try again later.`,
    );
    const forbidden = await fetchFailure(local.url('/private'));
    expect(forbidden.reason).toBe('http-error');
    expect(forbidden.message).toContain('(403 Forbidden)');
  });

  it('refuses what is not HTML, naming its type', async () => {
    const local = await servePaths({
      '/paper.pdf': html('%PDF-1.7', 'application/pdf'),
      '/photo': html(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
      '/notes': html('<p>looks like html</p>', 'text/plain; charset=utf-8'),
    });

    const expected = {
      '/paper.pdf': 'is a PDF (application/pdf), not a web page.',
      '/photo': 'is an image (image/png), not a web page.',
      '/notes': 'is plain text (text/plain), not a web page.',
    };
    for (const [path, message] of Object.entries(expected)) {
      const failure = await fetchFailure(local.url(path));
      expect(failure.reason).toBe('not-html');
      expect(failure.message).toBe(`${local.url(path)} ${message}`);
    }
  });

  it('accepts XHTML, and a page without a Content-Type only when its bytes open like HTML', async () => {
    const local = await serve((request, response) => {
      if (request.url === '/xhtml') return html('<html/>', 'application/xhtml+xml')(response);
      // node:http sends no Content-Type unless told to.
      response.writeHead(200).end(request.url === '/untyped-page' ? '\n  <!DOCTYPE html><p>old server' : '%PDF-1.4');
    });

    await expect(fetchPage(local.url('/xhtml'))).resolves.toMatchObject({ contentType: 'application/xhtml+xml' });
    await expect(fetchPage(local.url('/untyped-page'))).resolves.toMatchObject({
      html: '\n  <!DOCTYPE html><p>old server',
      contentType: 'text/html',
    });
    const untyped = await fetchFailure(local.url('/untyped-file'));
    expect(untyped.reason).toBe('not-html');
    expect(untyped.message).toContain('did not say what it sent');
  });
});

describe('fetchPage: size', () => {
  it('refuses a page whose Content-Length is over the cap before reading it', async () => {
    let closedEarly: Promise<boolean> | undefined;
    const local = await serve((_request, response) => {
      closedEarly = new Promise((resolve) => response.on('close', () => resolve(!response.writableFinished)));
      // Declares 21 MB but sends only a little of it: the client must not wait for the rest.
      response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(21 * 1024 * 1024) });
      response.write('<p>'.padEnd(1024, 'x'));
    });

    const failure = await fetchFailure(local.url('/'));

    expect(failure.reason).toBe('too-large');
    expect(failure.message).toBe(`${local.url('/')} is larger than 20 MB.`);
    await expect(closedEarly).resolves.toBe(true);
  });

  it('stops reading a chunked page as soon as it passes the cap, and drops the connection', async () => {
    const total = 32 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let written = 0;
    let disconnected: Promise<boolean> | undefined;
    const local = await serve((_request, response) => {
      disconnected = new Promise((resolve) => response.on('close', () => resolve(!response.writableFinished)));
      response.writeHead(200, { 'Content-Type': 'text/html' });
      const pump = (): void => {
        while (written < total && !response.destroyed) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        if (!response.destroyed) response.end();
      };
      pump();
    });

    const failure = await fetchFailure(local.url('/'), { maxBytes: 256 * 1024 });

    expect(failure.reason).toBe('too-large');
    expect(failure.message).toBe(`${local.url('/')} is larger than 256 KB.`);
    await expect(disconnected).resolves.toBe(true);
    // What the server had written by then is what sat in socket buffers: a small part of the whole.
    expect(written).toBeLessThan(total / 4);
  });
});

describe('fetchPage: time', () => {
  it('gives up on a server that never answers', async () => {
    const local = await serve(() => undefined);
    const started = performance.now();

    const failure = await fetchFailure(local.url('/slow'), { timeoutMs: 300 });

    expect(failure.reason).toBe('timeout');
    expect(failure.message).toBe(`${local.url('/slow')} did not answer within 0.3 seconds.`);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('names the address that did not answer, after a redirect', async () => {
    const local = await serve((request, response) => {
      if (request.url === '/start') redirect(302, '/slow')(response);
    });

    const failure = await fetchFailure(local.url('/start'), { timeoutMs: 300 });

    expect(failure.message).toBe(`${local.url('/slow')} did not answer within 0.3 seconds.`);
  });

  it('counts the body against the same deadline', async () => {
    const local = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.write('<p>the first words, and then nothing');
    });

    const failure = await fetchFailure(local.url('/stalls'), { timeoutMs: 300 });

    expect(failure.reason).toBe('timeout');
  });

  it('lets the caller cancel through its own signal', async () => {
    const local = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);

    const error: unknown = await fetchPage(local.url('/'), { signal: controller.signal }).catch(
      (rejection: unknown) => rejection,
    );

    // A cancel is the caller's own doing: it rejects with the signal's reason, not with a message for the user.
    expect(error).not.toBeInstanceOf(PageFetchError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});

describe('fetchPage: the network', () => {
  it('reports a refused connection', async () => {
    const url = await closedPortUrl();

    const failure = await fetchFailure(url);

    expect(failure.reason).toBe('refused');
    expect(failure.message).toBe(
      `${new URL(url).host} refused the connection: the site may be down, or the address may have the wrong port.`,
    );
    expect(failure.cause).toBeInstanceOf(TypeError);
  });

  it('reports a name that does not resolve as offline, without hanging', async () => {
    // The .invalid top-level domain is reserved never to resolve (RFC 6761).
    const failure = await fetchFailure('http://marginalia-test.invalid/article', { timeoutMs: 15_000 });

    expect(failure.reason).toBe('offline');
    expect(failure.message).toMatch(/^Could not reach marginalia-test\.invalid: is this computer offline/);
  });

  it('reports a server that hangs up before answering', async () => {
    const local = await serve((request) => request.socket.destroy());

    const failure = await fetchFailure(local.url('/'));

    expect(failure.reason).toBe('refused');
    expect(failure.message).toContain('closed the connection');
  });

  it('reports a failed secure connection as a TLS error', async () => {
    const local = await servePaths({ '/': html('<p>plain http</p>') });

    const failure = await fetchFailure(local.url('/').replace('http:', 'https:'));

    expect(failure.reason).toBe('tls');
    expect(failure.message).toBe(`Could not connect securely to ${new URL(local.url('/')).host}.`);
  });
});

describe('fetchPage: decoding', () => {
  const cafe1252 = (head: string) =>
    Buffer.from(`<html><head>${head}</head><body><p>caf\u00e9</p></body></html>`, 'latin1');

  it('decodes by the charset of the Content-Type', async () => {
    const local = await servePaths({ '/': html(cafe1252(''), 'text/html; charset="windows-1252"') });

    expect((await fetchPage(local.url('/'))).html).toContain('<p>café</p>');
  });

  it('decodes by a <meta charset> or <meta http-equiv> when the header has none', async () => {
    const local = await servePaths({
      '/charset': html(cafe1252('<meta charset="windows-1252">'), 'text/html'),
      '/http-equiv': html(
        cafe1252('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'),
        'text/html',
      ),
    });

    expect((await fetchPage(local.url('/charset'))).html).toContain('<p>café</p>');
    expect((await fetchPage(local.url('/http-equiv'))).html).toContain('<p>café</p>');
  });

  it('decodes as UTF-8 when nothing says otherwise, and lets the header win over the page', async () => {
    const local = await servePaths({
      '/plain': html('<p>café — naïve</p>', 'text/html'),
      '/both': html(Buffer.from('<meta charset="windows-1252"><p>café</p>'), 'text/html; charset=utf-8'),
      '/unknown': html('<p>café</p>', 'text/html; charset=no-such-encoding'),
    });

    expect((await fetchPage(local.url('/plain'))).html).toBe('<p>café — naïve</p>');
    expect((await fetchPage(local.url('/both'))).html).toContain('<p>café</p>');
    expect((await fetchPage(local.url('/unknown'))).html).toBe('<p>café</p>');
  });
});

describe('fetchPage: addresses', () => {
  it('refuses what is not an http or https address', async () => {
    const ftp = await fetchFailure('ftp://files.example/page.html');
    expect(ftp.reason).toBe('bad-address');
    expect(ftp.message).toBe(
      'ftp://files.example/page.html is not a web page address: only http and https pages can be imported (this one is ftp:).',
    );
    const garbage = await fetchFailure('not a web address at all');
    expect(garbage.reason).toBe('bad-address');
    expect(garbage.message).toBe('"not a web address at all" is not a web address.');
    expect((await fetchFailure('http://')).reason).toBe('bad-address');
    expect((await fetchFailure('   ')).message).toBe('No web address was given.');
  });
});
