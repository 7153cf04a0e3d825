// The Teams app package: manifest/manifest.json filled with the bot's app id and the project's version,
// zipped flat with both icons and the manifest's localization files (the layout Teams expects).
import { readFileSync } from 'node:fs';
import { ZipFile } from 'yazl';
import pkg from '../package.json' with { type: 'json' };
import { ConfigSchema } from '../src/config.js';
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

/** manifest/manifest.json as committed: `id`, `botId` and `version` hold placeholders until packaging. */
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

/** The manifest Teams will read: one id for the app and its bot (as the README's Deploy steps assume). */
export function buildManifest(appId: string, version: string = pkg.version): TeamsManifest {
  const manifest = readManifestTemplate();
  manifest.id = appId;
  manifest.version = version;
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

export async function buildAppPackage(appId: string): Promise<{ zip: Buffer; manifest: TeamsManifest }> {
  const manifest = buildManifest(appId);
  return { zip: await zipFiles(packageFiles(manifest)), manifest };
}
