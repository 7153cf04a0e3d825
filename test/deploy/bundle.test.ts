// `npm run bundle` → build/app, the folder App Service runs as uploaded: it must start with nothing but what
// is in it (no dev dependency, no build step), the way infra/azure.bicep starts it. Install scripts are skipped
// here to keep this quick (no SQLite compile: the bundle is started on memory storage, which never loads it;
// botbuilder-dialogs' postinstall only deletes nested duplicate copies of a recognizer package), and npm takes
// packages from its cache where it can.
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listeningUrl } from '../support/listening.js';
import { ROOT } from './toolkitProject.js';

const APP = fileURLToPath(new URL('build/app/', ROOT));

describe('npm run bundle (what App Service runs)', function () {
  this.timeout(180_000);
  let bundled: ReturnType<typeof spawnSync>;
  before(() => {
    bundled = spawnSync('npm', ['run', 'bundle'], {
      cwd: fileURLToPath(ROOT),
      env: { ...process.env, npm_config_ignore_scripts: 'true', npm_config_prefer_offline: 'true' },
      encoding: 'utf8',
    });
  });

  it('writes build/app: the compiled bot and production dependencies only', () => {
    expect(bundled.status, String(bundled.stderr)).to.equal(0);
    expect(String(bundled.stdout)).to.match(/Wrote build\/app: .*node --no-deprecation dist\/src\/index\.js/);
    expect(existsSync(join(APP, 'dist/src/index.js'))).to.equal(true);
    const pkg = JSON.parse(readFileSync(join(APP, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const name of Object.keys(pkg.dependencies)) expect(existsSync(join(APP, 'node_modules', name)), name).to.equal(true);
    for (const name of ['typescript-eslint', 'mocha', 'azurite', 'tsx', '@microsoft/m365agentsplayground']) {
      expect(existsSync(join(APP, 'node_modules', name)), `${name} (a dev dependency)`).to.equal(false);
    }
    expect(existsSync(join(APP, 'src')), 'no TypeScript sources').to.equal(false);
  });

  it('starts from that folder alone as App Service starts it, and answers /healthz and /readyz', async () => {
    const child = spawn(process.execPath, ['--no-deprecation', 'dist/src/index.js'], {
      cwd: APP,
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', STORAGE: 'memory', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await listeningUrl(child);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).to.equal(200);
      expect(await health.json()).to.include({ status: 'ok' });
      expect((await fetch(`${url}/readyz`)).status).to.equal(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
