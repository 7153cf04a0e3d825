import { AuthenticationError, type ClaimsIdentity } from 'botframework-connector';

/**
 * Why an inbound request was turned away before any turn ran. `unauthorized` → 401, `unavailable` → 503
 * (we could not fetch the channel's signing keys, so we cannot tell). `reason` is for our log only:
 * the caller never learns which check failed.
 */
export class AuthFailure extends Error {
  constructor(
    readonly kind: 'unauthorized' | 'unavailable',
    readonly reason: string,
  ) {
    super(`authentication ${kind}`);
    this.name = 'AuthFailure';
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Maps whatever botbuilder's authenticateRequest threw. Stock CloudAdapter answers several of these with
 * 500 and the message in the body (jsonwebtoken's NotBeforeError, "invalid signature", "invalid algorithm"
 * are not AuthenticationErrors); here only an unreachable or failing key endpoint is not the caller's fault.
 */
export function authFailureOf(err: unknown): AuthFailure {
  const e = err as { name?: string; code?: string; type?: string; message?: string; cause?: { code?: string } } | undefined;
  const reason = String(e?.message ?? err).slice(0, 200);
  // node-fetch's FetchError (network or unreadable JSON) while loading the OpenID metadata or keys.
  const fetchFailed = e?.name === 'FetchError' || NETWORK_CODES.has(e?.code ?? '') || NETWORK_CODES.has(e?.cause?.code ?? '');
  // OpenIdMetadata answers a non-2xx metadata/keys response with an AuthenticationError carrying 500.
  const metadataFailed = err instanceof AuthenticationError && err.statusCode >= 500 && reason.startsWith('Failed to load');
  if (fetchFailed || metadataFailed) return new AuthFailure('unavailable', reason);
  return new AuthFailure('unauthorized', reason);
}

/**
 * jsonwebtoken accepts a correctly signed token that has no `exp` at all, and botbuilder does not ask for
 * one: such a token would never expire. The channel always sets it, so its absence is a forgery or a leak.
 */
export function assertExpiring(identity: ClaimsIdentity): void {
  const exp = identity.claims.find((c) => c.type === 'exp')?.value as unknown;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new AuthFailure('unauthorized', 'token has no expiry');
}
