import { pino, type Logger, type LevelWithSilent } from 'pino';

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

export function createLogger(level: LevelWithSilent, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'csp-move-assistant' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
