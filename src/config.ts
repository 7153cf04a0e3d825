import { existsSync } from 'node:fs';
import { LOCALES } from './i18n/locale.js';
import { telemetryEnv } from './telemetry/settings.js';
import { z } from 'zod';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Azure container names: 3–63 lowercase letters, digits and single hyphens.
const CONTAINER = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * What is wrong with a Blob account URL, if anything. https only: the Azure SDK refuses to send a bearer token
 * over plain http (Azurite too must run with TLS for this path). No query string (a SAS token is a key) and no
 * user info.
 */
function accountUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a URL like https://<account>.blob.core.windows.net';
  }
  if (url.protocol !== 'https:') return 'must be an https URL like https://<account>.blob.core.windows.net (the Azure SDK sends tokens over https only)';
  if (url.search || url.hash || url.username || url.password) return 'must be the bare account URL, without a query (SAS token), fragment or user name';
  return undefined;
}

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

const DURATION_UNITS_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 } as const;

/** A signed duration such as "83d", "-2h", "90m" or "30s" (or 0), in ms; 0 when unset. */
const duration = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === '' || v.trim() === '0') return 0;
    const match = /^([+-]?)(\d{1,9})([dhms])$/.exec(v.trim());
    if (!match) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a signed whole number with a unit d, h, m or s (e.g. 83d, -2h, 90m), or 0' });
      return z.NEVER;
    }
    return (match[1] === '-' ? -1 : 1) * Number(match[2]) * DURATION_UNITS_MS[match[3] as keyof typeof DURATION_UNITS_MS];
  });

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
    // The account's Blob endpoint, reached with the managed identity AZURE_CLIENT_ID names (no key anywhere).
    BLOB_ACCOUNT_URL: optionalText.superRefine((v, ctx) => {
      const problem = v === undefined ? undefined : accountUrlProblem(v);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    }).transform((v) => v?.replace(/\/+$/, '')),
    // The user-assigned managed identity's client id: the name @azure/identity's credentials read it under.
    AZURE_CLIENT_ID: optionalText.refine((v) => v === undefined || GUID.test(v), 'must be a GUID (the client id of the user-assigned managed identity) or empty'),
    BLOB_CONTAINER: optionalText.refine((v) => v === undefined || CONTAINER.test(v), 'must be 3-63 lowercase letters, digits or hyphens'),
    STATE_TTL_DAYS: days(30, 1, 3650),
    // How often every instance looks for reminders that fell due (src/reminders/scheduler.ts).
    REMINDER_SCAN_SECONDS: wholeNumber(60, 1, 3600, 'seconds'),
    // For local runs only: the bot's clock (dates, reminders, retention) runs this far ahead, e.g. 83d to see a reminder.
    CLOCK_OFFSET: duration,
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
    if (c.STORAGE === 'blob') {
      if (!c.BLOB_ACCOUNT_URL && !c.BLOB_CONNECTION_STRING) {
        need('BLOB_ACCOUNT_URL', '(with AZURE_CLIENT_ID, a managed identity) or BLOB_CONNECTION_STRING (an account key) is required when STORAGE=blob');
      }
      if (c.BLOB_ACCOUNT_URL && c.BLOB_CONNECTION_STRING) {
        need('BLOB_ACCOUNT_URL', 'and BLOB_CONNECTION_STRING are both set: set only one (BLOB_ACCOUNT_URL with a managed identity, or BLOB_CONNECTION_STRING with an account key)');
      }
      if (c.BLOB_ACCOUNT_URL && !c.AZURE_CLIENT_ID) {
        need('AZURE_CLIENT_ID', 'is required when BLOB_ACCOUNT_URL is set: the client id of the user-assigned managed identity that may write to the account');
      }
    }
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

/** An https page an admin publishes (Teams links to it from the app's details), at most 2048 characters. */
const publicPage = optionalText.refine(
  (v) => v === undefined || (v.length <= 2048 && URL.canParse(v) && new URL(v).protocol === 'https:'),
  'must be an https URL (at most 2048 characters)',
);

/**
 * What `npm run package` reads, besides MicrosoftAppId: the Teams app's own id and the publisher Teams shows
 * in the app's details. Not the bot's configuration: the bot never reads these.
 */
export const PackageConfigSchema = z.object({
  // The toolkit's teamsApp/create makes an app id of its own; without it the app id is the bot's.
  TEAMS_APP_ID: optionalText.refine((v) => v === undefined || GUID.test(v), 'must be a GUID (the Teams app id) or empty'),
  APP_DEVELOPER_NAME: optionalText.refine((v) => v === undefined || v.length <= 32, 'must be at most 32 characters (Teams shows it as the publisher)'),
  APP_WEBSITE_URL: publicPage,
  APP_PRIVACY_URL: publicPage,
  APP_TERMS_URL: publicPage,
});

export type PackageConfig = z.output<typeof PackageConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly variable: string, readonly problem: string) {
    super(`${variable} ${problem}`);
  }
}

/** Parses an environment once; throws ConfigError naming the first bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  return parseWith(ConfigSchema, env);
}

/** Parses the packaging variables; throws ConfigError naming the first bad one. */
export function parsePackageConfig(env: Record<string, string | undefined>): PackageConfig {
  return parseWith(PackageConfigSchema, env);
}

function parseWith<S extends z.ZodTypeAny>(schema: S, env: Record<string, string | undefined>): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data as z.output<S>;
  const issue = result.error.issues[0]!;
  throw new ConfigError(String(issue.path[0] ?? 'configuration'), issue.message);
}

/** Reads `.env` (when present) into process.env without overriding real environment values. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
