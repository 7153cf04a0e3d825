import { expect } from 'chai';
import { MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createTelemetry, type TurnLogic } from '../../src/telemetry/index.js';
import { turnTelemetryOf } from '../../src/telemetry/turnTelemetry.js';
import type { Decision } from '../../dialogs/core/decide.js';
import { startCollector } from './support/collector.js';

const activity = { type: 'message', channelId: 'msteams', locale: 'zh-TW', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } } as unknown as Activity;
const options = (endpoint: string) => ({
  env: parseConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }),
  version: '0.0.0-test',
  defaultLocale: 'en' as const,
  storageKind: 'memory',
  logger: createLogger('silent'),
});

describe('telemetry never stands in the way of a turn', () => {
  it('until the SDK has loaded, every wrapper passes straight through', async () => {
    const telemetry = createTelemetry(options('http://127.0.0.1:9'))!;
    const logic: TurnLogic = async () => {};
    let given: TurnLogic | undefined;
    expect(await telemetry.turn(activity, logic, async (l) => ((given = l), 'invoke response'))).to.equal('invoke response');
    expect(given).to.equal(logic);
    const storage = telemetry.wrapStorage(new MemoryStorage());
    await storage.write({ k: { v: 1 } });
    expect((await storage.read(['k'])).k).to.deep.include({ v: 1 });
    const policy = telemetry.wrapConnectorPolicy({ name: 'retry', sendRequest: async (req, next) => next(req) });
    const response = { status: 201, headers: { get: () => undefined } };
    const request = { url: 'https://smba.example/v3/conversations/x/activities', method: 'POST', requestId: 'r-1', headers: new Map<string, string>() };
    expect(await policy.sendRequest(request, async () => response)).to.equal(response);
    await telemetry.shutdown();
  });

  it('a decision it cannot read costs the turn nothing but its verdict', async () => {
    const collector = await startCollector();
    const telemetry = createTelemetry(options(collector.url))!;
    try {
      await telemetry.start();
      const broken = { replies: [{ kind: 'result', answers: null }] } as unknown as Decision;
      const result = await telemetry.turn(activity, async (context) => void turnTelemetryOf(context)!.decided(broken, '2026-11-21'), async (logic) => {
        await logic(new TurnContext(new TestAdapter(async () => {}), activity));
        return 'done';
      });
      expect(result).to.equal('done');
      await telemetry.shutdown();
      const [turn] = collector.spans().filter((s) => s.name === 'csp.turn');
      expect(turn!.attributes).to.include({ 'csp.activity.type': 'message', 'csp.locale': 'zh-TW' });
      expect(turn!.attributes['csp.verdict']).to.equal(undefined);
    } finally {
      await telemetry.shutdown();
      await collector.close();
    }
  });
});
