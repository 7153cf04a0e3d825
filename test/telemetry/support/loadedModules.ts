// A child process for the off-path test. It starts the app three times, one after the other, each serving one
// turn over HTTP: without an OTLP endpoint, with one but OTEL_SDK_DISABLED=true, then with one (telemetry on,
// pointed at a port that refuses). After each it prints a JSON line naming the OpenTelemetry packages Node has
// loaded so far. OpenTelemetry ships CommonJS, so every one of its modules that was loaded is in that cache.
import { createRequire } from 'node:module';
import { createApp } from '../../../src/app.js';
import { parseConfig } from '../../../src/config.js';
import { teamsActivity } from '../../support/activity.js';

const refusingPort = process.argv[2]!;
const phases: Array<[string, Record<string, string>]> = [
  ['off', {}],
  ['disabled', { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${refusingPort}`, OTEL_SDK_DISABLED: 'true' }],
  ['on', { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${refusingPort}` }],
];

for (const [phase, otel] of phases) {
  const app = createApp(parseConfig({ PORT: '0', HOST: '127.0.0.1', STORAGE: 'memory', LOG_LEVEL: 'silent', ...otel }));
  const { url } = await app.listen();
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(teamsActivity()) });
  const replies = ((await res.json()) as { activities?: unknown[] }).activities?.length ?? 0;
  await app.close();
  const packages = new Set(
    Object.keys(createRequire(import.meta.url).cache)
      .map((path) => /[\\/]node_modules[\\/](@opentelemetry[\\/][^\\/]+)[\\/]/.exec(path)?.[1]?.replace('\\', '/'))
      .filter((name): name is string => name !== undefined),
  );
  process.stdout.write(`${JSON.stringify({ phase, status: res.status, replies, openTelemetry: [...packages].sort() })}\n`);
}
// The exporter may still be retrying the refusing port: don't wait for it.
process.exit(0);
