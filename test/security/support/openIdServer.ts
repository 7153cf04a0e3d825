import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SigningKey } from './tokens.js';
import { freePort } from '../../support/ports.js';

export interface OpenIdServer {
  /** The OpenID metadata document's URL; botbuilder caches metadata per URL for 24 h, so each server is a fresh one. */
  metadataUrl: string;
  /** How many times botbuilder fetched metadata or keys. */
  hits: { metadata: number; keys: number };
  /** Make every request fail with this status (e.g. 500), or undefined to serve normally. */
  failWith: number | undefined;
  close(): Promise<void>;
}

/** A local OpenID provider on loopback publishing `keys`, as login.botframework.com does for the channel. */
export async function startOpenIdServer(keys: SigningKey[]): Promise<OpenIdServer> {
  const server: Server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (state.failWith) {
      res.writeHead(state.failWith);
      res.end();
      return;
    }
    if (req.url === '/v1/.well-known/openidconfiguration') {
      state.hits.metadata++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ issuer: 'local', jwks_uri: `${base}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/v1/keys') {
      state.hits.keys++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: keys.map((k) => k.jwk) }));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const state: OpenIdServer = {
    metadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    hits: { metadata: 0, keys: 0 },
    failWith: undefined,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}

/** A loopback URL nothing listens on (a port we just held and released). */
export async function unreachableUrl(path = '/v1/.well-known/openidconfiguration'): Promise<string> {
  const port = await freePort();
  return `http://127.0.0.1:${port}${path}`;
}

export const TEST_ISSUER = 'https://api.botframework.test';

/** Parameterized Bot Framework auth settings pointing every inbound check at `metadataUrl` (NOTES.md recipe). */
export function authSettingsFor(metadataUrl: string): Record<string, string> {
  return {
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromChannelTokenIssuer: TEST_ISSUER,
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    ToChannelFromBotLoginUrl: 'http://127.0.0.1:9/login',
    ToChannelFromBotOAuthScope: 'https://api.botframework.test',
    OAuthUrl: 'http://127.0.0.1:9/oauth',
    CallerId: 'urn:botframework:test',
    ValidateAuthority: 'false',
  };
}
