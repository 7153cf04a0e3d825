// Blob state reached the way the Azure deployment (infra/azure.bicep) reaches it: the account's URL and a
// token from a user-assigned managed identity, no key anywhere. Real Azurite, serving https with a
// certificate made for the test and checking OAuth bearer tokens (`--oauth basic`: audience, issuer and
// lifetime; not signatures, so a token's authenticity is not what these tests can show).
import { AnonymousCredential, ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BlobStateStorage } from '../../src/storage/blobStateStorage.js';
import { BLOB_RETRY } from '../../src/storage/createStorage.js';
import { teamsActivity } from '../support/activity.js';
import { listeningUrl } from '../support/listening.js';
import { postJson } from '../support/server.js';
import { startAzurite, type Azurite } from './azurite.js';
import { loopbackCertificate, startIdentityEndpoint, tokenCredential, type IdentityEndpoint } from './managedIdentity.js';
import { rejectionOf, storageContract } from './storageContract.js';

const TSX = import.meta.resolve('tsx');
const ENTRY = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

describe('Blob state through BLOB_ACCOUNT_URL and a token (Azurite over TLS, OAuth on)', function () {
  this.timeout(60_000);
  let dir: string;
  let ca: string;
  let azurite: Azurite;
  const clientId = randomUUID();
  const containerName = () => `t-${randomUUID().slice(0, 13)}`;
  // The test's certificate is trusted by this client only (core-rest-pipeline's tlsOptions; not in the type).
  const pipeline = () => ({ retryOptions: { ...BLOB_RETRY, maxTries: 1 }, tlsOptions: { ca } }) as StoragePipelineOptions;
  const open = (container: string, credential = tokenCredential(clientId)) =>
    new BlobStateStorage({ accountUrl: azurite.accountUrl, credential }, container, { storagePipelineOptions: pipeline() });
  /** What is really in a container, read with the account key (Azurite's), not through the code under test. */
  const blobNames = async (container: string) => {
    const names: string[] = [];
    const client = new ContainerClient(azurite.connectionString, container, pipeline());
    if (!(await client.exists())) return undefined;
    for await (const blob of client.listBlobsFlat()) names.push(blob.name);
    return names;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'blob-url-'));
    const tls = loopbackCertificate(dir);
    ca = tls.pem;
    azurite = await startAzurite({ tls });
  });
  after(async () => {
    await azurite?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('same contract as botbuilder MemoryStorage', () => {
    storageContract(async () => ({ storage: open(containerName()), dispose: async () => {} }));
  });

  it('asks its credential for Azure Storage tokens, and what it writes is in the container', async () => {
    const credential = tokenCredential(clientId);
    const name = containerName();
    const storage = open(name, credential);
    await storage.write({ 'msteams/users/29:u1/': { locale: 'zh-TW' } });
    expect((await storage.read(['msteams/users/29:u1/']))['msteams/users/29:u1/']).to.include({ locale: 'zh-TW' });
    expect(credential.calls.length).to.be.greaterThan(0);
    for (const scopes of credential.calls) expect(scopes).to.deep.equal(['https://storage.azure.com/.default']);
    expect(await blobNames(name)).to.deep.equal([encodeURIComponent('msteams/users/29:u1')]);
  });

  it('the service checks the token: a token for another audience, or none, writes nothing', async () => {
    const name = containerName();
    const wrongAudience = open(name, tokenCredential(clientId, 'https://vault.azure.net'));
    const refused = await rejectionOf(wrongAudience.write({ 'msteams/users/29:u2/': { locale: 'en' } }));
    expect((refused as { statusCode?: number }).statusCode).to.be.oneOf([401, 403]);

    const anonymous = new ContainerClient(`${azurite.accountUrl}/${name}`, new AnonymousCredential(), pipeline());
    const anonymousRefused = await rejectionOf(anonymous.createIfNotExists());
    expect((anonymousRefused as { statusCode?: number }).statusCode).to.be.oneOf([401, 403, 404]);
    expect(await blobNames(name)).to.equal(undefined);
  });

  describe('the bot, configured as App Service runs it (BLOB_ACCOUNT_URL, AZURE_CLIENT_ID, the identity endpoint)', () => {
    let identity: IdentityEndpoint;
    const children: ChildProcess[] = [];
    before(async () => {
      identity = await startIdentityEndpoint([clientId]);
    });
    after(async () => {
      for (const child of children) child.kill('SIGTERM');
      await identity?.close();
    });

    /** `node src/index.ts` with only these variables (and the test certificate trusted, as Azure's CA is in production). */
    async function startBot(env: Record<string, string>): Promise<string> {
      const child = spawn(process.execPath, ['--no-deprecation', `--import=${TSX}`, ENTRY], {
        env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'), ...identity.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      return listeningUrl(child);
    }

    it('is ready, answers a message, and keeps its state in the container, with tokens of the identity AZURE_CLIENT_ID names', async () => {
      const container = containerName();
      const url = await startBot({ STORAGE: 'blob', BLOB_ACCOUNT_URL: azurite.accountUrl, AZURE_CLIENT_ID: clientId, BLOB_CONTAINER: container });
      expect((await fetch(`${url}/readyz`)).status).to.equal(200);

      const activity = teamsActivity({ text: 'help' });
      const reply = await postJson(`${url}/api/messages`, activity);
      expect(reply.status).to.equal(200);
      expect((reply.json?.activities as unknown[] | undefined)?.length ?? 0).to.be.greaterThan(0);

      const user = (activity.from as { id: string }).id;
      expect(await blobNames(container)).to.include(encodeURIComponent(`msteams/users/${user}`));
      expect(identity.requests.length).to.be.greaterThan(0);
      for (const request of identity.requests) expect(request).to.deep.equal({ clientId, resource: 'https://storage.azure.com', headerOk: true });
    });

    it('with an identity the endpoint does not know: not ready (503), the user told to try again in a moment, nothing written', async () => {
      const container = containerName();
      const url = await startBot({ STORAGE: 'blob', BLOB_ACCOUNT_URL: azurite.accountUrl, AZURE_CLIENT_ID: randomUUID(), BLOB_CONTAINER: container });
      expect((await fetch(`${url}/readyz`)).status).to.equal(503);
      const reply = await postJson(`${url}/api/messages`, teamsActivity({ text: 'help' }));
      // The user is told to try again in a moment (an outage, like a storage that is down), and nothing internal.
      const texts = ((reply.json?.activities ?? []) as Array<{ text?: string }>).map((a) => a.text ?? '');
      expect(texts).to.deep.equal(["I'm temporarily unavailable. Your answers are kept. Please try again in a moment."]);
      expect(reply.text).to.not.match(/Managed Identity|IDENTITY_ENDPOINT|CredentialUnavailable|AuthenticationError|stack/i);
      expect(await blobNames(container)).to.equal(undefined);
    });
  });
});
