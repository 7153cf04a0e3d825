import { expect } from 'chai';
import { parseConfig } from '../../src/config.js';
import { telemetrySettings } from '../../src/telemetry/settings.js';
import { teamsActivity } from '../support/activity.js';
import { postJson } from '../support/server.js';
import { startCapturedApp } from '../security/support/capturedApp.js';
import { startCollector } from './support/collector.js';
import { startWithSdkEnv } from './support/sdkEnv.js';

const settingsOf = (env: Record<string, string>) => telemetrySettings(parseConfig(env));

describe('telemetry settings: the OTEL_* variables', () => {
  it('are off when no OTLP endpoint is set', () => {
    const s = settingsOf({});
    expect(s.traces).to.equal(undefined);
    expect(s.metrics).to.equal(undefined);
    expect(s.problems).to.deep.equal([]);
    // Saying "not disabled" is the default, not a destination.
    expect(settingsOf({ OTEL_SDK_DISABLED: 'false' }).traces).to.equal(undefined);
  });

  it('are read from the whole app config, whose variables set to an empty string (MicrosoftAppId= in .env) parse to nothing', () => {
    const s = settingsOf({ MicrosoftAppId: '', MicrosoftAppPassword: '', BLOB_CONTAINER: ' ', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' });
    expect(s.traces?.url).to.equal('http://collector:4318/v1/traces');
    expect(s.problems).to.deep.equal([]);
  });

  it('append the signal path to the generic endpoint and take a signal endpoint as it is, protobuf by default', () => {
    const s = settingsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' });
    expect(s.traces).to.deep.equal({ url: 'http://collector:4318/v1/traces', protocol: 'http/protobuf' });
    expect(s.metrics).to.deep.equal({ url: 'http://collector:4318/v1/metrics', protocol: 'http/protobuf', intervalMs: 60_000 });
    expect(settingsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example/base/' }).traces?.url).to.equal('https://otel.example/base/v1/traces');

    const own = settingsOf({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:9999/custom',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'HTTP/JSON',
      OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/protobuf',
      OTEL_METRIC_EXPORT_INTERVAL: '15000',
      OTEL_SERVICE_NAME: 'csp-move-assistant-westeurope',
    });
    expect(own.traces).to.deep.equal({ url: 'http://traces:9999/custom', protocol: 'http/json' });
    expect(own.metrics).to.deep.equal({ url: 'http://collector:4318/v1/metrics', protocol: 'http/protobuf', intervalMs: 15_000 });
    expect(own.serviceName).to.equal('csp-move-assistant-westeurope');
  });

  it('export only the signals that have an endpoint and are not set to none', () => {
    const tracesOnly = settingsOf({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' });
    expect(tracesOnly.traces?.url).to.equal('http://collector:4318/v1/traces');
    expect(tracesOnly.metrics).to.equal(undefined);
    const metricsOnly = settingsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' });
    expect(metricsOnly.traces).to.equal(undefined);
    expect(metricsOnly.metrics?.url).to.equal('http://collector:4318/v1/metrics');
  });

  it('are all off when OTEL_SDK_DISABLED=true, whatever else is set', () => {
    const s = settingsOf({ OTEL_SDK_DISABLED: 'TRUE', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' });
    expect(s.traces).to.equal(undefined);
    expect(s.metrics).to.equal(undefined);
  });

  it('never stop start-up: each bad value is a problem naming its variable, and that part stays off', () => {
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
      OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'not a url',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      OTEL_SDK_DISABLED: 'yes',
      OTEL_TRACES_EXPORTER: 'jaeger',
      OTEL_METRIC_EXPORT_INTERVAL: '5s',
      OTEL_SERVICE_NAME: 'bot\nwith a newline',
    };
    const s = settingsOf(env);
    expect(s.traces).to.equal(undefined);
    expect(s.metrics).to.equal(undefined);
    expect(s.problems).to.have.length(Object.keys(env).length);
    for (const name of Object.keys(env)) expect(s.problems.some((p) => p.startsWith(`${name} `)), name).to.equal(true);
    expect(s.problems.join()).to.include('gRPC is not supported');
    expect(s.serviceName).to.equal('csp-move-assistant');

    // A good signal endpoint still works beside a bad generic one; a bad protocol falls back to the default.
    const partly = settingsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://collector', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' });
    expect(partly.traces).to.deep.equal({ url: 'http://collector:4318/v1/traces', protocol: 'http/protobuf' });
    expect(partly.metrics).to.equal(undefined);
    expect(partly.problems).to.have.length(2);
  });

  it('a malformed variable: the bot starts, serves, and logs one warning line naming it', async () => {
    const app = await startCapturedApp({ LOG_LEVEL: 'info', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' });
    try {
      const res = await postJson(`${app.url}/api/messages`, teamsActivity());
      expect(res.status).to.equal(200);
      expect((res.json?.activities as unknown[]).length).to.be.greaterThan(0);
      const warnings = app.records().filter((r) => r.level === 40);
      expect(warnings).to.have.length(1);
      expect(warnings[0]!.msg).to.match(/^telemetry settings ignored: OTEL_EXPORTER_OTLP_ENDPOINT must be an http:\/\/ or https:\/\/ URL \(telemetry is off\)$/);
      expect(app.records().some((r) => String(r.msg).startsWith('telemetry on'))).to.equal(false);
    } finally {
      await app.close();
    }
  });

  it('a malformed variable that the SDK reads itself: one warning line naming it, telemetry on with the default', async () => {
    const collector = await startCollector();
    const app = await startWithSdkEnv({ OTEL_BSP_SCHEDULE_DELAY: 'soon' }, { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' });
    try {
      expect((await postJson(`${app.url}/api/messages`, teamsActivity())).status).to.equal(200);
      const warnings = app.records().filter((r) => r.level === 40);
      expect(warnings).to.have.length(1);
      expect(warnings[0]!.msg).to.match(/^telemetry: .*OTEL_BSP_SCHEDULE_DELAY/);
      expect(app.records().some((r) => r.msg === 'telemetry on')).to.equal(true);
      await app.close();
      expect(collector.spans().some((s) => s.name === 'csp.turn')).to.equal(true);
    } finally {
      await app.close();
      await collector.close();
    }
  });
});
