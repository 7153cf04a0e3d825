// Loaded only when telemetry is on (src/telemetry/index.ts imports it dynamically): the OpenTelemetry SDK,
// its providers and OTLP/HTTP exporters. Nothing is registered globally: the app holds its own tracer and
// meter, so nothing else in the process (or a second app in the same test process) is affected.
import { randomUUID } from 'node:crypto';
import { diag, DiagLogLevel, type Meter, type Tracer } from '@opentelemetry/api';
import { detectResources, envDetector, resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics';
import { ATTR_SERVICE_INSTANCE_ID, ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { Logger } from '../logger.js';
import { ExportWatch, WatchedMetricExporter, WatchedSpanExporter, type MetricExporterWithSelectors } from './exportWatch.js';
import { SCOPE } from './names.js';
import type { SignalTarget, TelemetrySettings } from './settings.js';

export interface Sdk {
  tracer?: Tracer;
  meter?: Meter;
  /** Exports what is pending and stops. May take as long as the collector does: the caller bounds it. */
  shutdown(): Promise<void>;
}

export async function startSdk(settings: TelemetrySettings, version: string, logger: Logger): Promise<Sdk> {
  // The SDK reports bad tuning variables (OTEL_BSP_*, OTEL_EXPORTER_OTLP_HEADERS, …) while it is being built,
  // through its diagnostic logger: collect them into one warning line, then stop listening.
  const sdkWarnings: string[] = [];
  diag.setLogger(
    {
      error: (message) => void sdkWarnings.push(message),
      warn: (message) => void sdkWarnings.push(message),
      info: () => {},
      debug: () => {},
      verbose: () => {},
    },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
  try {
    const resource = detectResources({ detectors: [envDetector] }).merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: settings.serviceName,
        [ATTR_SERVICE_VERSION]: version,
        // Tells this process's telemetry from another instance's (random per start, like the correlation ids).
        [ATTR_SERVICE_INSTANCE_ID]: randomUUID(),
      }),
    );
    const sdk = await buildProviders(settings, resource, logger);
    if (sdkWarnings.length > 0) logger.warn({ warnings: sdkWarnings.slice(0, 10) }, `telemetry: ${sdkWarnings.join('; ').slice(0, 500)}`);
    return sdk;
  } finally {
    diag.disable();
  }
}

async function buildProviders(settings: TelemetrySettings, resource: Resource, logger: Logger): Promise<Sdk> {
  const stops: Array<() => Promise<void>> = [];
  let tracer: Tracer | undefined;
  let meter: Meter | undefined;
  if (settings.traces) {
    const watch = new ExportWatch('traces', settings.traces.url, logger);
    const exporter = new WatchedSpanExporter(await spanExporter(settings.traces), watch);
    // Batched: a turn only queues its spans; they leave in the background (every 5 s, OTEL_BSP_SCHEDULE_DELAY).
    const provider = new BasicTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporter)] });
    tracer = provider.getTracer(SCOPE);
    stops.push(() => provider.shutdown());
    // An empty export at start-up: an unreachable collector is reported now, not at the first turn.
    exporter.export([], () => {});
  }
  if (settings.metrics) {
    const watch = new ExportWatch('metrics', settings.metrics.url, logger);
    const exporter = new WatchedMetricExporter(await metricExporter(settings.metrics), watch);
    const intervalMs = settings.metrics.intervalMs;
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: intervalMs, exportTimeoutMillis: Math.min(30_000, intervalMs) });
    const provider = new MeterProvider({ resource, readers: [reader] });
    meter = provider.getMeter(SCOPE);
    stops.push(() => provider.shutdown());
    if (!settings.traces) exporter.export({ resource, scopeMetrics: [] }, () => {});
  }
  return {
    tracer,
    meter,
    shutdown: async () => void (await Promise.allSettled(stops.map((stop) => stop()))),
  };
}

// Only the exporter the protocol needs is loaded.
async function spanExporter({ url, protocol }: SignalTarget): Promise<SpanExporter> {
  const { OTLPTraceExporter } = protocol === 'http/json' ? await import('@opentelemetry/exporter-trace-otlp-http') : await import('@opentelemetry/exporter-trace-otlp-proto');
  return new OTLPTraceExporter({ url });
}

async function metricExporter({ url, protocol }: SignalTarget): Promise<MetricExporterWithSelectors> {
  const { OTLPMetricExporter } = protocol === 'http/json' ? await import('@opentelemetry/exporter-metrics-otlp-http') : await import('@opentelemetry/exporter-metrics-otlp-proto');
  return new OTLPMetricExporter({ url }) satisfies PushMetricExporter;
}
