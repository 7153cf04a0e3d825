// `npm run playground` as a newcomer uses it: it prints a URL where the bot answers in the Agents
// Playground, and however it is stopped (Ctrl-C, SIGTERM to it, SIGTERM to npm) it leaves no process
// and no open port behind.
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textOf } from './support/cardActions.js';
import { PlaygroundClient } from './support/playgroundClient.js';
import { freePort } from './support/stack.js';
import { tFor } from './support/flow.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Running {
  child: ChildProcess;
  output: () => string;
  /** The lines it printed once both were up. */
  ready: Promise<{ botEndpoint: string; playgroundUrl: string }>;
  exited: Promise<number | null>;
  dir: string;
}

/** Starts the script in its own process group, as a terminal would, with a clean environment. */
function startScript(how: 'npm' | 'node', extraEnv: Record<string, string> = {}): Promise<Running> {
  return Promise.all([freePort(), freePort()]).then(([port, playgroundPort]) => {
    const dir = mkdtempSync(join(tmpdir(), 'csp-playground-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PLAYGROUND_PORT: String(playgroundPort), SQLITE_PATH: join(dir, 'state.db'), CI: 'true', ...extraEnv };
    for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'MicrosoftAppId', 'MicrosoftAppPassword', 'STORAGE', 'HOST']) delete env[name];
    const [command, args] = how === 'npm' ? ['npm', ['run', '--silent', 'playground']] : [process.execPath, ['--import', 'tsx', '--no-deprecation', 'scripts/playground.ts']];
    const child = spawn(command as string, args as string[], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const ready = new Promise<{ botEndpoint: string; playgroundUrl: string }>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const bot = /The bot is running at (\S+)/.exec(output);
        const url = /Open the Agents Playground and chat with it: (\S+)/.exec(output);
        if (bot && url) resolve({ botEndpoint: bot[1]!, playgroundUrl: url[1]! });
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', () => reject(new Error(`the script stopped before it was ready:\n${output}`)));
    });
    ready.catch(() => undefined); // awaited by the tests that expect it to start
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, output: () => output, ready, exited, dir };
  });
}

/** Every process below `pid`, read from /proc (Linux). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces and parentheses: the parent pid is the 2nd field after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents) if (parent === p) found.push(child), walk(child);
  };
  walk(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};

const portOpen = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname, () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm run playground', function () {
  // The first run may build the bot with tsc.
  this.timeout(180_000);
  const started: Running[] = [];
  afterEach(async () => {
    // Whatever a failed test left running goes now.
    for (const run of started.splice(0)) {
      for (const pid of [run.child.pid!, ...descendants(run.child.pid!)]) if (alive(pid)) process.kill(pid, 'SIGKILL');
      rmSync(run.dir, { recursive: true, force: true });
    }
  });

  async function upAndChatting(how: 'npm' | 'node') {
    const run = await startScript(how);
    started.push(run);
    const { botEndpoint, playgroundUrl } = await run.ready;
    expect(playgroundUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${new URL(botEndpoint).origin}/healthz`)).json()).to.include({ status: 'ok' });

    // A person opening the URL is greeted by the bot.
    const client = await PlaygroundClient.connect(playgroundUrl);
    try {
      const installed = await client.install();
      expect(installed.cards.map(textOf).join('\n')).to.include(tFor('en')('cards:welcome.what'));
    } finally {
      client.close();
    }
    const children = descendants(run.child.pid!);
    expect(children.length, 'processes started').to.be.at.least(2);
    return { run, botEndpoint, playgroundUrl, children };
  }

  async function expectAllGone(run: Running, children: number[], urls: string[]) {
    await eventually(() => children.every((pid) => !alive(pid)), `processes ${children.filter(alive).join(', ')} still running`);
    for (const url of urls) expect(await portOpen(url), `${url} still open`).to.equal(false);
    expect(run.output()).to.not.match(/Error|at .*\.(ts|js):\d+/);
  }

  it('Ctrl-C (SIGINT to the terminal\'s process group) stops the bot and the Playground', async () => {
    const { run, botEndpoint, playgroundUrl, children } = await upAndChatting('npm');
    process.kill(-run.child.pid!, 'SIGINT');
    await run.exited;
    await expectAllGone(run, children, [botEndpoint, playgroundUrl]);
  });

  it('SIGTERM to the script stops both and exits 0', async () => {
    const { run, botEndpoint, playgroundUrl, children } = await upAndChatting('node');
    process.kill(run.child.pid!, 'SIGTERM');
    expect(await run.exited).to.equal(0);
    await expectAllGone(run, children, [botEndpoint, playgroundUrl]);
  });

  it('SIGTERM to npm alone (its shell dies, the script is orphaned) still stops both', async () => {
    const { run, botEndpoint, playgroundUrl, children } = await upAndChatting('npm');
    process.kill(run.child.pid!, 'SIGTERM');
    await run.exited;
    await expectAllGone(run, children, [botEndpoint, playgroundUrl]);
  });

  it('a PORT something else listens on stops it at once with one line', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as AddressInfo).port;
      const run = await startScript('node', { PORT: String(port) });
      started.push(run);
      expect(await run.exited).to.equal(1);
      expect(run.output().trim().split('\n')).to.deep.equal([`Port ${port} is in use: stop what uses it, or set PORT to a free port.`]);
    } finally {
      taken.close();
    }
  });

  it('a bad PLAYGROUND_PORT stops it at once with one line', async () => {
    const run = await startScript('node', { PLAYGROUND_PORT: 'lots' });
    started.push(run);
    expect(await run.exited).to.equal(1);
    expect(run.output().trim().split('\n')).to.deep.equal(['Configuration error: PLAYGROUND_PORT must be a whole number from 1 to 65535']);
  });
});
