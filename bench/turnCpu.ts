// CPU per guided-check turn of the bot itself, in one process, without HTTP, the load driver or the echo: the
// app's own pieces (parser, adapter, turn runner, conversation, SQLite) run the bench's clicks one at a time,
// replies in the response (expectReplies). Steadier than the HTTP bench on a busy machine: use it to compare two
// builds (run each a few times, alternating); it says nothing about throughput.
//   npx tsc -p bench/tsconfig.json && node --no-deprecation dist/bench/turnCpu.js [conversations] [rounds]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityTypes, type Activity } from 'botbuilder';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createTranslator } from '../src/i18n/index.js';
import { createAdapter } from '../src/adapter.js';
import { CspMoveBot } from '../src/bot.js';
import { createConversation } from '../dialogs/index.js';
import { createStorage } from '../src/storage/createStorage.js';
import { DAY_MS, DELIVERY_TTL_MS, DeliveryLedger, TurnRunner, guardStorage, retentionPolicy } from '../src/state/index.js';
import { InboundActivity } from '../src/http/inboundActivity.js';
import { clickActivity, makeConversation, type VirtualConversation } from './loadDriver.js';
import { inspectReplies, mismatch } from './replies.js';

const conversations = Number(process.argv[2] ?? 1500);
const rounds = Number(process.argv[3] ?? 3);
const today = new Date().toISOString().slice(0, 10);
const work = mkdtempSync(join(tmpdir(), 'csp-turncpu-'));
const config = parseConfig({ STORAGE: 'sqlite', SQLITE_PATH: join(work, 'bot.db'), LOG_LEVEL: 'silent' });
const logger = createLogger('silent');
const store = createStorage(config);
const storage = guardStorage(store.storage);
const translator = createTranslator();
const conversation = createConversation({ storage, translator, defaultLocale: config.DEFAULT_LOCALE });
const adapter = createAdapter({ config, logger, translator, localeOf: conversation.localeOf });
const turns = new TurnRunner({
  storage,
  states: conversation.states,
  policy: retentionPolicy(config.STATE_TTL_DAYS * DAY_MS),
  deliveries: new DeliveryLedger({ ttlMs: DELIVERY_TTL_MS }),
  ledgerState: conversation.ledgerState,
  translator,
  defaultLocale: config.DEFAULT_LOCALE,
  localeOf: conversation.localeOf,
  logger,
  replay: async (context) => {
    const response = await conversation.replay(context);
    if (response) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
  },
});
const bot = new CspMoveBot({ conversation, states: conversation.states, turns });
await store.ping();

/** One click, as the server would run it: parse the body, check it, run the turn, write the response body. */
async function click(c: VirtualConversation): Promise<number> {
  const planned = c.walker.plan();
  const body = JSON.stringify(clickActivity(c, planned, { transport: 'message' }, 'expectReplies', 'http://127.0.0.1:9/'));
  c.turns += 1;
  const before = process.cpuUsage();
  const parsed = InboundActivity.safeParse(JSON.parse(body));
  if (!parsed.success) throw new Error('refused');
  const invoke = await adapter.handle('', parsed.data as unknown as Activity, (context) => bot.run(context));
  const text = JSON.stringify(invoke?.body);
  const spent = process.cpuUsage(before);
  const activities = (JSON.parse(text) as { activities: unknown[] }).activities;
  const problem = mismatch(inspectReplies(activities), planned.expect);
  if (problem) throw new Error(`${c.key} turn ${c.turns}: ${problem}`);
  c.walker.advance();
  return spent.user + spent.system;
}

try {
  const pool = Array.from({ length: conversations }, (_, i) => makeConversation('cpu', i, today));
  // Every conversation starts and walks a few steps first (the warm-up), then each round clicks once in each.
  for (const c of pool) for (let i = 0; i < (c.index % 7) + 1; i++) await click(c);
  for (let round = 1; round <= rounds; round++) {
    let micros = 0;
    let count = 0;
    for (let step = 0; step < 3; step++) {
      for (const c of pool) {
        micros += await click(c);
        count += 1;
      }
    }
    process.stdout.write(`round ${round}: ${(micros / count / 1000).toFixed(3)} ms CPU per turn (${count} turns)\n`);
  }
} finally {
  await store.close();
  rmSync(work, { recursive: true, force: true });
}
