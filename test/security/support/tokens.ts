import { createHmac, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';

/** One RSA signing key as an OpenID provider publishes it (JWKS entry) and keeps it (private key). */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: { kty: 'RSA'; kid: string; n: string; e: string; use: 'sig'; endorsements?: string[] };
}

export function newSigningKey(endorsements?: string[]): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `kid-${randomUUID()}`;
  const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { kid, privateKey, jwk: { kty: 'RSA', kid, n, e, use: 'sig', ...(endorsements ? { endorsements } : {}) } };
}

const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

export interface TokenClaims {
  iss: string;
  aud: string;
  serviceurl?: string;
  nbf?: number;
  exp?: number;
  [claim: string]: unknown;
}

const now = () => Math.floor(Date.now() / 1000);

/** The claims the Bot Framework channel puts in a token to the bot, valid for the next hour. */
export function channelClaims(issuer: string, appId: string, serviceUrl: string): TokenClaims {
  return { iss: issuer, aud: appId, serviceurl: serviceUrl, nbf: now() - 60, exp: now() + 3600 };
}

/** RS256 JWT signed with `key` (kid in the header unless overridden). */
export function signRs256(claims: TokenClaims, key: SigningKey, header: Record<string, unknown> = {}): string {
  const head = b64url({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header });
  const body = b64url(claims);
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), key.privateKey).toString('base64url');
  return `${head}.${body}.${signature}`;
}

/** HS256 JWT: the classic algorithm-confusion attempt, keyed with whatever the attacker knows (here the public modulus). */
export function signHs256(claims: TokenClaims, kid: string, secret: string): string {
  const head = b64url({ alg: 'HS256', typ: 'JWT', kid });
  const body = b64url(claims);
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** Same header and claims, signature bytes replaced: a forged token for a kid the bot trusts. */
export function withForgedSignature(token: string): string {
  const [head, body] = token.split('.');
  return `${head}.${body}.${Buffer.alloc(256, 7).toString('base64url')}`;
}

export { now as epochSeconds };
