import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '../support/ports.js';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./support/loadedModules.ts', import.meta.url));

type Phase = { phase: string; status: number; replies: number; openTelemetry: string[] };

describe('telemetry off: nothing of OpenTelemetry is loaded', function () {
  this.timeout(60_000);
  let phases: Record<string, Phase>;

  before(async () => {
    // A fresh process (this one has loaded the SDK for the other tests), with no OTEL_* variable but a short
    // export timeout (read by the SDK itself) for the phase that exports to a refusing port.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OTEL_')));
    const { stdout } = await run(process.execPath, ['--import', 'tsx/esm', '--no-deprecation', CHILD, String(await freePort())], { env: { ...env, OTEL_EXPORTER_OTLP_TIMEOUT: '100' }, timeout: 45_000 });
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Phase);
    phases = Object.fromEntries(lines.map((p) => [p.phase, p]));
  });

  it('without an OTLP endpoint a turn is served and no OpenTelemetry package is ever loaded; likewise with OTEL_SDK_DISABLED=true', () => {
    expect(phases.off).to.deep.include({ status: 200, replies: 1, openTelemetry: [] });
    expect(phases.disabled).to.deep.include({ status: 200, replies: 1, openTelemetry: [] });
  });

  it('with one, the SDK and only the configured protocol\'s exporters are loaded (so the check above can see them)', () => {
    expect(phases.on).to.deep.include({ status: 200, replies: 1 });
    expect(phases.on!.openTelemetry).to.include.members(['@opentelemetry/api', '@opentelemetry/sdk-trace-base', '@opentelemetry/sdk-metrics', '@opentelemetry/exporter-trace-otlp-proto']);
    expect(phases.on!.openTelemetry).not.to.include('@opentelemetry/exporter-trace-otlp-http');
  });
});
