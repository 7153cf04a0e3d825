// `npm run package` as an admin runs it: in a folder with (or without) a .env, it writes
// build/appPackage.zip with the ids and the publisher from the environment, or stops with one line saying
// what to fix. The template's example.com publisher only goes into a package with --allow-placeholders.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_DIR } from '../../scripts/icons.js';
import { manifestProblems } from './schemas.js';
import { unzip } from './unzip.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/package.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const APP_ID = '9d4b1f2a-7c3e-4e5f-8a6b-0c1d2e3f4a5b';
const TEAMS_APP_ID = '5e1c0a7b-2d3f-4a8b-9c6d-7e8f9a0b1c2d';
const PUBLISHER = {
  APP_DEVELOPER_NAME: 'Contoso Cloud Services',
  APP_WEBSITE_URL: 'https://contoso.com/csp-move',
  APP_PRIVACY_URL: 'https://contoso.com/privacy',
  APP_TERMS_URL: 'https://contoso.com/terms',
};
const dotEnv = (values: Record<string, string>) => Object.entries(values).map(([k, v]) => `${k}=${v}\n`).join('');

/** Runs the packaging script in `cwd` with exactly the given variables (nothing inherited from this shell). */
function runPackage(cwd: string, env: Record<string, string> = {}, args: string[] = []) {
  const result = spawnSync(process.execPath, [`--import=${TSX}`, '--no-deprecation', SCRIPT, ...args], {
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

  it('with the id and the publisher in .env: a zip holding the manifest, both icons and both localization files, that validates', async () => {
    writeFileSync(join(dir, '.env'), dotEnv({ MicrosoftAppId: APP_ID, ...PUBLISHER }));
    const run = runPackage(dir);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.include('build/appPackage.zip');
    expect(run.stdout).to.not.include('placeholder');

    const files = unzip(readFileSync(join(dir, 'build/appPackage.zip')));
    expect([...files.keys()]).to.have.members(['manifest.json', 'color.png', 'outline.png', 'zh-cn.json', 'zh-tw.json']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { id: string; bots: Array<{ botId: string }>; developer: unknown };
    expect(manifest.id).to.equal(APP_ID);
    expect(manifest.bots[0]!.botId).to.equal(APP_ID);
    expect(manifest.developer).to.deep.equal({
      name: PUBLISHER.APP_DEVELOPER_NAME,
      websiteUrl: PUBLISHER.APP_WEBSITE_URL,
      privacyUrl: PUBLISHER.APP_PRIVACY_URL,
      termsOfUseUrl: PUBLISHER.APP_TERMS_URL,
    });
    expect(await manifestProblems(manifest)).to.deep.equal([]);
    for (const name of ['color.png', 'outline.png', 'zh-cn.json', 'zh-tw.json']) {
      expect(Buffer.compare(files.get(name)!, readFileSync(`${MANIFEST_DIR}${name}`)), name).to.equal(0);
    }
  });

  it('the environment wins over .env, and the same inputs give the same zip byte for byte', () => {
    writeFileSync(join(dir, '.env'), dotEnv({ MicrosoftAppId: 'not-this-one', ...PUBLISHER }));
    expect(runPackage(dir, { MicrosoftAppId: APP_ID }).code).to.equal(0);
    const first = readFileSync(join(dir, 'build/appPackage.zip'));
    expect(runPackage(dir, { MicrosoftAppId: APP_ID }).code).to.equal(0);
    expect(Buffer.compare(first, readFileSync(join(dir, 'build/appPackage.zip')))).to.equal(0);
    expect(JSON.parse(unzip(first).get('manifest.json')!.toString('utf8')).id).to.equal(APP_ID);
  });

  it('TEAMS_APP_ID (the Agents Toolkit registers the app under its own id) is the app id; the bot keeps MicrosoftAppId', () => {
    const run = runPackage(dir, { MicrosoftAppId: APP_ID, TEAMS_APP_ID, ...PUBLISHER });
    expect(run.code, run.stderr).to.equal(0);
    const manifest = JSON.parse(unzip(readFileSync(join(dir, 'build/appPackage.zip'))).get('manifest.json')!.toString('utf8')) as { id: string; bots: Array<{ botId: string }> };
    expect(manifest.id).to.equal(TEAMS_APP_ID);
    expect(manifest.bots[0]!.botId).to.equal(APP_ID);
  });

  const refusals: Array<[string, Record<string, string>, RegExp]> = [
    ['no publisher at all', {}, /^Cannot build the Teams app package: APP_DEVELOPER_NAME is not set: .*--allow-placeholders/],
    ['no privacy page', { ...PUBLISHER, APP_PRIVACY_URL: '' }, /^Cannot build the Teams app package: APP_PRIVACY_URL is not set/],
    ['the template\'s example.com page', { ...PUBLISHER, APP_TERMS_URL: 'https://www.example.com/csp-move-assistant/terms' }, /^Cannot build the Teams app package: APP_TERMS_URL is a placeholder \(www\.example\.com\)/],
    ['an example.org page', { ...PUBLISHER, APP_WEBSITE_URL: 'https://example.org/' }, /^Cannot build the Teams app package: APP_WEBSITE_URL is a placeholder/],
    ['a plain http page', { ...PUBLISHER, APP_PRIVACY_URL: 'http://contoso.com/privacy' }, /^Cannot build the Teams app package: APP_PRIVACY_URL must be an https URL/],
    ['a publisher name longer than Teams shows', { ...PUBLISHER, APP_DEVELOPER_NAME: 'Contoso Cloud Services International Ltd' }, /^Cannot build the Teams app package: APP_DEVELOPER_NAME must be at most 32 characters/],
    ['a TEAMS_APP_ID that is not a GUID', { ...PUBLISHER, TEAMS_APP_ID: 'csp-move' }, /^Cannot build the Teams app package: TEAMS_APP_ID must be a GUID/],
  ];
  for (const [name, env, message] of refusals) {
    it(`refuses ${name}: exit 1, one line naming the variable, no zip`, () => {
      const run = runPackage(dir, { MicrosoftAppId: APP_ID, ...env });
      expect(run.code).to.equal(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines, run.stderr).to.have.length(1);
      expect(lines[0]).to.match(message);
      expect(existsSync(join(dir, 'build/appPackage.zip'))).to.equal(false);
    });
  }

  it('--allow-placeholders: a local test package with the template\'s publisher, valid, and a note not to publish it', async () => {
    const run = runPackage(dir, { MicrosoftAppId: APP_ID, APP_DEVELOPER_NAME: 'Contoso test' }, ['--allow-placeholders']);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/Note: placeholders for APP_WEBSITE_URL, APP_PRIVACY_URL, APP_TERMS_URL .*do not publish/);
    const manifest = JSON.parse(unzip(readFileSync(join(dir, 'build/appPackage.zip'))).get('manifest.json')!.toString('utf8')) as { developer: { name: string; websiteUrl: string } };
    expect(manifest.developer.name).to.equal('Contoso test');
    expect(new URL(manifest.developer.websiteUrl).hostname).to.equal('www.example.com');
    expect(await manifestProblems(manifest)).to.deep.equal([]);
  });

  it('an unknown option: exit 1 with one line', () => {
    const run = runPackage(dir, { MicrosoftAppId: APP_ID, ...PUBLISHER }, ['--allow-placeholder']);
    expect(run.code).to.equal(1);
    expect(run.stderr.trim().split('\n')).to.have.length(1);
    expect(run.stderr).to.match(/^Cannot build the Teams app package: .*--allow-placeholder/);
  });
});
