import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An OTLP attribute as the JSON encoding carries it. */
interface OtlpKeyValue {
  key: string;
  value: { stringValue?: string; intValue?: number | string; doubleValue?: number; boolValue?: boolean };
}

export type Attributes = Record<string, string | number | boolean>;

export interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP SpanKind: 1 internal, 2 server, 3 client. */
  kind: number;
  attributes: Attributes;
  status: { code?: number; message?: string };
  events: Array<{ name: string; attributes: Attributes }>;
  resource: Attributes;
}

export interface ExportedPoint {
  metric: string;
  unit?: string;
  attributes: Attributes;
  /** Counter value, or a histogram's count. */
  value: number;
  /** Histograms: the sum of the recorded values. */
  sum?: number;
}

export interface ReceivedExport {
  path: string;
  contentType: string;
  body: Buffer;
}

export interface Collector {
  /** The value for OTEL_EXPORTER_OTLP_ENDPOINT. */
  url: string;
  received: ReceivedExport[];
  /** 'hang': requests are read, then never answered (a collector that accepted the connection and stalled). */
  mode: 'ok' | 'hang';
  /** Requests received and not answered yet. */
  pending(): number;
  spans(): ExportedSpan[];
  /** The data points of the last metrics export: metrics are cumulative, so it holds the totals. */
  points(): ExportedPoint[];
  /** Every byte the app sent, as text: for "this never leaves the process" checks (protobuf strings are UTF-8 too). */
  everything(): string;
  waitFor(what: string, condition: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const valueOf = (v: OtlpKeyValue['value']): string | number | boolean =>
  v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : (v.doubleValue ?? v.boolValue ?? ''));

const attrs = (list: OtlpKeyValue[] | undefined): Attributes => Object.fromEntries((list ?? []).map((kv) => [kv.key, valueOf(kv.value)]));

/** A stand-in for an OpenTelemetry Collector's OTLP/HTTP receiver (POST /v1/traces, /v1/metrics) on 127.0.0.1. */
export async function startCollector(): Promise<Collector> {
  const hung: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      collector.received.push({ path: req.url ?? '', contentType: String(req.headers['content-type'] ?? ''), body: Buffer.concat(chunks) });
      if (collector.mode === 'hang') return void hung.push(res);
      // An empty ExportTraceServiceResponse / ExportMetricsServiceResponse: full success.
      const json = String(req.headers['content-type']).includes('json');
      res.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
      res.end(json ? '{}' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const jsonBodies = (path: string) =>
    collector.received.filter((r) => r.path === path && r.contentType.includes('json')).map((r) => JSON.parse(r.body.toString('utf8')) as Record<string, unknown>);

  const collector: Collector = {
    url: `http://127.0.0.1:${port}`,
    received: [],
    mode: 'ok',
    pending: () => hung.filter((res) => !res.writableEnded && !res.destroyed).length,
    spans() {
      type Body = { resourceSpans?: Array<{ resource?: { attributes?: OtlpKeyValue[] }; scopeSpans?: Array<{ spans?: Array<Record<string, unknown>> }> }> };
      return jsonBodies('/v1/traces').flatMap((body) =>
        ((body as Body).resourceSpans ?? []).flatMap((rs) =>
          (rs.scopeSpans ?? []).flatMap((ss) =>
            (ss.spans ?? []).map((s) => ({
              traceId: String(s.traceId),
              spanId: String(s.spanId),
              parentSpanId: s.parentSpanId ? String(s.parentSpanId) : undefined,
              name: String(s.name),
              kind: Number(s.kind),
              attributes: attrs(s.attributes as OtlpKeyValue[]),
              status: (s.status ?? {}) as ExportedSpan['status'],
              events: ((s.events ?? []) as Array<{ name: string; attributes?: OtlpKeyValue[] }>).map((e) => ({ name: e.name, attributes: attrs(e.attributes) })),
              resource: attrs(rs.resource?.attributes),
            })),
          ),
        ),
      );
    },
    points() {
      type Point = { attributes?: OtlpKeyValue[]; asInt?: number | string; asDouble?: number; count?: number | string; sum?: number };
      type Metric = { name: string; unit?: string; sum?: { dataPoints?: Point[] }; histogram?: { dataPoints?: Point[] } };
      type Body = { resourceMetrics?: Array<{ scopeMetrics?: Array<{ metrics?: Metric[] }> }> };
      return jsonBodies('/v1/metrics').slice(-1).flatMap((body) =>
        ((body as Body).resourceMetrics ?? []).flatMap((rm) =>
          (rm.scopeMetrics ?? []).flatMap((sm) =>
            (sm.metrics ?? []).flatMap((m) => [
              ...(m.sum?.dataPoints ?? []).map((p) => ({ metric: m.name, unit: m.unit, attributes: attrs(p.attributes), value: Number(p.asInt ?? p.asDouble ?? 0) })),
              ...(m.histogram?.dataPoints ?? []).map((p) => ({ metric: m.name, unit: m.unit, attributes: attrs(p.attributes), value: Number(p.count ?? 0), sum: Number(p.sum ?? 0) })),
            ]),
          ),
        ),
      );
    },
    everything: () => collector.received.map((r) => r.body.toString('utf8')).join('\n'),
    async waitFor(what, condition, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > until) throw new Error(`collector: gave up waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return collector;
}
