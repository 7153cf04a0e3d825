import { z } from 'zod';

/**
 * The OpenTelemetry variables the app reads, as fields of the app's one config schema (src/config.ts spreads
 * them in). Unlike the rest of the config, a bad value here never stops start-up: telemetry is an operator's
 * aid, not the service. Each field parses to `{ value }` or `{ problem }`; start-up logs the problems as one
 * warning line and runs with that part of telemetry off.
 *
 * Only the variables that decide whether and where to export are read here. The exporters and the batch
 * processor read the standard tuning ones themselves (OTEL_EXPORTER_OTLP_HEADERS, _TIMEOUT, _COMPRESSION,
 * OTEL_BSP_*, OTEL_TRACES_SAMPLER, OTEL_RESOURCE_ATTRIBUTES); the README lists them.
 */
export interface Lenient<T> {
  value?: T;
  /** What is wrong with the value, naming the variable; the value is then ignored. */
  problem?: string;
}

function lenient<T>(name: string, parse: (raw: string) => T | { problem: string }) {
  return z
    .string()
    .optional()
    .transform((raw): Lenient<T> => {
      const v = raw?.trim();
      if (v === undefined || v === '') return {};
      const parsed = parse(v);
      if (typeof parsed === 'object' && parsed !== null && 'problem' in parsed) return { problem: `${name} ${parsed.problem}` };
      return { value: parsed as T };
    });
}

const httpUrl = (name: string) =>
  lenient(name, (v) => {
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      return { problem: 'is not a URL (expected e.g. http://collector:4318)' };
    }
    // `new URL('collector:4318')` parses with "collector:" as its scheme: only http(s) reaches an OTLP/HTTP receiver.
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'must be an http:// or https:// URL' };
    return url.href;
  });

export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;
export type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];

const protocol = (name: string) =>
  lenient<OtlpProtocol>(name, (v) => {
    const found = OTLP_PROTOCOLS.find((p) => p === v.toLowerCase());
    if (found) return found;
    return { problem: `must be http/protobuf or http/json${v.toLowerCase() === 'grpc' ? ' (gRPC is not supported: point the endpoint at the collector\'s HTTP port, 4318)' : ''}` };
  });

const bool = (name: string) =>
  lenient<boolean>(name, (v) => {
    const lower = v.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    return { problem: 'must be true or false' };
  });

/** OTEL_TRACES_EXPORTER / OTEL_METRICS_EXPORTER: this app exports over OTLP or not at all. */
const exporter = (name: string) =>
  lenient<'otlp' | 'none'>(name, (v) => {
    const lower = v.toLowerCase();
    if (lower === 'otlp' || lower === 'none') return lower;
    return { problem: 'must be otlp or none' };
  });

const milliseconds = (name: string, min: number, max: number) =>
  lenient<number>(name, (v) => {
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) return { problem: `must be a whole number of milliseconds from ${min} to ${max}` };
    return n;
  });

// W3C/OTel resource values are free text, but a service name shows in every backend's service list.
const serviceName = lenient<string>('OTEL_SERVICE_NAME', (v) => (/^[\w.\-/ ]{1,128}$/.test(v) ? v : { problem: 'must be 1-128 letters, digits, spaces or . _ - /' }));

export const telemetryEnv = {
  OTEL_SDK_DISABLED: bool('OTEL_SDK_DISABLED'),
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl('OTEL_EXPORTER_OTLP_ENDPOINT'),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: httpUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'),
  OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: httpUrl('OTEL_EXPORTER_OTLP_METRICS_ENDPOINT'),
  OTEL_EXPORTER_OTLP_PROTOCOL: protocol('OTEL_EXPORTER_OTLP_PROTOCOL'),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: protocol('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'),
  OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: protocol('OTEL_EXPORTER_OTLP_METRICS_PROTOCOL'),
  OTEL_TRACES_EXPORTER: exporter('OTEL_TRACES_EXPORTER'),
  OTEL_METRICS_EXPORTER: exporter('OTEL_METRICS_EXPORTER'),
  OTEL_METRIC_EXPORT_INTERVAL: milliseconds('OTEL_METRIC_EXPORT_INTERVAL', 100, 3_600_000),
  OTEL_SERVICE_NAME: serviceName,
};

export type TelemetryEnv = { [K in keyof typeof telemetryEnv]: z.output<(typeof telemetryEnv)[K]> };

/** Where one signal goes. */
export interface SignalTarget {
  url: string;
  protocol: OtlpProtocol;
}

export interface TelemetrySettings {
  /** Absent: no traces are made or exported. */
  traces?: SignalTarget;
  /** Absent: no metrics are recorded or exported. */
  metrics?: SignalTarget & { intervalMs: number };
  serviceName: string;
  /** One sentence per ignored variable, each naming it; start-up logs them as one warning. */
  problems: string[];
}

export const DEFAULT_SERVICE_NAME = 'csp-move-assistant';
/** The OpenTelemetry default for OTEL_METRIC_EXPORT_INTERVAL. */
export const DEFAULT_METRIC_INTERVAL_MS = 60_000;

/**
 * Telemetry is off unless an OTLP endpoint is set (the generic one, or a signal's own), and
 * OTEL_SDK_DISABLED=true turns it off whatever else is set. Per the OTLP spec, the generic endpoint gets the
 * signal's path appended (/v1/traces, /v1/metrics) and a signal's own endpoint is used as it is.
 */
export function telemetrySettings(env: TelemetryEnv): TelemetrySettings {
  // `env` may be the whole app config: only the telemetry fields are looked at (others can be anything, even undefined).
  const problems = (Object.keys(telemetryEnv) as Array<keyof TelemetryEnv>)
    .map((name) => env[name]?.problem)
    .filter((p): p is string => p !== undefined);
  const serviceName = env.OTEL_SERVICE_NAME.value ?? DEFAULT_SERVICE_NAME;
  if (env.OTEL_SDK_DISABLED.value === true) return { serviceName, problems };
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT.value;
  const generic = env.OTEL_EXPORTER_OTLP_PROTOCOL.value ?? 'http/protobuf';
  const target = (own: string | undefined, path: string, exporterChoice: 'otlp' | 'none' | undefined, ownProtocol: OtlpProtocol | undefined) => {
    if (exporterChoice === 'none') return undefined;
    const url = own ?? (base ? new URL(path, base.endsWith('/') ? base : `${base}/`).href : undefined);
    return url ? { url, protocol: ownProtocol ?? generic } : undefined;
  };
  const traces = target(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT.value, 'v1/traces', env.OTEL_TRACES_EXPORTER.value, env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL.value);
  const metrics = target(env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT.value, 'v1/metrics', env.OTEL_METRICS_EXPORTER.value, env.OTEL_EXPORTER_OTLP_METRICS_PROTOCOL.value);
  return {
    ...(traces ? { traces } : {}),
    ...(metrics ? { metrics: { ...metrics, intervalMs: env.OTEL_METRIC_EXPORT_INTERVAL.value ?? DEFAULT_METRIC_INTERVAL_MS } } : {}),
    serviceName,
    problems,
  };
}
