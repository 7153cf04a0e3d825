import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { AggregationOption, AggregationTemporality, InstrumentType, PushMetricExporter, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { Logger } from '../logger.js';
import { errorTypeOf } from './attributes.js';

/**
 * Tells the operator when a signal's exports fail, without flooding the log: the first failure is one warning
 * line, then nothing until an export succeeds again (one info line), and so on. The SDK itself only reports
 * failures through OpenTelemetry's diagnostic logger, which nobody reads.
 */
export class ExportWatch {
  private failing = false;

  constructor(
    private readonly signal: 'traces' | 'metrics',
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  report(result: ExportResult): void {
    if (result.code === ExportResultCode.SUCCESS) {
      if (this.failing) this.logger.info({ signal: this.signal, endpoint: this.url }, 'telemetry export recovered');
      this.failing = false;
      return;
    }
    if (this.failing) return;
    this.failing = true;
    const error = result.error;
    this.logger.warn(
      { signal: this.signal, endpoint: this.url, error: error ? errorTypeOf(error) : undefined, reason: error?.message.slice(0, 200) },
      'telemetry export failed: the bot carries on without it; further failures are not logged until an export succeeds',
    );
  }
}

export class WatchedSpanExporter implements SpanExporter {
  constructor(
    private readonly inner: SpanExporter,
    private readonly watch: ExportWatch,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.inner.export(spans, (result) => {
      this.watch.report(result);
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

/** The OTLP metric exporters choose temporality (OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE) and aggregation. */
export type MetricExporterWithSelectors = PushMetricExporter & Required<Pick<PushMetricExporter, 'selectAggregationTemporality' | 'selectAggregation'>>;

export class WatchedMetricExporter implements PushMetricExporter {
  constructor(
    private readonly inner: MetricExporterWithSelectors,
    private readonly watch: ExportWatch,
  ) {}

  export(metrics: ResourceMetrics, done: (result: ExportResult) => void): void {
    this.inner.export(metrics, (result) => {
      this.watch.report(result);
      done(result);
    });
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  selectAggregationTemporality(type: InstrumentType): AggregationTemporality {
    return this.inner.selectAggregationTemporality(type);
  }

  selectAggregation(type: InstrumentType): AggregationOption {
    return this.inner.selectAggregation(type);
  }
}
