import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { REQUEST_ID_HEADER, watchRequest } from '../../src/http/requestLeft.js';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector.js';
import { startResettingHost } from '../support/resettingHost.js';
import { unreachableUrl } from '../security/support/openIdServer.js';

const BODY = JSON.stringify({ type: 'message', text: 'a card for you '.repeat(200) });

/** POSTs an activity the way the Azure HTTP client does (node:http ClientRequest); resolves with the status or the error code. */
function post(url: string, id: string): Promise<number | string> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(`${url}v3/conversations/a%3A1/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY), [REQUEST_ID_HEADER]: id },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    req.end(BODY);
  });
}

describe('requestLeft: whether a request was handed to the network', () => {
  let connector: FakeConnector;
  before(async () => {
    connector = await startFakeConnector();
  });
  after(() => connector.close());

  it('an answered request left', async () => {
    const id = randomUUID();
    const watch = watchRequest(id);
    expect(await post(connector.serviceUrl, id)).to.equal(200);
    expect([watch.seen, watch.left]).to.deep.equal([true, true]);
    watch.stop();
  });

  it('a request the server read whole and then cut off left (the server may have acted on it)', async () => {
    connector.script = [{ status: 200, reset: true }];
    const id = randomUUID();
    const watch = watchRequest(id);
    expect(await post(connector.serviceUrl, id)).to.equal('ECONNRESET');
    expect(connector.received.at(-1)?.activity.text).to.be.a('string');
    expect([watch.seen, watch.left]).to.deep.equal([true, true]);
    watch.stop();
  });

  it('a request whose connection was refused did not leave', async () => {
    const id = randomUUID();
    const watch = watchRequest(id);
    expect(await post(await unreachableUrl('/'), id)).to.equal('ECONNREFUSED');
    expect([watch.seen, watch.left]).to.deep.equal([true, false]);
    watch.stop();
  });

  it('a request whose TLS handshake was reset did not leave', async () => {
    const host = await startResettingHost();
    try {
      const id = randomUUID();
      const watch = watchRequest(id);
      expect(await post(host.url, id)).to.equal('ECONNRESET');
      expect(host.connections()).to.equal(1);
      expect([watch.seen, watch.left]).to.deep.equal([true, false]);
      watch.stop();
    } finally {
      await host.close();
    }
  });

  it('watches only the request carrying its id, and nothing after stop()', async () => {
    const id = randomUUID();
    const watch = watchRequest(id);
    expect(await post(connector.serviceUrl, randomUUID())).to.equal(200);
    expect(watch.seen).to.equal(false);
    watch.stop();
    expect(await post(connector.serviceUrl, id)).to.equal(200);
    expect([watch.seen, watch.left]).to.deep.equal([false, false]);
  });
});
