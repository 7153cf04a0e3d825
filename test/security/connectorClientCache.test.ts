import { expect } from 'chai';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ConnectorFactory, type ConnectorClient } from 'botframework-connector';
import { ConnectorClientCache, connectorRetryPolicy, DEFAULT_RETRY } from '../../src/http/connectorRetry.js';
import { createLogger } from '../../src/logger.js';
import { startFakeConnector } from '../support/fakeConnector.js';

/** A factory that makes real ConnectorClients (no credentials: loopback) and counts how many it made. */
class CountingFactory extends ConnectorFactory {
  made = 0;
  failNext = false;

  constructor(private readonly real: ConnectorFactory) {
    super();
  }

  async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('credentials unavailable');
    }
    this.made += 1;
    return this.real.create(serviceUrl, audience);
  }
}

async function realFactory(): Promise<ConnectorFactory> {
  const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' });
  const { claimsIdentity } = await auth.authenticateRequest({ type: 'message', serviceUrl: 'http://127.0.0.1' } as never, '');
  return auth.createConnectorFactory(claimsIdentity);
}

describe('ConnectorClientCache: one connector client per app, service URL and audience, reused across turns', () => {
  const policy = connectorRetryPolicy({ ...DEFAULT_RETRY, sleep: async () => {} }, createLogger('silent'));

  it('reuses the client of an earlier turn, and makes another only for another service URL, audience or app', async () => {
    const inner = new CountingFactory(await realFactory());
    const cache = new ConnectorClientCache(policy);
    const a1 = await cache.factoryFor('app-1', inner).create('https://smba.example/emea/', 'aud');
    const a2 = await cache.factoryFor('app-1', inner).create('https://smba.example/emea/', 'aud');
    expect(a2).to.equal(a1);
    expect(inner.made).to.equal(1);
    await cache.factoryFor('app-1', inner).create('https://smba.example/amer/', 'aud');
    await cache.factoryFor('app-1', inner).create('https://smba.example/emea/', 'other');
    await cache.factoryFor('app-2', inner).create('https://smba.example/emea/', 'aud');
    expect(inner.made).to.equal(4);
    expect(cache.size).to.equal(4);
  });

  it('keeps at most `max` clients, dropping the least recently used', async () => {
    const inner = new CountingFactory(await realFactory());
    const cache = new ConnectorClientCache(policy, 2);
    const factory = cache.factoryFor('app', inner);
    const first = await factory.create('https://one.example/');
    await factory.create('https://two.example/');
    expect(await factory.create('https://one.example/')).to.equal(first); // one is now the most recent
    await factory.create('https://three.example/'); // two goes
    expect(cache.size).to.equal(2);
    expect(await factory.create('https://one.example/')).to.equal(first);
    expect(inner.made).to.equal(3);
    await factory.create('https://two.example/');
    expect(inner.made).to.equal(4);
  });

  it('does not keep a failed creation: the next turn tries again', async () => {
    const inner = new CountingFactory(await realFactory());
    const cache = new ConnectorClientCache(policy);
    inner.failNext = true;
    let failure: unknown;
    await cache.factoryFor('app', inner).create('https://smba.example/').catch((err: unknown) => (failure = err));
    expect((failure as Error).message).to.equal('credentials unavailable');
    expect(cache.size).to.equal(0);
    await cache.factoryFor('app', inner).create('https://smba.example/');
    expect(inner.made).to.equal(1);
  });

  it('a shared client still retries with our policy: a 429 then a 200 delivers the reply', async () => {
    const connector = await startFakeConnector();
    try {
      const cache = new ConnectorClientCache(policy);
      const factory = cache.factoryFor('app', await realFactory());
      for (let turn = 1; turn <= 2; turn++) {
        connector.script = [{ status: 429 }];
        connector.otherwise = { status: 200 };
        const client = await factory.create(connector.serviceUrl);
        await client.conversations.sendToConversation('a:conv', { type: 'message', text: `turn ${turn}` });
      }
      const texts = connector.delivered().map((a) => a.text);
      expect(texts).to.deep.equal(['turn 1', 'turn 2']);
      expect(connector.received.map((r) => r.answered)).to.deep.equal([429, 200, 429, 200]);
      expect(cache.size).to.equal(1);
    } finally {
      await connector.close();
    }
  });
});
