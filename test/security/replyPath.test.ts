import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { teamsActivity } from '../support/activity.js';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector.js';
import { postJson, startApp, type RunningApp } from '../support/server.js';
import { ACCEPTED, REFUSED } from './support/replyPathCases.js';

/** Replies posted to a connector (as in Teams), state in a SQLite file. */
describe('fields the reply path reads', () => {
  let dir: string;
  let connector: FakeConnector;
  let running: RunningApp;
  const rows = () => {
    const db = new Database(join(dir, 'state.db'), { readonly: true });
    try {
      return (db.prepare('SELECT key FROM bot_storage').all() as Array<{ key: string }>).map((r) => r.key);
    } finally {
      db.close();
    }
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reply-path-'));
    connector = await startFakeConnector();
    running = await startApp({ STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'state.db') }, { connectorRetry: { sleep: async () => {} } });
  });
  after(async () => {
    await running.close();
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const activity = () => teamsActivity({ serviceUrl: connector.serviceUrl, deliveryMode: undefined, text: 'hi' });

  for (const [name, mutate] of REFUSED) {
    it(`refuses ${name} with 400 before any state is written or any reply is tried`, async () => {
      const before = { rows: rows().length, calls: connector.received.length };
      const hostile = activity();
      mutate(hostile);
      const res = await postJson(`${running.url}/api/messages`, JSON.stringify(hostile));
      expect(res.status, res.text).to.equal(400);
      expect(res.json).to.deep.equal({ error: 'bad_request' });
      expect({ rows: rows().length, calls: connector.received.length }).to.deep.equal(before);
    });
  }

  for (const [name, mutate] of ACCEPTED) {
    it(`answers ${name}: the reply reaches the connector`, async () => {
      const before = connector.received.length;
      const fine = activity();
      mutate(fine);
      const res = await postJson(`${running.url}/api/messages`, JSON.stringify(fine));
      expect(res.status, res.text).to.equal(200);
      const delivered = connector.received.slice(before).filter((r) => r.answered < 300);
      expect(delivered.length).to.be.greaterThan(0);
    });
  }

  it('no row was stored under a mangled key (SQLite turns a lone surrogate into U+FFFD: such a row never reads back)', () => {
    const keys = rows();
    expect(keys.length).to.be.greaterThan(0);
    for (const key of keys) expect(key, key).not.to.include('\ufffd');
  });
});
