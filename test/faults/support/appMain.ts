// The app as a child process, for the fault suite: configured from the environment exactly like
// src/index.ts (PORT, STORAGE, …), with test seams chosen by FAULT_* variables. Prints
// "LISTENING <url>" once it serves; SIGTERM closes it as in production.
//
// FAULT_HOLD_FILE=<path>: while that file exists, every write of a conversation's state is held for
//   FAULT_HOLD_MS (default 5000) after it was stored, and "SAVED <key>" is printed when it was stored: the
//   window between the save and the send, in which a test kills the process.
// FAULT_REPLAY=1: a redelivery of a saved turn whose replies may not have left gets a card the test can
//   recognise, carrying the stored check's history (see TurnRunnerOptions.replay).
import { existsSync } from 'node:fs';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { createApp, type AppOverrides } from '../../../src/app.js';
import { parseConfig } from '../../../src/config.js';
import { createStorage } from '../../../src/storage/createStorage.js';
import { REPLAY_CARD_NAME } from './replayCard.js';

const config = parseConfig(process.env);
const store = createStorage(config);
const holdFile = process.env.FAULT_HOLD_FILE;
const holdMs = Number(process.env.FAULT_HOLD_MS ?? 5000);

const overrides: AppOverrides = {
  today: () => process.env.FAULT_TODAY ?? '2026-11-21',
  // No real sleeps between connector retries: a fault test waits for storage, not for backoff.
  connectorRetry: { sleep: async () => {} },
  storage: {
    ...store,
    storage: {
      read: (keys) => store.storage.read(keys),
      delete: (keys) => store.storage.delete(keys),
      write: async (changes) => {
        await store.storage.write(changes);
        const key = Object.keys(changes).find((k) => k.includes('/conversations/'));
        if (holdFile && key && existsSync(holdFile)) {
          process.stdout.write(`SAVED ${JSON.stringify(key)}\n`);
          await new Promise((resolve) => setTimeout(resolve, holdMs));
        }
      },
    },
  },
};

if (process.env.FAULT_REPLAY === '1') {
  overrides.replay = async (context: TurnContext) => {
    const { channelId, conversation, from } = context.activity;
    const key = `${channelId}/conversations/${conversation.id}/users/${from.id}/`;
    const item = (await store.storage.read([key]))[key] as { check?: { history?: unknown } } | undefined;
    const content = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Replayed' }], replayedHistory: item?.check?.history ?? [] };
    const card = { contentType: 'application/vnd.microsoft.card.adaptive', name: REPLAY_CARD_NAME, content };
    if (context.activity.type === ActivityTypes.Invoke) {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: card.contentType, value: content } } });
    } else {
      await context.sendActivity({ attachments: [card] });
    }
  };
}

const app = createApp(config, overrides);
const { url } = await app.listen();
process.stdout.write(`LISTENING ${url}\n`);
process.once('SIGTERM', () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
