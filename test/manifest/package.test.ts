// `npm run package` as an admin runs it: in a folder with (or without) a .env, it writes
// build/appPackage.zip, or stops with one line saying what to fix.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_DIR } from '../../scripts/icons.js';
import { manifestProblems } from './schemas.js';
import { unzip } from './unzip.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/package.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const APP_ID = '9d4b1f2a-7c3e-4e5f-8a6b-0c1d2e3f4a5b';

/** Runs the packaging script in `cwd` with exactly the given variables (nothing inherited from this shell). */
function runPackage(cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [`--import=${TSX}`, '--no-deprecation', SCRIPT], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run package', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'csp-package-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('without MicrosoftAppId: exit 1 and one line naming the variable, no zip', () => {
    const run = runPackage(dir);
    expect(run.code).to.equal(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).to.have.length(1);
    expect(lines[0]).to.match(/^Cannot build the Teams app package: MicrosoftAppId is not set/);
    expect(() => readFileSync(join(dir, 'build/appPackage.zip'))).to.throw();
  });

  it('with a malformed MicrosoftAppId: exit 1 and one line asking for a GUID', () => {
    const run = runPackage(dir, { MicrosoftAppId: 'my-bot' });
    expect(run.code).to.equal(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).to.have.length(1);
    expect(lines[0]).to.match(/^Cannot build the Teams app package: MicrosoftAppId must be .*GUID.*"my-bot"/);
  });

  it('with the id in .env: a zip holding the manifest, both icons and both localization files, that validates', async () => {
    writeFileSync(join(dir, '.env'), `MicrosoftAppId=${APP_ID}\n`);
    const run = runPackage(dir);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.include('build/appPackage.zip');

    const files = unzip(readFileSync(join(dir, 'build/appPackage.zip')));
    expect([...files.keys()]).to.have.members(['manifest.json', 'color.png', 'outline.png', 'zh-cn.json', 'zh-tw.json']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { id: string; bots: Array<{ botId: string }> };
    expect(manifest.id).to.equal(APP_ID);
    expect(manifest.bots[0]!.botId).to.equal(APP_ID);
    expect(await manifestProblems(manifest)).to.deep.equal([]);
    for (const name of ['color.png', 'outline.png', 'zh-cn.json', 'zh-tw.json']) {
      expect(Buffer.compare(files.get(name)!, readFileSync(`${MANIFEST_DIR}${name}`)), name).to.equal(0);
    }
  });

  it('the environment wins over .env, and the same inputs give the same zip byte for byte', () => {
    writeFileSync(join(dir, '.env'), 'MicrosoftAppId=not-this-one\n');
    expect(runPackage(dir, { MicrosoftAppId: APP_ID }).code).to.equal(0);
    const first = readFileSync(join(dir, 'build/appPackage.zip'));
    expect(runPackage(dir, { MicrosoftAppId: APP_ID }).code).to.equal(0);
    expect(Buffer.compare(first, readFileSync(join(dir, 'build/appPackage.zip')))).to.equal(0);
    expect(JSON.parse(unzip(first).get('manifest.json')!.toString('utf8')).id).to.equal(APP_ID);
  });
});
