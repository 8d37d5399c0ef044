import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on 127.0.0.1 with a port of the OS's choosing: nothing in these tests leaves the machine. */
export interface LocalServer {
  /** The absolute http: URL of a path on this server. */
  url(path: string): string;
  /** Stops listening and drops open connections, including the ones a test left hanging on purpose. */
  close(): Promise<void>;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** Starts a server that answers every request with `handler`. */
export async function startServer(handler: Handler): Promise<LocalServer> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => new URL(path, `http://127.0.0.1:${port}`).href,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The address of a port nothing listens on: one a server held a moment ago and let go. */
export async function closedPortUrl(): Promise<string> {
  const server = await startServer(() => undefined);
  const url = server.url('/');
  await server.close();
  return url;
}
