import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ResettingHost {
  /** An https URL on this host: the client's TLS handshake is cut off, so no HTTP request ever leaves it. */
  url: string;
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/** Accepts TCP connections on 127.0.0.1 and resets each one on its first bytes (for https: the TLS ClientHello). */
export async function startResettingHost(): Promise<ResettingHost> {
  let count = 0;
  const server: Server = createServer((socket) => {
    count += 1;
    socket.once('data', () => socket.resetAndDestroy());
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/`,
    connections: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
