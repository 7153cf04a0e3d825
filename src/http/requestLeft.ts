import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/**
 * Tells whether an outgoing HTTP request left this process, so that a failed send can be repeated only
 * when the server cannot have acted on it. Node's ClientRequest emits 'finish' once the request line,
 * headers and body have been handed to the operating system, which needs an open connection (and a
 * finished TLS handshake): a request that failed before that never reached the server whole; one that
 * failed after may have been received and acted on.
 *
 * The ClientRequest belongs to the Azure HTTP client inside botbuilder's ConnectorClient, out of our
 * reach; Node's documented `http.client.request.start` diagnostics channel shows every ClientRequest of
 * the process, and the one we watch is matched by a request id header that the caller sets.
 */
export const REQUEST_ID_HEADER = 'x-ms-client-request-id';

export interface RequestWatch {
  /** Node's HTTP client started the request. Unseen: we can't tell whether it left. */
  readonly seen: boolean;
  /** The whole request was handed to the operating system. */
  readonly left: boolean;
  stop(): void;
}

interface State {
  seen: boolean;
  left: boolean;
}

const watched = new Map<string, State>();
let subscribed = false;

/** Watches the next request carrying `REQUEST_ID_HEADER: id`; call stop() once its attempt is over. */
export function watchRequest(id: string): RequestWatch {
  if (!subscribed) {
    subscribe('http.client.request.start', onRequestStart);
    subscribed = true;
  }
  const state: State = { seen: false, left: false };
  watched.set(id, state);
  return {
    get seen() {
      return state.seen;
    },
    get left() {
      return state.left;
    },
    stop: () => {
      if (watched.get(id) === state) watched.delete(id);
    },
  };
}

function onRequestStart(message: unknown): void {
  const request = (message as { request?: ClientRequest }).request;
  const id = request?.getHeader(REQUEST_ID_HEADER);
  const state = typeof id === 'string' ? watched.get(id) : undefined;
  if (!request || !state) return;
  state.seen = true;
  if (request.writableFinished) state.left = true;
  else
    request.once('finish', () => {
      state.left = true;
    });
}
