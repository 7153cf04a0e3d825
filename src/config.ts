import { existsSync } from 'node:fs';
import { LOCALES } from './i18n/locale.js';
import { telemetryEnv } from './telemetry/settings.js';
import { z } from 'zod';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Azure container names: 3–63 lowercase letters, digits and single hyphens.
const CONTAINER = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/** Environment values arrive as strings; an empty string means "not set". */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const port = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return 3978;
    const n = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n > 65535) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a whole number from 1 to 65535 (0 picks a free port)' });
      return z.NEVER;
    }
    return n;
  });

/** A whole number of days in [min, max], `fallback` when unset. */
const days = (fallback: number, min: number, max: number) => wholeNumber(fallback, min, max, 'days');

/** A whole number in [min, max] (`unit` names it in the message), `fallback` when unset. */
function wholeNumber(fallback: number, min: number, max: number, unit: string) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a whole number of ${unit} from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z
    .string()
    .optional()
    .transform((v, ctx): T[number] => {
      if (v === undefined || v.trim() === '') return fallback;
      const found = values.find((x) => x.toLowerCase() === v.trim().toLowerCase());
      if (!found) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be one of ${values.join(', ')}` });
        return z.NEVER;
      }
      return found;
    });
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const ConfigSchema = z
  .object({
    PORT: port,
    HOST: optionalText.transform((v) => v ?? '0.0.0.0'),
    MicrosoftAppId: optionalText.refine((v) => v === undefined || GUID.test(v), 'must be a GUID (the Azure Bot app id) or empty'),
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: oneOf(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const, 'MultiTenant'),
    MicrosoftAppTenantId: optionalText.refine((v) => v === undefined || GUID.test(v), 'must be a GUID (the Microsoft Entra tenant id) or empty'),
    STORAGE: oneOf(['sqlite', 'memory', 'blob'] as const, 'sqlite'),
    SQLITE_PATH: optionalText.transform((v) => v ?? 'data/state.db'),
    BLOB_CONNECTION_STRING: optionalText,
    BLOB_CONTAINER: optionalText.refine((v) => v === undefined || CONTAINER.test(v), 'must be 3-63 lowercase letters, digits or hyphens'),
    STATE_TTL_DAYS: days(30, 1, 3650),
    LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
    DEFAULT_LOCALE: oneOf(LOCALES, 'en'),
    // Connections this instance accepts at once; further ones are refused at accept (src/server.ts).
    MAX_CONNECTIONS: wholeNumber(512, 1, 65535, 'connections'),
    // A request's headers, and then its body, must each arrive within this time, or the connection is cut.
    HTTP_REQUEST_TIMEOUT_MS: wholeNumber(10_000, 500, 120_000, 'milliseconds'),
    // Every storage call gives up after this long; the user is told to try again, and their answers are kept.
    STORAGE_TIMEOUT_MS: wholeNumber(3000, 100, 10_000, 'milliseconds'),
    // OpenTelemetry's standard variables: a bad one is a start-up warning, never fatal (src/telemetry/settings.ts).
    ...telemetryEnv,
  })
  .superRefine((c, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    if (c.STORAGE === 'blob' && !c.BLOB_CONNECTION_STRING) need('BLOB_CONNECTION_STRING', 'is required when STORAGE=blob');
    if (c.STORAGE === 'blob' && !c.BLOB_CONTAINER) need('BLOB_CONTAINER', 'is required when STORAGE=blob');
    if (c.MicrosoftAppType !== 'MultiTenant' && !c.MicrosoftAppTenantId) {
      need('MicrosoftAppTenantId', `is required when MicrosoftAppType=${c.MicrosoftAppType}`);
    }
    if (c.MicrosoftAppType !== 'MultiTenant' && !c.MicrosoftAppId) {
      need('MicrosoftAppId', `is required when MicrosoftAppType=${c.MicrosoftAppType}`);
    }
    if (c.MicrosoftAppType !== 'UserAssignedMSI' && c.MicrosoftAppId && !c.MicrosoftAppPassword) {
      need('MicrosoftAppPassword', 'is required when MicrosoftAppId is set');
    }
  });

export type Config = z.output<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly variable: string, readonly problem: string) {
    super(`${variable} ${problem}`);
  }
}

/** Parses an environment once; throws ConfigError naming the first bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ConfigError(String(issue.path[0] ?? 'configuration'), issue.message);
}

/** Reads `.env` (when present) into process.env without overriding real environment values. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
