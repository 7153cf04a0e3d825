// The schemas the manifest and its localization files are checked against, all offline.
import { AppManifestUtils } from '@microsoft/app-manifest';
import { Ajv } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const BUNDLED = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams/v1.30');

/** The reference copy CI keeps beside the repository; a clone without it skips that check. */
export const SHARED_MANIFEST_SCHEMA = fileURLToPath(new URL('../../../shared/schemas/teams-manifest-1.30.schema.json', import.meta.url));

/** Problems of a manifest against the v1.30 schema @microsoft/app-manifest bundles (found from its $schema). */
export async function manifestProblems(manifest: object): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as never);
}

export async function sharedSchemaProblems(manifest: object): Promise<string[] | undefined> {
  if (!existsSync(SHARED_MANIFEST_SCHEMA)) return undefined;
  return AppManifestUtils.validateAgainstSchema(manifest as never, JSON.parse(readFileSync(SHARED_MANIFEST_SCHEMA, 'utf8')));
}

/**
 * Problems of a localization file against the bundled MicrosoftTeams.Localization.schema.json.
 * Its key patterns are not valid as unicode regular expressions (`\b]`), which is how the package's own
 * validator compiles them, so compile it here without the u flag; its draft-04 keywords are draft-07 ones too.
 */
export function localizationProblems(file: object): string[] {
  const schema = JSON.parse(readFileSync(join(BUNDLED, 'MicrosoftTeams.Localization.schema.json'), 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);
  return validate(file) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
