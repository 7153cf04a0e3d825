// The Teams app package: manifest/manifest.json filled with the bot's app id, the Teams app id, the
// publisher (name and links) and the project's version, zipped flat with both icons and the manifest's
// localization files (the layout Teams expects).
import { readFileSync } from 'node:fs';
import { ZipFile } from 'yazl';
import pkg from '../package.json' with { type: 'json' };
import { ConfigSchema, parsePackageConfig } from '../src/config.js';
import { MANIFEST_DIR } from './icons.js';

export interface TeamsManifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  icons: { color: string; outline: string };
  bots: Array<{ botId: string; scopes: string[]; commandLists?: Array<{ scopes: string[]; commands: Array<{ title: string; description?: string }> }> }>;
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: Array<{ languageTag: string; file: string }> };
  [key: string]: unknown;
}

export class PackageError extends Error {}

/** The publisher Teams shows in the app's details. */
export interface Developer {
  name: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
}

/** Which variable fills which developer field. */
const DEVELOPER_VARIABLES = {
  name: 'APP_DEVELOPER_NAME',
  websiteUrl: 'APP_WEBSITE_URL',
  privacyUrl: 'APP_PRIVACY_URL',
  termsOfUseUrl: 'APP_TERMS_URL',
} as const satisfies Record<keyof Developer, string>;

/** Documentation-only domains (RFC 2606): the committed template's links point there. */
const PLACEHOLDER_HOST = /(^|\.)example\.(com|net|org)$/i;

export interface PackageInputs {
  /** The bot's app id (MicrosoftAppId): the bot the app talks to. */
  appId: string;
  /** The Teams app's id: TEAMS_APP_ID, else the bot's app id. */
  teamsAppId: string;
  developer: Developer;
  /** Variables that were missing or placeholders, filled from the template because that was allowed. */
  placeholders: string[];
}

/**
 * Everything packaging reads from the environment, checked. The publisher's name and links must be set, and
 * not be the template's example.com placeholders, unless `allowPlaceholders` (local testing only: a package
 * with them must not be published).
 */
export function packageInputsFrom(env: Record<string, string | undefined>, { allowPlaceholders = false } = {}): PackageInputs {
  const appId = appIdFrom(env);
  const config = parsePackageConfig(env);
  const template = readManifestTemplate().developer as Developer;
  const developer = { ...template };
  const placeholders: string[] = [];
  for (const field of Object.keys(DEVELOPER_VARIABLES) as Array<keyof Developer>) {
    const variable = DEVELOPER_VARIABLES[field];
    const value = config[variable];
    // The name can't be told from a real one: only a missing name is a placeholder.
    const host = value === undefined || field === 'name' ? undefined : new URL(value).hostname;
    const placeholder = value === undefined || (host !== undefined && PLACEHOLDER_HOST.test(host));
    if (placeholder && !allowPlaceholders) {
      throw new PackageError(
        value === undefined
          ? `${variable} is not set: set the publisher's ${field === 'name' ? 'name' : 'https page'} that Teams shows in the app's details (or pass --allow-placeholders for a local test package)`
          : `${variable} is a placeholder (${host}): set your own https page (or pass --allow-placeholders for a local test package)`,
      );
    }
    if (placeholder) placeholders.push(variable);
    if (value !== undefined) developer[field] = value;
  }
  return { appId, teamsAppId: config.TEAMS_APP_ID ?? appId, developer, placeholders };
}

/** manifest/manifest.json as committed: `id`, `botId` and `version` hold placeholders until packaging, `developer` example.com links. */
export function readManifestTemplate(): TeamsManifest {
  return JSON.parse(readFileSync(`${MANIFEST_DIR}manifest.json`, 'utf8')) as TeamsManifest;
}

/**
 * The app id, checked by the same rule the bot's own config uses. Packaging needs no secret,
 * so only this one variable is read, not the whole bot configuration.
 */
export function appIdFrom(env: Record<string, string | undefined>): string {
  const parsed = ConfigSchema.innerType().shape.MicrosoftAppId.safeParse(env.MicrosoftAppId);
  if (!parsed.success) {
    throw new PackageError(`MicrosoftAppId must be the Azure Bot's app id, a GUID like 00000000-0000-0000-0000-000000000000 (got "${String(env.MicrosoftAppId).trim().slice(0, 64)}")`);
  }
  if (!parsed.data) throw new PackageError("MicrosoftAppId is not set: set it to the Azure Bot's app id (a GUID) in the environment or in .env");
  return parsed.data;
}

/**
 * The manifest Teams will read. The app's id is `teamsAppId` when given (the Agents Toolkit registers the app
 * under an id of its own), else the bot's; the publisher is the template's placeholder one unless given.
 */
export function buildManifest(appId: string, { teamsAppId = appId, developer, version = pkg.version }: { teamsAppId?: string; developer?: Developer; version?: string } = {}): TeamsManifest {
  const manifest = readManifestTemplate();
  manifest.id = teamsAppId;
  manifest.version = version;
  if (developer) manifest.developer = { ...(manifest.developer as object), ...developer };
  for (const bot of manifest.bots) bot.botId = appId;
  return manifest;
}

/** Every file that goes into the zip, by its name in the zip. */
export function packageFiles(manifest: TeamsManifest): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const name of [manifest.icons.color, manifest.icons.outline, ...manifest.localizationInfo.additionalLanguages.map((l) => l.file)]) {
    files.set(name, readFileSync(`${MANIFEST_DIR}${name}`));
  }
  return files;
}

// A fixed timestamp keeps the zip byte-for-byte the same for the same inputs.
const ZIP_TIME = new Date(Date.UTC(2026, 0, 1));

export async function zipFiles(files: Map<string, Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, content] of files) zip.addBuffer(content, name, { mtime: ZIP_TIME, compress: true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

export async function buildAppPackage(inputs: Pick<PackageInputs, 'appId' | 'teamsAppId' | 'developer'>): Promise<{ zip: Buffer; manifest: TeamsManifest }> {
  const manifest = buildManifest(inputs.appId, { teamsAppId: inputs.teamsAppId, developer: inputs.developer });
  return { zip: await zipFiles(packageFiles(manifest)), manifest };
}
