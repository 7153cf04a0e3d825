// npm run package → build/appPackage.zip, ready to upload to Teams (or the Teams admin center).
// The bot's app id comes from MicrosoftAppId in the environment or .env, as for the bot itself.
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { loadDotEnv } from '../src/config.js';
import { appIdFrom, buildAppPackage, PackageError } from './appPackage.js';

const OUTPUT = 'build/appPackage.zip';

try {
  loadDotEnv();
  const { zip, manifest } = await buildAppPackage(appIdFrom(process.env));
  mkdirSync('build', { recursive: true });
  writeFileSync(OUTPUT, zip);
  process.stdout.write(`Wrote ${relative(process.cwd(), OUTPUT)}: Teams app ${manifest.version} (manifest ${manifest.manifestVersion}) for bot ${manifest.id}\n`);
  const developer = manifest.developer as { websiteUrl?: string } | undefined;
  if (developer?.websiteUrl?.includes('example.com')) {
    process.stdout.write('Note: the developer links in manifest/manifest.json are placeholders; set your own before publishing to your org.\n');
  }
} catch (err) {
  // One line an admin can act on; anything else is a bug worth its stack.
  if (!(err instanceof PackageError)) throw err;
  process.stderr.write(`Cannot build the Teams app package: ${err.message}\n`);
  process.exit(1);
}
