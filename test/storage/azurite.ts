import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { freePort } from '../support/ports.js';

const require = createRequire(import.meta.url);
const AZURITE_BLOB = join(dirname(require.resolve('azurite/package.json')), 'dist/src/blob/main.js');

export const AZURITE_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export const azuriteConnectionString = (port: number, protocol: 'http' | 'https' = 'http') =>
  `DefaultEndpointsProtocol=${protocol};AccountName=devstoreaccount1;AccountKey=${AZURITE_ACCOUNT_KEY};BlobEndpoint=${protocol}://127.0.0.1:${port}/devstoreaccount1;`;

/** PEM files of a certificate for 127.0.0.1 and its key (see {@link loopbackCertificate}). */
export interface TlsFiles {
  cert: string;
  key: string;
}

export interface AzuriteOptions {
  /**
   * Serve https with this certificate and accept OAuth bearer tokens (`--oauth basic`: Azurite checks a
   * token's audience, issuer and lifetime, not its signature). Shared keys keep working too.
   */
  tls?: TlsFiles;
}


/** A real Azurite Blob service on a free loopback port, its data in a temp folder (kept across stop/start). */
export interface Azurite {
  port: number;
  connectionString: string;
  /** The account's Blob endpoint, `http(s)://127.0.0.1:<port>/devstoreaccount1`. */
  accountUrl: string;
  /** SIGTERM, and wait for the process to exit (an outage). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  start(): Promise<void>;
  /**
   * SIGSTOP: the process stays, its port keeps accepting connections (the kernel does that), but nothing
   * answers — a hung endpoint, not a refused one. Always `resume()` in a finally.
   */
  pause(): void;
  /** SIGCONT after `pause()`. */
  resume(): void;
  /** Stops it and deletes its data. */
  dispose(): Promise<void>;
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const tlsArgs = options.tls ? ['--cert', options.tls.cert, '--key', options.tls.key, '--oauth', 'basic'] : [];
  const protocol = options.tls ? 'https' : 'http';
  const location = mkdtempSync(join(tmpdir(), 'azurite-'));
  const port = await freePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    const proc = spawn(
      process.execPath,
      [AZURITE_BLOB, '--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', location, '--silent', '--skipApiVersionCheck', '--disableTelemetry', ...tlsArgs],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`Azurite did not start within 20 s:\n${output}`)), 20_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('successfully listens')) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Azurite exited with ${code}:\n${output}`));
      });
    });
  };

  const stop = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGCONT'); // a paused process would hold SIGTERM until it runs again
    proc.kill('SIGTERM');
    await exited;
  };

  await start();
  return {
    port,
    connectionString: azuriteConnectionString(port, protocol),
    accountUrl: `${protocol}://127.0.0.1:${port}/devstoreaccount1`,
    stop,
    start,
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    async dispose() {
      await stop();
      rmSync(location, { recursive: true, force: true });
    },
  };
}
