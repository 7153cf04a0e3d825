// npm run bundle → build/app/: what App Service runs, and nothing else: the compiled bot (dist/) and its
// production dependencies, installed from the lock file. infra/azure.bicep runs it from the zip as deployed
// (WEBSITE_RUN_FROM_PACKAGE: read-only, no build on the server) with `node --no-deprecation dist/src/index.js`,
// not `npm start`, whose prestart would try to compile it again without the compiler.
// Native modules (better-sqlite3) are built for this machine's OS and Node: bundle on Linux x64 with the Node
// major App Service runs when you use STORAGE=sqlite there. With STORAGE=blob (the Bicep's) it is never loaded.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const BUNDLE_DIR = 'build/app';
const ENTRY = 'dist/src/index.js';
// .npmrc: `yes=true`, which botbuilder-dialogs' install script needs without a terminal.
const PROJECT_FILES = ['package.json', 'package-lock.json', '.npmrc'];

function run(command: string, args: string[], cwd = '.'): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`Cannot bundle the app: ${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(1);
  }
}

rmSync(BUNDLE_DIR, { recursive: true, force: true });
mkdirSync(BUNDLE_DIR, { recursive: true });
run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', join(BUNDLE_DIR, 'dist')]);
for (const file of PROJECT_FILES) copyFileSync(file, join(BUNDLE_DIR, file));
// npm itself, as `npm run` started us (npm_execpath), so the same npm installs on every OS.
const npm = process.env.npm_execpath;
if (npm) run(process.execPath, [npm, 'ci', '--omit=dev', '--no-fund', '--no-audit'], BUNDLE_DIR);
else run('npm', ['ci', '--omit=dev', '--no-fund', '--no-audit'], BUNDLE_DIR);
if (!existsSync(join(BUNDLE_DIR, ENTRY))) {
  process.stderr.write(`Cannot bundle the app: ${ENTRY} was not built.\n`);
  process.exit(1);
}
process.stdout.write(`Wrote ${BUNDLE_DIR}: dist/ and the production node_modules; App Service starts it with node --no-deprecation ${ENTRY}\n`);
