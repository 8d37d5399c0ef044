import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

/** A download mirror on 127.0.0.1 serving fixed files (404 for anything else), recording what was asked for. */
export interface LocalMirror {
  /** The base URL, ending in a slash, as ELECTRON_MIRROR wants it. */
  readonly url: string;
  /** host:port, as messages name it. */
  readonly host: string;
  /** Request paths, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Starts a mirror serving files by path (such as `/v45.5.0/SHASUMS256.txt`). */
export async function startLocalMirror(files: Record<string, Buffer | string> = {}): Promise<LocalMirror> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    const body = files[path];
    if (body === undefined) {
      response.writeHead(404, 'Not Found').end();
      return;
    }
    response.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
