import { expect } from 'chai';
import { teamsActivity } from '../support/activity.js';
import { freePort } from '../support/ports.js';
import { postJson } from '../support/server.js';
import type { CapturedApp } from '../security/support/capturedApp.js';
import { startCollector, type Collector } from './support/collector.js';
import { startWithSdkEnv } from './support/sdkEnv.js';

async function turn(app: CapturedApp) {
  const res = await postJson(`${app.url}/api/messages`, teamsActivity());
  expect(res.status).to.equal(200);
  expect((res.json?.activities as unknown[] | undefined)?.length).to.be.greaterThan(0);
}

async function until(what: string, condition: () => boolean, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const exportFailures = (app: CapturedApp) => app.records().filter((r) => String(r.msg).startsWith('telemetry export failed'));

describe('telemetry with a dead collector: the bot carries on', function () {
  this.timeout(30_000);

  it('a port that refuses: turns are answered, one warning line says so, shutdown is prompt', async () => {
    const port = await freePort();
    // A short export timeout: the exporter's own retries of a refused connection end within it.
    const app = await startWithSdkEnv(
      { OTEL_EXPORTER_OTLP_TIMEOUT: '300', OTEL_BSP_SCHEDULE_DELAY: '50' },
      { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' },
    );
    try {
      // The empty export sent at start-up finds the collector missing.
      await until('the warning', () => exportFailures(app).length > 0);
      for (let i = 0; i < 3; i++) await turn(app);
      // Those turns' spans failed to export too (batches every 50 ms), and were not logged again.
      await new Promise((resolve) => setTimeout(resolve, 600));
      const warnings = exportFailures(app);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include({ level: 40, signal: 'traces', endpoint: `http://127.0.0.1:${port}/v1/traces`, error: 'ECONNREFUSED' });
    } finally {
      const started = Date.now();
      await app.close();
      expect(Date.now() - started).to.be.below(5000);
    }
  });

  describe('a collector that accepts and never answers', () => {
    let collector: Collector;
    let app: CapturedApp;
    before(async () => {
      collector = await startCollector();
      collector.mode = 'hang';
      app = await startWithSdkEnv({ OTEL_BSP_SCHEDULE_DELAY: '50' }, { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' });
    });
    after(async () => {
      await app.close();
      await collector.close();
    });

    it('answers each turn while the exports of earlier turns are still waiting for the collector', async () => {
      await collector.waitFor('the start-up export', () => collector.pending() >= 1);
      await turn(app);
      // That turn's spans leave within the 50 ms batch delay, and hang.
      await collector.waitFor('the first turn\'s spans', () => collector.spans().some((s) => s.name === 'csp.turn'));
      const hung = collector.pending();
      expect(hung).to.be.at.least(2);
      for (let i = 0; i < 5; i++) {
        const started = Date.now();
        await turn(app);
        // Far below the exporter's 10 s timeout: the turn never waited on an export.
        expect(Date.now() - started).to.be.below(2000);
      }
      // Nothing the collector was sent has been answered: every turn above completed with exports in flight.
      expect(collector.pending()).to.be.at.least(hung);
      expect(collector.received.length).to.equal(collector.pending());
    });

    it('shuts down within its bound, dropping the last export with one warning', async () => {
      const started = Date.now();
      await app.close();
      expect(Date.now() - started).to.be.below(5000);
      expect(app.records().filter((r) => String(r.msg).startsWith('telemetry: the collector did not take the last export in time'))).to.have.length(1);
    });
  });
});
