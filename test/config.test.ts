import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, parseConfig } from '../src/config.js';

// The child runs from a temporary folder, so the loader is named by absolute URL.
const TSX = pathToFileURL(createRequire(join(process.cwd(), 'package.json')).resolve('tsx')).href;
const APP_ID = '2f0c1b9e-8a4d-4c1b-9f7e-3d2a1b0c9e8f';
const TENANT = 'c0ffee00-1234-4abc-8def-0123456789ab';

function failure(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be rejected`);
}

describe('config', () => {
  it('has working defaults for an empty environment', () => {
    const c = parseConfig({});
    expect(c).to.include({
      PORT: 3978,
      HOST: '0.0.0.0',
      MicrosoftAppType: 'MultiTenant',
      STORAGE: 'sqlite',
      SQLITE_PATH: 'data/state.db',
      LOG_LEVEL: 'info',
      DEFAULT_LOCALE: 'en',
      STATE_TTL_DAYS: 30,
    });
    expect(c.MicrosoftAppId).to.equal(undefined);
  });

  it('treats empty strings as unset', () => {
    const c = parseConfig({ PORT: '', MicrosoftAppId: '  ', STORAGE: '' });
    expect(c.PORT).to.equal(3978);
    expect(c.MicrosoftAppId).to.equal(undefined);
    expect(c.STORAGE).to.equal('sqlite');
  });

  const good: Array<[string, Record<string, string>, Record<string, unknown>]> = [
    ['PORT', { PORT: '8080' }, { PORT: 8080 }],
    ['PORT upper bound', { PORT: '65535' }, { PORT: 65535 }],
    ['PORT 0 (any free port)', { PORT: '0' }, { PORT: 0 }],
    ['HOST', { HOST: '127.0.0.1' }, { HOST: '127.0.0.1' }],
    ['MicrosoftAppId + password', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's3cret' }, { MicrosoftAppId: APP_ID }],
    ['SingleTenant', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT }, { MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT }],
    ['UserAssignedMSI without password', { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT }, { MicrosoftAppType: 'UserAssignedMSI' }],
    ['MicrosoftAppType any case', { MicrosoftAppType: 'multitenant' }, { MicrosoftAppType: 'MultiTenant' }],
    ['STORAGE memory', { STORAGE: 'memory' }, { STORAGE: 'memory' }],
    ['STORAGE sqlite path', { STORAGE: 'sqlite', SQLITE_PATH: '/tmp/x.db' }, { SQLITE_PATH: '/tmp/x.db' }],
    ['STORAGE blob', { STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true', BLOB_CONTAINER: 'bot-state' }, { STORAGE: 'blob', BLOB_CONTAINER: 'bot-state' }],
    ['STORAGE blob with an account URL and a managed identity', { STORAGE: 'blob', BLOB_ACCOUNT_URL: 'https://contoso.blob.core.windows.net/', AZURE_CLIENT_ID: APP_ID, BLOB_CONTAINER: 'bot-state' }, { BLOB_ACCOUNT_URL: 'https://contoso.blob.core.windows.net', AZURE_CLIENT_ID: APP_ID }],
    ['BLOB_ACCOUNT_URL path-style (Azurite over TLS)', { STORAGE: 'blob', BLOB_ACCOUNT_URL: 'https://127.0.0.1:10000/devstoreaccount1', AZURE_CLIENT_ID: APP_ID, BLOB_CONTAINER: 'bot-state' }, { BLOB_ACCOUNT_URL: 'https://127.0.0.1:10000/devstoreaccount1' }],
    ['STATE_TTL_DAYS', { STATE_TTL_DAYS: '7' }, { STATE_TTL_DAYS: 7 }],
    ['STATE_TTL_DAYS bounds', { STATE_TTL_DAYS: '3650' }, { STATE_TTL_DAYS: 3650 }],
    ['STATE_TTL_DAYS empty', { STATE_TTL_DAYS: ' ' }, { STATE_TTL_DAYS: 30 }],
    ['REMINDER_SCAN_SECONDS', { REMINDER_SCAN_SECONDS: '1' }, { REMINDER_SCAN_SECONDS: 1 }],
    ['CLOCK_OFFSET unset', {}, { CLOCK_OFFSET: 0, REMINDER_SCAN_SECONDS: 60 }],
    ['CLOCK_OFFSET in days', { CLOCK_OFFSET: '83d' }, { CLOCK_OFFSET: 83 * 86_400_000 }],
    ['CLOCK_OFFSET back in hours', { CLOCK_OFFSET: '-2h' }, { CLOCK_OFFSET: -2 * 3_600_000 }],
    ['CLOCK_OFFSET in seconds', { CLOCK_OFFSET: '+7200000s' }, { CLOCK_OFFSET: 7_200_000_000 }],
    ['LOG_LEVEL', { LOG_LEVEL: 'debug' }, { LOG_LEVEL: 'debug' }],
    ['LOG_LEVEL silent', { LOG_LEVEL: 'silent' }, { LOG_LEVEL: 'silent' }],
    ['DEFAULT_LOCALE zh-TW', { DEFAULT_LOCALE: 'zh-TW' }, { DEFAULT_LOCALE: 'zh-TW' }],
    ['DEFAULT_LOCALE any case', { DEFAULT_LOCALE: 'zh-cn' }, { DEFAULT_LOCALE: 'zh-CN' }],
  ];
  for (const [name, env, expected] of good) {
    it(`accepts ${name}`, () => expect(parseConfig(env)).to.include(expected));
  }

  const bad: Array<[string, Record<string, string>, string, RegExp]> = [
    ['PORT not a number', { PORT: 'abc' }, 'PORT', /1 to 65535/],
    ['PORT negative', { PORT: '-1' }, 'PORT', /1 to 65535/],
    ['PORT too big', { PORT: '70000' }, 'PORT', /1 to 65535/],
    ['PORT fraction', { PORT: '80.5' }, 'PORT', /1 to 65535/],
    ['MicrosoftAppId not a GUID', { MicrosoftAppId: 'my-bot' }, 'MicrosoftAppId', /GUID/],
    ['MicrosoftAppId without password', { MicrosoftAppId: APP_ID }, 'MicrosoftAppPassword', /required/],
    ['MicrosoftAppType unknown', { MicrosoftAppType: 'Tenant' }, 'MicrosoftAppType', /MultiTenant, SingleTenant, UserAssignedMSI/],
    ['SingleTenant without tenant', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId', /required/],
    ['SingleTenant without app id', { MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT }, 'MicrosoftAppId', /required/],
    ['MicrosoftAppTenantId not a GUID', { MicrosoftAppTenantId: 'contoso' }, 'MicrosoftAppTenantId', /GUID/],
    ['STORAGE unknown', { STORAGE: 'redis' }, 'STORAGE', /sqlite, memory, blob/],
    ['STORAGE blob with neither an account URL nor a connection string', { STORAGE: 'blob', BLOB_CONTAINER: 'state' }, 'BLOB_ACCOUNT_URL', /^BLOB_ACCOUNT_URL \(with AZURE_CLIENT_ID, a managed identity\) or BLOB_CONNECTION_STRING .*required when STORAGE=blob/],
    ['STORAGE blob with both an account URL and a connection string', { STORAGE: 'blob', BLOB_CONTAINER: 'state', BLOB_ACCOUNT_URL: 'https://contoso.blob.core.windows.net', AZURE_CLIENT_ID: APP_ID, BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true' }, 'BLOB_ACCOUNT_URL', /^BLOB_ACCOUNT_URL and BLOB_CONNECTION_STRING are both set: set only one/],
    ['BLOB_ACCOUNT_URL without a managed identity', { STORAGE: 'blob', BLOB_CONTAINER: 'state', BLOB_ACCOUNT_URL: 'https://contoso.blob.core.windows.net' }, 'AZURE_CLIENT_ID', /required when BLOB_ACCOUNT_URL is set/],
    ['BLOB_ACCOUNT_URL over plain http', { BLOB_ACCOUNT_URL: 'http://contoso.blob.core.windows.net' }, 'BLOB_ACCOUNT_URL', /must be an https URL/],
    ['BLOB_ACCOUNT_URL over plain http, even to Azurite on loopback', { BLOB_ACCOUNT_URL: 'http://127.0.0.1:10000/devstoreaccount1' }, 'BLOB_ACCOUNT_URL', /must be an https URL/],
    ['BLOB_ACCOUNT_URL with a SAS token', { BLOB_ACCOUNT_URL: 'https://contoso.blob.core.windows.net/?sv=2024-01-01&sig=abc' }, 'BLOB_ACCOUNT_URL', /without a query \(SAS token\)/],
    ['BLOB_ACCOUNT_URL not a URL', { BLOB_ACCOUNT_URL: 'contoso' }, 'BLOB_ACCOUNT_URL', /must be a URL/],
    ['AZURE_CLIENT_ID not a GUID', { AZURE_CLIENT_ID: 'bot-identity' }, 'AZURE_CLIENT_ID', /GUID/],
    ['STORAGE blob without container', { STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true' }, 'BLOB_CONTAINER', /required when STORAGE=blob/],
    ['BLOB_CONTAINER invalid name', { BLOB_CONTAINER: 'Bot_State' }, 'BLOB_CONTAINER', /lowercase/],
    ['STATE_TTL_DAYS zero', { STATE_TTL_DAYS: '0' }, 'STATE_TTL_DAYS', /whole number of days from 1 to 3650/],
    ['STATE_TTL_DAYS not a number', { STATE_TTL_DAYS: '30d' }, 'STATE_TTL_DAYS', /whole number of days/],
    ['STATE_TTL_DAYS too long', { STATE_TTL_DAYS: '3651' }, 'STATE_TTL_DAYS', /from 1 to 3650/],
    ['CLOCK_OFFSET without a unit', { CLOCK_OFFSET: '83' }, 'CLOCK_OFFSET', /unit d, h, m or s/],
    ['CLOCK_OFFSET as a date', { CLOCK_OFFSET: '2027-03-24' }, 'CLOCK_OFFSET', /unit d, h, m or s/],
    ['REMINDER_SCAN_SECONDS zero', { REMINDER_SCAN_SECONDS: '0' }, 'REMINDER_SCAN_SECONDS', /from 1 to 3600/],
    ['LOG_LEVEL unknown', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL', /fatal, error, warn, info, debug, trace, silent/],
    ['DEFAULT_LOCALE unsupported', { DEFAULT_LOCALE: 'de' }, 'DEFAULT_LOCALE', /en, zh-CN, zh-TW/],
  ];
  for (const [name, env, variable, allowed] of bad) {
    it(`rejects ${name}, naming ${variable}`, () => {
      const err = failure(env);
      expect(err.variable).to.equal(variable);
      expect(err.message).to.match(new RegExp(`^${variable} `)).and.match(allowed);
    });
  }
});

describe('start-up with bad configuration', function () {
  this.timeout(30_000);
  const cwd = mkdtempSync(join(tmpdir(), 'csp-config-'));
  const entry = join(process.cwd(), 'src/index.ts');

  function start(env: Record<string, string>, dir = cwd) {
    return spawnSync(process.execPath, ['--no-deprecation', `--import=${TSX}`, entry], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });
  }

  for (const [env, variable] of [
    [{ PORT: 'abc' }, 'PORT'],
    [{ STORAGE: 'blob' }, 'BLOB_ACCOUNT_URL'],
    [{ STORAGE: 'blob', BLOB_CONTAINER: 'bot-state', BLOB_ACCOUNT_URL: 'https://contoso.blob.core.windows.net', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true', AZURE_CLIENT_ID: APP_ID }, 'BLOB_ACCOUNT_URL'],
    [{ STORAGE: 'blob', BLOB_CONTAINER: 'bot-state', BLOB_ACCOUNT_URL: 'https://contoso.blob.core.windows.net' }, 'AZURE_CLIENT_ID'],
  ] as const) {
    it(`exits 1 with one line naming ${variable} (given ${Object.keys(env).join(', ')})`, () => {
      const r = start(env);
      expect(r.status).to.equal(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).to.have.length(1);
      expect(lines[0]).to.match(new RegExp(`^Configuration error: ${variable} `));
      expect(r.stderr).not.to.match(/\bat .*\.(ts|js):\d+/);
    });
  }

  it('exits 1 with one line when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const { port } = blocker.address() as AddressInfo;
    try {
      const r = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--no-deprecation', `--import=${TSX}`, entry], {
          cwd,
          env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', STORAGE: 'memory', LOG_LEVEL: 'silent' },
        });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (status) => resolve({ status, stderr }));
      });
      expect(r.status).to.equal(1);
      expect(r.stderr.trim().split('\n')).to.deep.equal([`Start-up error: port ${port} is already in use. Set PORT (or HOST) to a free one.`]);
    } finally {
      blocker.close();
    }
  });

  it('reads a .env file, and the real environment wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csp-dotenv-'));
    writeFileSync(join(dir, '.env'), 'STORAGE=nosuch\nLOG_LEVEL=loud\n');
    const fromFile = start({}, dir);
    expect(fromFile.status).to.equal(1);
    expect(fromFile.stderr).to.match(/^Configuration error: STORAGE /);
    const overridden = start({ STORAGE: 'memory' }, dir);
    expect(overridden.status).to.equal(1);
    expect(overridden.stderr).to.match(/^Configuration error: LOG_LEVEL /);
  });
});
