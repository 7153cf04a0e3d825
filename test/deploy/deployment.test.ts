// Deployment as code, checked offline (CI has no Azure subscription, no Microsoft 365 tenant, no Bicep
// compiler): the Agents Toolkit project files against the toolkit's own schema, every ${{VAR}} they use
// against what the env samples define or an earlier action writes, infra/azure.bicep's parameters and
// outputs against the parameters file and the yml, its App Service settings against the bot's own
// configuration schema, and each packaging step of the yml run for real.
import { Ajv } from 'ajv';
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };
import { ConfigSchema, parseConfig } from '../../src/config.js';
import { manifestProblems } from '../manifest/schemas.js';
import { unzip } from '../manifest/unzip.js';
import {
  LIFECYCLES,
  PROJECTS,
  ROOT,
  appSettings,
  bicepOutputs,
  bicepParams,
  placeholders,
  read,
  readEnvFile,
  readProject,
  resolve,
  type Action,
  type Project,
} from './toolkitProject.js';

const SCHEMA = JSON.parse(read('test/deploy/schemas/m365agents-v1.12.yaml.schema.json')) as Record<string, unknown>;
const validateProject = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(SCHEMA);
const schemaProblems = (project: unknown) =>
  validateProject(project) ? [] : (validateProject.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);

