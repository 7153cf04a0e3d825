// The Teams app manifest as `npm run package` writes it: valid v1.30, one id for app and bot, the
// project's version, a bot in every scope with its commands, and nothing that only works online.
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import pkg from '../../package.json' with { type: 'json' };
import { LINK_URLS } from '../../src/guidance/links.js';
import { MANIFEST_DIR } from '../../scripts/icons.js';
import { buildManifest, readManifestTemplate } from '../../scripts/appPackage.js';
import { manifestProblems, sharedSchemaProblems } from './schemas.js';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const SCHEMA_V130 = 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.30/MicrosoftTeams.schema.json';
// The manifest schema's own semver pattern (its `version` property only checks the length).
const SEMVER = /^([0-9]|[1-9]+[0-9]*)\.([0-9]|[1-9]+[0-9]*)\.([0-9]|[1-9]+[0-9]*)$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('Teams app manifest', () => {
  const manifest = buildManifest(APP_ID);
  const bot = manifest.bots[0]!;

  it('validates offline against the v1.30 schema bundled in @microsoft/app-manifest', async () => {
    expect(manifest.$schema).to.equal(SCHEMA_V130);
    expect(manifest.manifestVersion).to.equal('1.30');
    expect(await manifestProblems(manifest)).to.deep.equal([]);
  });

  it('validates against ../shared/schemas/teams-manifest-1.30.schema.json (when that reference copy exists)', async function () {
    const problems = await sharedSchemaProblems(manifest);
    if (problems === undefined) return this.skip();
    expect(problems).to.deep.equal([]);
  });

  it('the schema check is real: a broken manifest is rejected', async () => {
    const broken = { ...buildManifest(APP_ID), accentColor: 'teal', bots: [{ ...bot, botId: 'not-a-guid', scopes: ['everywhere'] }] };
    const problems = await manifestProblems(broken);
    expect(problems.join('\n')).to.match(/accentColor/).and.to.match(/botId/).and.to.match(/scopes/);
  });

  it("carries the project's version as semver, and one id for the app and its bot", () => {
    expect(manifest.version).to.equal(pkg.version).and.to.match(SEMVER);
    expect(manifest.id).to.equal(APP_ID);
    expect(manifest.bots).to.have.length(1);
    expect(bot.botId).to.equal(APP_ID);
  });

  it('the committed template cannot be uploaded by mistake: id, bot id and version are placeholders', () => {
    const template = readManifestTemplate();
    expect(template.id).to.not.match(GUID);
    expect(template.bots[0]!.botId).to.not.match(GUID);
    expect(template.version).to.not.match(SEMVER);
  });

  it('offers the bot in personal chats, group chats and team channels, with a command list for each', () => {
    expect(bot.scopes).to.have.members(['personal', 'team', 'groupChat']);
    const listed = (bot.commandLists ?? []).flatMap((l) => l.scopes);
    expect(listed).to.have.members(['personal', 'team', 'groupChat']);
    for (const list of bot.commandLists ?? []) {
      expect(list.scopes, 'one scope per list').to.have.length(1);
      expect(list.commands.map((c) => c.title), `${list.scopes[0]} commands`).to.include.members(['start', 'quick form', 'help', 'language']);
    }
  });

  it("keeps command texts within what Teams' command menu shows (title ≤ 32, description ≤ 128 characters)", () => {
    for (const list of bot.commandLists ?? []) {
      for (const command of list.commands) {
        expect(command.title.length, command.title).to.be.within(1, 32);
        expect(command.description?.length ?? 0, command.title).to.be.within(1, 128);
      }
    }
  });

  it('lists, as valid domains, bare host names including every host the cards link to', () => {
    const domains = manifest.validDomains as string[];
    for (const domain of domains) expect(domain).to.match(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    for (const url of Object.values(LINK_URLS)) expect(domains).to.include(new URL(url).hostname);
  });

  it('points at icons and localization files that exist next to the manifest', () => {
    expect(manifest.localizationInfo.defaultLanguageTag).to.equal('en-us');
    expect(manifest.localizationInfo.additionalLanguages).to.deep.equal([
      { languageTag: 'zh-cn', file: 'zh-cn.json' },
      { languageTag: 'zh-tw', file: 'zh-tw.json' },
    ]);
    const files = [manifest.icons.color, manifest.icons.outline, ...manifest.localizationInfo.additionalLanguages.map((l) => l.file)];
    for (const file of files) expect(existsSync(`${MANIFEST_DIR}${file}`), file).to.equal(true);
  });
});
