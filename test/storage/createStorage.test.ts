import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { expect } from 'chai';
import {
  PING_KEY,
  createStorage,
  type StorageHandle,
  type StorageSettings
} from '../../src/storage/createStorage.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { StorageTimeoutError } from '../../src/storage/deadline.js';
import { IF_ABSENT } from '../../src/storage/etags.js';
import { isStorageOutage } from '../../src/storage/outage.js';
import { freePort } from '../support/ports.js';

const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const connectionString = (port: number) =>
  `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};` +
  `BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
/** One attempt per request, so an unreachable endpoint fails at once instead of after ~30 s of retries. */
const noRetries = { blob: { storagePipelineOptions: { retryOptions: { maxTries: 1 } } } };

describe('createStorage', () => {
  let dir: string;
  const handles: StorageHandle[] = [];
  const servers: Server[] = [];
  const make = (settings: StorageSettings, options?: Parameters<typeof createStorage>[1]) => {
    const handle = createStorage(settings, options);
    handles.push(handle);
    return handle;
  };

  /** A blob endpoint that creates containers and has no blobs; `hang` makes it never answer. */
  const startFakeBlobService = async (port = 0, hang = false) => {
    const requests: string[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      requests.push(`${req.method} ${req.url}`);
      if (hang) return;
      res.statusCode = req.method === 'PUT' ? 201 : 404;
      res.end();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, requests };
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'create-storage-test-'));
  });

  afterEach(async () => {
    await Promise.all(handles.splice(0).map((h) => h.close()));
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      server.close();
    }
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('sqlite: a SqliteStorage on SQLITE_PATH; ping true until close, close idempotent', async () => {
    const path = join(dir, 'data', 'bot.sqlite');
    const handle = make({ STORAGE: 'sqlite', SQLITE_PATH: path });
    expect(handle.storage).to.be.instanceOf(SqliteStorage);
    expect(await handle.ping()).to.equal(true);
    expect(existsSync(path)).to.equal(true);
    await handle.storage.write({ a: { v: 1 } });
    expect(((await handle.storage.read(['a'])).a as { v: number }).v).to.equal(1);
    await handle.close();
    await handle.close();
    expect(await handle.ping()).to.equal(false);
  });

  it('memory: a botbuilder MemoryStorage; ping reads without writing', async () => {
    const handle = make({ STORAGE: 'memory', SQLITE_PATH: join(dir, 'unused.sqlite') });
    expect(handle.storage).to.be.instanceOf(MemoryStorage);
    expect(await handle.ping()).to.equal(true);
    expect(await handle.storage.read([PING_KEY])).to.deep.equal({});
    await handle.close();
    expect(existsSync(join(dir, 'unused.sqlite'))).to.equal(false);
  });

  it('blob: needs an account (a URL with a managed identity, or a connection string, not both) and a container', () => {
    const url = 'https://contoso.blob.core.windows.net';
    const clientId = '2f0c1b9e-8a4d-4c1b-9f7e-3d2a1b0c9e8f';
    expect(() => make({ STORAGE: 'blob', SQLITE_PATH: 'x' })).to.throw(/BLOB_ACCOUNT_URL \(with AZURE_CLIENT_ID\) or BLOB_CONNECTION_STRING/);
    expect(() => make({ STORAGE: 'blob', SQLITE_PATH: 'x', BLOB_CONNECTION_STRING: connectionString(1) })).to.throw(
      /BLOB_CONTAINER/
    );
    expect(() => make({ STORAGE: 'blob', SQLITE_PATH: 'x', BLOB_ACCOUNT_URL: url, AZURE_CLIENT_ID: clientId })).to.throw(/BLOB_CONTAINER/);
    expect(() => make({ STORAGE: 'blob', SQLITE_PATH: 'x', BLOB_ACCOUNT_URL: url, BLOB_CONTAINER: 'state' })).to.throw(/AZURE_CLIENT_ID/);
    expect(() =>
      make({ STORAGE: 'blob', SQLITE_PATH: 'x', BLOB_ACCOUNT_URL: url, AZURE_CLIENT_ID: clientId, BLOB_CONNECTION_STRING: connectionString(1), BLOB_CONTAINER: 'state' }),
    ).to.throw(/not both/);
  });

  it('rejects an unknown STORAGE', () => {
    expect(() => make({ STORAGE: 'redis' as 'memory', SQLITE_PATH: 'x' })).to.throw(/Unknown STORAGE "redis"/);
  });

  it('blob: ping creates the container and reads the ping key', async () => {
    const service = await startFakeBlobService();
    const handle = make(
      { STORAGE: 'blob', SQLITE_PATH: 'x', BLOB_CONNECTION_STRING: connectionString(service.port), BLOB_CONTAINER: 'state' },
      noRetries
    );
    expect(await handle.ping()).to.equal(true);
    // `timeout=4`: the per-try server timeout from BLOB_RETRY (seconds), so a hung service fails fast.
    expect(service.requests).to.deep.equal([
      'PUT /devstoreaccount1/state?restype=container&timeout=4',
      `GET /devstoreaccount1/state/${PING_KEY}?timeout=4`
    ]);
  });

  it('blob: ping is false when the service is down, and true once it is back (no stuck start-up error)', async () => {
    const port = await freePort();
    const handle = make(
      { STORAGE: 'blob', SQLITE_PATH: 'x', BLOB_CONNECTION_STRING: connectionString(port), BLOB_CONTAINER: 'state' },
      noRetries
    );
    expect(await handle.ping()).to.equal(false);
    expect(await handle.ping()).to.equal(false);
    await startFakeBlobService(port);
    expect(await handle.ping()).to.equal(true);
  });

  it('blob: every call gives up at STORAGE_TIMEOUT_MS, as an outage, when the service accepts and never answers', async () => {
    const service = await startFakeBlobService(0, true);
    const handle = make({
      STORAGE: 'blob',
      SQLITE_PATH: 'x',
      BLOB_CONNECTION_STRING: connectionString(service.port),
      BLOB_CONTAINER: 'state',
      STORAGE_TIMEOUT_MS: 300
    });
    for (const call of [
      () => handle.storage.read(['k']),
      () => handle.storage.write({ k: { v: 1 } }),
      () => handle.storage.write({ k: { v: 1, eTag: IF_ABSENT } }),
      () => handle.storage.delete(['k'])
    ]) {
      const started = Date.now();
      // Without a deadline of our own the call would wait for ever: stop looking after 5 s.
      const outcome = await Promise.race([
        call().then(() => 'resolved', (err: unknown) => err),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5000))
      ]);
      expect(outcome).to.be.instanceOf(StorageTimeoutError);
      expect(isStorageOutage(outcome)).to.equal(true);
      expect(Date.now() - started).to.be.within(250, 3000);
    }
    expect(service.requests.length).to.be.greaterThan(0);
  });

  it('blob: ping gives up after pingTimeoutMs when the service does not answer', async () => {
    const service = await startFakeBlobService(0, true);
    const handle = make(
      { STORAGE: 'blob', SQLITE_PATH: 'x', BLOB_CONNECTION_STRING: connectionString(service.port), BLOB_CONTAINER: 'state' },
      { ...noRetries, pingTimeoutMs: 100 }
    );
    const started = Date.now();
    expect(await handle.ping()).to.equal(false);
    expect(Date.now() - started).to.be.within(90, 1000);
  });
});