const BICEP = read('infra/azure.bicep');
const README = read('README.md');
/** Built-in variables the toolkit asks for (subscription, resource group) or makes (suffix) when empty, or may be empty. */
const TOOLKIT_FILLS = ['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'RESOURCE_SUFFIX', 'APP_NAME_SUFFIX'];
/** Left empty in the samples for the admin to set before `atk provision` (the README's Deploy section says so). */
const ADMIN_SETS: Record<string, string[]> = {
  dev: ['APP_DEVELOPER_NAME', 'APP_WEBSITE_URL', 'APP_PRIVACY_URL', 'APP_TERMS_URL'],
  local: ['BOT_ENDPOINT'],
};
const PARAMETERS_FILE = 'infra/azure.parameters.json';
const parametersJson = () => JSON.parse(read(PARAMETERS_FILE)) as { parameters: Record<string, { value: unknown }> };

/** Every arm/deploy template of a project: the Bicep file and its parameters file, as paths from the repo root. */
function armTemplates(project: Project): Array<{ path: string; parameters?: string }> {
  return LIFECYCLES.flatMap((l) => project[l] ?? [])
    .filter((a) => a.uses === 'arm/deploy')
    .flatMap((a) => (a.with?.templates ?? []) as Array<{ path: string; parameters?: string }>)
    .map((t) => ({ path: t.path.replace(/^\.\//, ''), parameters: t.parameters?.replace(/^\.\//, '') }));
}

/** What an action leaves in the env file for the steps after it (and the lifecycles after its own). */
function written(action: Action): string[] {
  const outputs = action.uses === 'arm/deploy' ? armTemplates({ provision: [action] } as Project).flatMap((t) => bicepOutputs(read(t.path))) : [];
  return [...Object.values(action.writeToEnvironmentFile ?? {}), ...outputs];
}

describe('Agents Toolkit project files (m365agents*.yml)', () => {
  for (const { file, env } of PROJECTS) {
    describe(file, () => {
      const project = readProject(file);

      it(`is valid against the toolkit's ${project.version} schema (vendored from @microsoft/teamsfx-core)`, () => {
        expect(project.version).to.equal('v1.12');
        expect(schemaProblems(project)).to.deep.equal([]);
      });

      it(`uses only variables that env/.env.${env} sets, an earlier action writes, the toolkit fills, or the README asks the admin to set`, () => {
        const sample = readEnvFile(env);
        // The toolkit resolves an empty value as missing and stops, so an empty key in the sample is not enough.
        const defined = new Set([
          ...Object.keys(sample).filter((name) => sample[name] !== ''),
          ...TOOLKIT_FILLS.filter((name) => name in sample),
          ...(ADMIN_SETS[env] ?? []).filter((name) => name in sample),
        ]);
        const missing: string[] = [];
        for (const lifecycle of LIFECYCLES) {
          for (const action of project[lifecycle] ?? []) {
            const used = [...placeholders(action), ...armTemplates({ provision: [action] } as Project).flatMap((t) => (t.parameters ? placeholders(read(t.parameters)) : []))];
            for (const name of used) if (!defined.has(name)) missing.push(`${lifecycle}/${action.name ?? action.uses}: ${name}`);
            for (const name of written(action)) defined.add(name);
          }
        }
        expect(missing).to.deep.equal([]);
        for (const name of ADMIN_SETS[env] ?? []) expect(README, `README names ${name}`).to.include(name);
      });

      it(`env/.env.${env} holds no secret (the toolkit writes those to env/.env.${env}.user, which git ignores)`, () => {
        for (const [name, value] of Object.entries(readEnvFile(env))) {
          expect(name, name).to.not.match(/^SECRET_|PASSWORD|CONNECTION_STRING|ACCOUNT_KEY/i);
          expect(value, name).to.not.match(/AccountKey=|SharedAccessSignature|sig=/i);
        }
        const ignored = spawnSync('git', ['check-ignore', '-q', `env/.env.${env}.user`], { cwd: fileURLToPath(ROOT) });
        expect(ignored.status, `git check-ignore env/.env.${env}.user`).to.equal(0);
      });
    });
  }

  it('the schema check is real: an unknown action, a missing argument and a wrong version are refused', () => {
    const broken = readProject('m365agents.yml');
    broken.version = 'v1.0';
    broken.provision = [{ uses: 'teamsApp/creat', with: { name: 'x' } }, { uses: 'azureAppService/zipDeploy', with: { resourceId: 'x' } }];
    const problems = schemaProblems(broken).join('\n');
    expect(problems).to.match(/\/version/).and.to.match(/\/provision\/0/).and.to.match(/artifactFolder/);
  });

  it('the variable check is real: a variable nothing defines or writes is found', () => {
    const action: Action = { uses: 'cli/runNpmCommand', env: { X: '${{ NOT_DEFINED_ANYWHERE }}' }, with: { args: 'run x' } };
    expect(placeholders(action)).to.deep.equal(['NOT_DEFINED_ANYWHERE']);
    expect(Object.keys(readEnvFile('dev'))).to.not.include('NOT_DEFINED_ANYWHERE');
  });

  it('m365agents.yml deploys infra/azure.bicep with infra/azure.parameters.json, and the zip deploy gets the App Service the Bicep outputs', () => {
    const project = readProject('m365agents.yml');
    expect(armTemplates(project)).to.deep.equal([{ path: 'infra/azure.bicep', parameters: PARAMETERS_FILE }]);
    const zipDeploy = (project.deploy ?? []).find((a) => a.uses === 'azureAppService/zipDeploy')!;
    expect(zipDeploy.with).to.deep.include({ artifactFolder: './build/app', resourceId: '${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}' });
    expect(bicepOutputs(BICEP)).to.include.members(['BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_ID', 'BOT_DOMAIN', 'BOT_TENANT_ID']);
    // The folder it uploads is what `npm run bundle` writes, built just before.
    const runs = (project.deploy ?? []).filter((a) => a.uses === 'cli/runNpmCommand').map((a) => a.with?.args);
    expect(runs).to.deep.equal(['ci --no-fund --no-audit', 'run bundle']);
    expect(pkg.scripts.bundle).to.include('scripts/bundle.ts');
    expect(read('scripts/bundle.ts')).to.include("'build/app'");
  });
});

describe('infra/azure.bicep', () => {
  const params = bicepParams(BICEP);

  it('its parameters and infra/azure.parameters.json match: every value is a parameter, every required parameter has a value', () => {
    const given = Object.keys(parametersJson().parameters);
    expect(given.filter((name) => !params.some((p) => p.name === name)), 'values for no parameter').to.deep.equal([]);
    expect(params.filter((p) => !p.hasDefault && !given.includes(p.name)).map((p) => p.name), 'required parameters without a value').to.deep.equal([]);
    expect(params.map((p) => p.name)).to.include.members(['resourceBaseName', 'botDisplayName']);
  });

  it('the parameter parser is real: it sees each param line and whether it has a default', () => {
    expect(bicepParams("@minLength(4)\nparam a string\nparam b int = 3\n// param c string\nparam d bool=true")).to.deep.equal([
      { name: 'a', type: 'string', hasDefault: false },
      { name: 'b', type: 'int', hasDefault: true },
      { name: 'd', type: 'bool', hasDefault: true },
    ]);
  });

  it('string parameters get strings, and a resource base name the Bicep accepts (4-20 characters)', () => {
    const values = parametersJson().parameters;
    for (const p of params.filter((q) => q.name in values)) {
      if (p.type === 'string') expect(values[p.name]!.value, p.name).to.be.a('string');
    }
    const base = resolve(String(values.resourceBaseName!.value), { RESOURCE_SUFFIX: 'a1b2c3' });
    expect(base.length).to.be.within(4, 20);
  });

  it("sets App Service's settings to variables the bot reads, which its configuration accepts as a keyless Blob setup", () => {
    const settings = appSettings(BICEP);
    const known = Object.keys(ConfigSchema.innerType().shape);
    const platform = ['WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT'];
    expect([...settings.keys()].filter((name) => !known.includes(name) && !platform.includes(name)), 'settings no one reads').to.deep.equal([]);

    // The values Azure fills in at deployment, as they look there.
    const deployed: Record<string, string> = {
      'identity.properties.clientId': '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
      'identity.properties.tenantId': 'c0ffee00-1234-4abc-8def-0123456789ab',
      'storage.properties.primaryEndpoints.blob': 'https://cspmovea1b2c3xyz.blob.core.windows.net/',
      blobContainerName: 'bot-state',
      'string(stateTtlDays)': '30',
    };
    const env = Object.fromEntries([...settings].map(([name, value]) => [name, /^'.*'$/.test(value) ? value.slice(1, -1) : deployed[value]]));
    expect(Object.entries(env).filter(([, v]) => v === undefined).map(([k]) => k), 'settings this test cannot fill').to.deep.equal([]);
    const config = parseConfig(env);
    expect(config).to.include({
      STORAGE: 'blob',
      MicrosoftAppType: 'UserAssignedMSI',
      BLOB_ACCOUNT_URL: 'https://cspmovea1b2c3xyz.blob.core.windows.net',
      BLOB_CONTAINER: 'bot-state',
    });
    expect(config.AZURE_CLIENT_ID).to.equal(config.MicrosoftAppId);
    expect(config.BLOB_CONNECTION_STRING).to.equal(undefined);
  });

  it('keeps no key anywhere: shared keys and public blob access off, TLS 1.2, the identity gets Storage Blob Data Contributor', () => {
    expect(BICEP).to.match(/allowSharedKeyAccess: false/).and.match(/allowBlobPublicAccess: false/).and.match(/minimumTlsVersion: 'TLS1_2'/);
    expect(BICEP).to.match(/publicAccess: 'None'/);
    // ba92f5b4-…: the built-in role's id, the same in every tenant.
    expect(BICEP).to.match(/storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'/);
    expect(BICEP).to.match(/principalId: identity\.properties\.principalId/);
    expect(BICEP).to.not.match(/listKeys|AccountKey|connectionString|MicrosoftAppPassword/i);
  });

  it('runs the bot as the bundle is built, with /readyz as health check, and registers it as a UserAssignedMSI bot in Teams', () => {
    expect(BICEP).to.match(/httpsOnly: true/).and.match(/alwaysOn: true/).and.match(/healthCheckPath: '\/readyz'/);
    expect(BICEP).to.match(/linuxFxVersion string = 'NODE\|(22|24)-lts'/);
    expect(appSettings(BICEP).get('WEBSITE_RUN_FROM_PACKAGE')).to.equal("'1'");
    // The same entry `npm start` runs, without its build step.
    const entry = /appCommandLine: 'node --no-deprecation (\S+)'/.exec(BICEP)?.[1];
    expect(pkg.scripts.start).to.equal(`node --no-deprecation ${entry}`);
    expect(BICEP).to.match(/msaAppType: 'UserAssignedMSI'/).and.match(/msaAppMSIResourceId: identity\.id/).and.match(/channelName: 'MsTeamsChannel'/);
    expect(BICEP).to.match(/endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
  });
});

describe('the packaging steps of the yml files, run as the toolkit runs them', function () {
  this.timeout(60_000);
  const TSX = import.meta.resolve('tsx');
  const SCRIPT = fileURLToPath(new URL('scripts/package.ts', ROOT));
  // What provision writes, and what an admin sets in env/.env.dev.
  const VALUES: Record<string, string> = {
    BOT_ID: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
    TEAMS_APP_ID: '0a9b8c7d-6e5f-4a3b-8c1d-0e9f8a7b6c5d',
    APP_DEVELOPER_NAME: 'Contoso Cloud Services',
    APP_WEBSITE_URL: 'https://contoso.com/csp-move',
    APP_PRIVACY_URL: 'https://contoso.com/privacy',
    APP_TERMS_URL: 'https://contoso.com/terms',
  };
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'csp-atk-package-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const { file } of PROJECTS) {
    const project = readProject(file);
    const steps = LIFECYCLES.flatMap((l) => (project[l] ?? []).map((action) => ({ lifecycle: l, action }))).filter(
      ({ action }) => action.uses === 'cli/runNpmCommand' && String(action.with?.args).startsWith('run package'),
    );
    for (const { lifecycle, action } of steps) {
      it(`${file} ${lifecycle}: "npm ${String(action.with?.args)}" with the step's env writes a package that validates, for the ids provision wrote`, async () => {
        const env = Object.fromEntries(Object.entries(action.env ?? {}).map(([k, v]) => [k, resolve(v, VALUES)]));
        const args = String(action.with?.args).split(' ').slice(2).filter((a) => a !== '--');
        const run = spawnSync(process.execPath, [`--import=${TSX}`, '--no-deprecation', SCRIPT, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
        expect(run.status, run.stderr).to.equal(0);
        const manifest = JSON.parse(unzip(readFileSync(join(dir, 'build/appPackage.zip'))).get('manifest.json')!.toString('utf8')) as { id: string; bots: Array<{ botId: string }> };
        expect(manifest.id).to.equal(VALUES.TEAMS_APP_ID);
        expect(manifest.bots[0]!.botId).to.equal(VALUES.BOT_ID);
        expect(await manifestProblems(manifest)).to.deep.equal([]);
        // The steps after it read the zip the script wrote.
        const next = (project[lifecycle] ?? []).filter((a) => a.uses.startsWith('teamsApp/') && a.with?.appPackagePath);
        for (const a of next) expect(a.with?.appPackagePath, a.uses).to.equal('./build/appPackage.zip');
        expect(existsSync(join(dir, 'build/appPackage.zip'))).to.equal(true);
      });
    }
  }

  it('m365agents.yml refuses to package a placeholder publisher: its steps pass no --allow-placeholders', () => {
    const project = readProject('m365agents.yml');
    const args = LIFECYCLES.flatMap((l) => project[l] ?? []).map((a) => String(a.with?.args ?? ''));
    expect(args.filter((a) => a.startsWith('run package'))).to.have.length(2);
    expect(args.join(' ')).to.not.include('--allow-placeholders');
  });
});
