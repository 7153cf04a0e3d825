import type { IncomingMessage } from 'node:http';

export type BodyOutcome =
  | { kind: 'body'; text: string }
  /** Longer than allowed (by its Content-Length, or once that many bytes arrived). */
  | { kind: 'tooLarge' }
  /** Not complete within the deadline. */
  | { kind: 'timeout' }
  /** Not UTF-8 (so not JSON either). */
  | { kind: 'notUtf8' }
  /** The client went away first: there is no one to answer. */
  | { kind: 'gone' };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a request body into memory, never more than `maxBytes` of it and never for longer than
 * `timeoutMs`. A declared Content-Length over the limit is refused before a byte is read. Nothing is
 * decompressed here: the server refuses any Content-Encoding before calling this.
 */
export function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<BodyOutcome> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve({ kind: 'tooLarge' });
  return new Promise<BodyOutcome>((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (outcome: BodyOutcome) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) finish({ kind: 'tooLarge' });
      else chunks.push(chunk);
    };
    const onEnd = () => {
      try {
        finish({ kind: 'body', text: utf8.decode(Buffer.concat(chunks, received)) });
      } catch {
        finish({ kind: 'notUtf8' });
      }
    };
    const onClose = () => finish({ kind: 'gone' });
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    timer.unref();
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('close', onClose);
    req.once('error', onClose);
  });
}

/**
 * After an early answer (401, 413, 415, 408): reads and throws away what the client still sends, so that
 * it receives our answer instead of a connection reset (closing a socket with unread data resets it), but
 * at most `maxBytes` and for at most `timeoutMs`; past either, the connection is cut.
 */
export function discardBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): void {
  if (req.complete || req.destroyed) return;
  let discarded = 0;
  const cut = () => {
    clearTimeout(timer);
    req.socket.destroy();
  };
  const timer = setTimeout(cut, timeoutMs);
  timer.unref();
  req.removeAllListeners('data');
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > maxBytes) cut();
  });
  const done = () => clearTimeout(timer);
  req.once('end', done);
  req.once('close', done);
  req.resume();
}
