// The pieces a managed identity is made of in Azure, as real stand-ins on 127.0.0.1: a TLS certificate
// (the SDK sends bearer tokens over https only), Entra-shaped access tokens for Azure Storage, and App
// Service's identity endpoint (IDENTITY_ENDPOINT + IDENTITY_HEADER), which @azure/identity's
// ManagedIdentityCredential asks for a token of a user-assigned identity by its client id.
import type { AccessToken, TokenCredential } from '@azure/identity';
import { spawnSync } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TlsFiles } from './azurite.js';

export const STORAGE_AUDIENCE = 'https://storage.azure.com';
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** A self-signed certificate for 127.0.0.1, valid for a day, written as PEM into `dir` (Debian's openssl). */
export function loopbackCertificate(dir: string): TlsFiles & { pem: string } {
  const files = { cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') };
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', files.key, '-out', files.cert],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate (${made.error?.message ?? made.stderr})`);
  return { ...files, pem: readFileSync(files.cert, 'utf8') };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * An access token shaped like Entra ID's for a managed identity: audience, issuer (the tenant's STS),
 * lifetime, and the identity's ids. Signed with a throwaway key: Azurite's basic OAuth checks the claims only.
 */
export function accessToken(claims: { audience?: string; clientId: string; lifetimeSeconds?: number }): { token: string; expiresOn: number } {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (claims.lifetimeSeconds ?? 3600);
  const payload = {
    aud: claims.audience ?? STORAGE_AUDIENCE,
    iss: `https://sts.windows.net/${TENANT_ID}/`,
    iat: now - 5,
    nbf: now - 5,
    exp,
    appid: claims.clientId,
    oid: randomUUID(),
    tid: TENANT_ID,
    sub: randomUUID(),
    ver: '1.0',
  };
  const unsigned = `${base64url({ typ: 'JWT', alg: 'HS256' })}.${base64url(payload)}`;
  const signature = createHmac('sha256', randomBytes(32)).update(unsigned).digest('base64url');
  return { token: `${unsigned}.${signature}`, expiresOn: exp };
}

/** A TokenCredential that hands out {@link accessToken}s for the scope it is asked (or a fixed audience). */
export function tokenCredential(clientId: string, audience?: string): TokenCredential & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    async getToken(scopes: string | string[]): Promise<AccessToken> {
      const list = Array.isArray(scopes) ? scopes : [scopes];
      calls.push(list);
      const { token, expiresOn } = accessToken({ clientId, audience: audience ?? list[0]!.replace(/\/\.default$/, '') });
      return { token, expiresOnTimestamp: expiresOn * 1000 };
    },
  };
}

export interface IdentityEndpoint {
  /** IDENTITY_ENDPOINT and IDENTITY_HEADER, as App Service sets them for the app. */
  env: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string };
  /** Every token request: the identity asked for, the resource, and whether the secret header was right. */
  requests: Array<{ clientId: string | null; resource: string | null; headerOk: boolean }>;
  close(): Promise<void>;
}

/**
 * App Service's managed-identity endpoint for the user-assigned identities `clientIds`: `GET ?resource=…&
 * client_id=…&api-version=2019-08-01` with the `X-IDENTITY-HEADER` secret answers a token for that resource;
 * an unknown identity or a wrong secret gets 400/401, as there.
 */
export async function startIdentityEndpoint(clientIds: string[]): Promise<IdentityEndpoint> {
  const secret = randomUUID();
  const requests: IdentityEndpoint['requests'] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const clientId = url.searchParams.get('client_id');
    const resource = url.searchParams.get('resource');
    const headerOk = req.headers['x-identity-header'] === secret;
    requests.push({ clientId, resource, headerOk });
    res.setHeader('content-type', 'application/json');
    if (!headerOk) {
      res.statusCode = 401;
      return res.end(JSON.stringify({ statusCode: 401, message: 'Unauthorized' }));
    }
    if (!clientId || !clientIds.includes(clientId) || !resource) {
      res.statusCode = 400;
      return res.end(JSON.stringify({ statusCode: 400, message: 'Unable to load the proper Managed Identity.' }));
    }
    const { token, expiresOn } = accessToken({ audience: resource, clientId });
    res.end(JSON.stringify({ access_token: token, expires_on: String(expiresOn), resource, token_type: 'Bearer', client_id: clientId }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    env: { IDENTITY_ENDPOINT: `http://127.0.0.1:${port}/msi/token`, IDENTITY_HEADER: secret },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
