import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

// Secrets must never reach a log line, whatever object a caller passes in.
export const REDACTED_PATHS = [
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'req.headers.authorization',
  'MicrosoftAppPassword',
  '*.MicrosoftAppPassword',
  'password',
  '*.password',
  'token',
  '*.token',
  'BLOB_CONNECTION_STRING',
  '*.BLOB_CONNECTION_STRING',
];

/**
 * Second line of defence, on the finished line: paths only catch secrets where we expect them, but an
 * error message or a nested object (an HTTP error's request headers, a connection string in a storage
 * error) can carry them anywhere. Bearer/Basic credentials, JWTs and connection-string keys are masked
 * by shape; the configured secrets by value.
 */
const SECRET_SHAPES: Array<[RegExp, string]> = [
  [/\b(Bearer|Basic)(\s+|%20)[A-Za-z0-9._~+/=%-]{8,}/gi, '$1$2[redacted]'],
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '[redacted-jwt]'],
  [/\b(AccountKey|SharedAccessKey|SharedAccessSignature|sig|client_secret|password|pwd)=([^;&"\s\\]+)/gi, '$1=[redacted]'],
];

/** Values shorter than this are not scrubbed by value: they would mangle ordinary words. */
const MIN_SECRET_LENGTH = 8;

export function scrubSecrets(line: string, secrets: readonly string[] = []): string {
  let out = line;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    // As it appears inside a JSON string (quotes and backslashes escaped) and as it is.
    for (const form of new Set([JSON.stringify(secret).slice(1, -1), secret])) out = out.split(form).join('[redacted]');
  }
  for (const [shape, replacement] of SECRET_SHAPES) out = out.replace(shape, replacement);
  return out;
}

/**
 * `secrets`: values from the configuration that must never be printed (app password, connection string
 * and its parts). `destination`: where lines go (stdout by default; tests capture them).
 */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream, secrets: readonly string[] = []): Logger {
  return pino(
    {
      level,
      base: { service: 'csp-move-assistant' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: { streamWrite: (line) => scrubSecrets(line, secrets) },
    },
    destination,
  );
}
