import { connect, type Socket } from 'node:net';

export interface RawOutcome {
  /** The status of the first response, if one came. */
  status: number | undefined;
  /** Everything the server sent. */
  text: string;
  /** Milliseconds from connecting to the first byte of a response (undefined: none came). */
  answeredAfterMs: number | undefined;
  /** Milliseconds from connecting to the server closing the connection (undefined: still open at the end). */
  closedAfterMs: number | undefined;
}

export interface RawRequestOptions {
  /** Sent right after the head. */
  body?: string | Buffer;
  /** After that, one byte of this every `everyMs` (a slow client), until the connection closes. */
  trickle?: { bytes: string; everyMs: number };
  /** Give up waiting after this long (the connection is then closed by us). */
  waitMs: number;
  /** Resolve as soon as a response starts, instead of waiting for the connection to close. */
  untilAnswer?: boolean;
}

/** Speaks HTTP/1.1 by hand over a loopback socket: half-sent heads and bodies that a fetch() cannot produce. */
export function rawRequest(port: number, head: string, options: RawRequestOptions): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket: Socket = connect(port, '127.0.0.1');
    let text = '';
    let answeredAfterMs: number | undefined;
    let trickle: NodeJS.Timeout | undefined;
    const done = (closed: boolean) => {
      clearInterval(trickle);
      clearTimeout(giveUp);
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      resolve({ status: status ? Number(status) : undefined, text, answeredAfterMs, closedAfterMs: closed ? Date.now() - started : undefined });
      socket.destroy();
    };
    const giveUp = setTimeout(() => done(false), options.waitMs);
    socket.on('data', (chunk: Buffer) => {
      answeredAfterMs ??= Date.now() - started;
      text += chunk.toString('latin1');
      if (options.untilAnswer) done(false);
    });
    socket.on('close', () => done(true));
    socket.on('error', () => {}); // a reset is one way of being cut off: 'close' follows
    socket.on('connect', () => {
      socket.write(head);
      if (options.body !== undefined) socket.write(options.body);
      const { trickle: slow } = options;
      if (slow) {
        let i = 0;
        trickle = setInterval(() => {
          if (!socket.destroyed) socket.write(slow.bytes[i++ % slow.bytes.length]!);
        }, slow.everyMs);
      }
    });
  });
}

/** The head of a POST to /api/messages declaring a JSON body of `length` bytes. */
export function postHead(length: number, headers: Record<string, string> = {}): string {
  const lines = Object.entries({ 'content-type': 'application/json', 'content-length': String(length), ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}
