// npm run package → build/appPackage.zip, ready to upload to Teams (or the Teams admin center).
// Reads, from the environment or .env: MicrosoftAppId (the bot), TEAMS_APP_ID (optional), and the publisher
// Teams shows: APP_DEVELOPER_NAME, APP_WEBSITE_URL, APP_PRIVACY_URL, APP_TERMS_URL.
// `npm run package -- --allow-placeholders` fills missing publisher values from the template (example.com),
// for a package that is only tested locally.
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadDotEnv } from '../src/config.js';
import { buildAppPackage, packageInputsFrom, PackageError } from './appPackage.js';

const OUTPUT = 'build/appPackage.zip';

try {
  const { values } = parseArgs({ options: { 'allow-placeholders': { type: 'boolean', default: false } } });
  loadDotEnv();
  const inputs = packageInputsFrom(process.env, { allowPlaceholders: values['allow-placeholders'] });
  const { zip, manifest } = await buildAppPackage(inputs);
  mkdirSync('build', { recursive: true });
  writeFileSync(OUTPUT, zip);
  process.stdout.write(`Wrote ${relative(process.cwd(), OUTPUT)}: Teams app ${manifest.id} ${manifest.version} (manifest ${manifest.manifestVersion}) for bot ${inputs.appId}\n`);
  if (inputs.placeholders.length > 0) {
    process.stdout.write(`Note: placeholders for ${inputs.placeholders.join(', ')} (--allow-placeholders): test this package locally, do not publish it.\n`);
  }
} catch (err) {
  // One line an admin can act on; anything else is a bug worth its stack.
  const known = err instanceof PackageError || err instanceof ConfigError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  if (!known) throw err;
  process.stderr.write(`Cannot build the Teams app package: ${(err as Error).message}\n`);
  process.exit(1);
}
