import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthenticationError, CredentialUnavailableError } from '@azure/identity';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { StorageConflictError } from '../../src/storage/etags.js';
import { isStorageOutage } from '../../src/storage/outage.js';
import { freePort } from '../support/ports.js';
import { rejectionOf } from './storageContract.js';

describe('isStorageOutage', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'outage-test-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is true for a SQLite file locked by another connection (SQLITE_BUSY)', async () => {
    const path = join(dir, 'busy.sqlite');
    const storage = new SqliteStorage(path, { busyTimeoutMs: 50 });
    await storage.write({ a: {} });
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    try {
      expect(isStorageOutage(await rejectionOf(storage.write({ a: { v: 1 } })))).to.equal(true);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
      await storage.close();
    }
  });

  it('is true for a closed storage (the app is shutting down)', async () => {
    const closed = new SqliteStorage(join(dir, 'closed.sqlite'));
    await closed.close();
    expect(isStorageOutage(await rejectionOf(closed.read(['a'])))).to.equal(true);
  });

  it('is true for a refused connection, also when it is the cause of another error', async () => {
    const port = await freePort();
    const err = await rejectionOf(fetch(`http://127.0.0.1:${port}/`));
    expect(isStorageOutage(err)).to.equal(true);
  });

  it('tells Azure service trouble (no answer, 408, 429, 5xx, timeouts) from request errors', () => {
    const rest = (statusCode?: number) => Object.assign(new Error('x'), { name: 'RestError', statusCode });
    for (const status of [undefined, 408, 429, 500, 503]) expect(isStorageOutage(rest(status)), String(status)).to.equal(true);
    for (const status of [400, 403, 404, 409, 412]) expect(isStorageOutage(rest(status)), String(status)).to.equal(false);
    expect(isStorageOutage(Object.assign(new Error('aborted'), { name: 'AbortError' }))).to.equal(true);
  });

  it("is true when the managed identity gets no token (@azure/identity's own errors)", () => {
    expect(isStorageOutage(new CredentialUnavailableError('ManagedIdentityCredential: Authentication failed.'))).to.equal(true);
    expect(isStorageOutage(new AuthenticationError(400, { error: 'invalid_request', error_description: 'Identity not found' }))).to.equal(true);
  });

  it('is false for conflicts, bugs and anything unknown', () => {
    expect(isStorageOutage(new StorageConflictError('k'))).to.equal(false);
    expect(isStorageOutage(new TypeError('Converting circular structure to JSON'))).to.equal(false);
    expect(isStorageOutage(new Error('disk on fire'))).to.equal(false);
    expect(isStorageOutage(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }))).to.equal(false);
    expect(isStorageOutage(undefined)).to.equal(false);
    expect(isStorageOutage('ECONNREFUSED')).to.equal(false);
  });
});
