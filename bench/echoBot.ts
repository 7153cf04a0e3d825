// The baseline the bench compares the bot with: a bare botbuilder echo bot on the same stack — restify 11
// with the same JSON body parser, CloudAdapter without an app id, conversation state on the same storage
// code (STORAGE / SQLITE_PATH as in the app), one dialog with a one-step waterfall per turn.
// Run: PORT=… STORAGE=sqlite SQLITE_PATH=… node dist/bench/echoBot.js
import restify, { type Request, type Response } from 'restify';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import { createStorage } from '../src/storage/createStorage.js';

const ECHO_DIALOG = 'echo';
const INVOKE_ECHO = Symbol('invokeEcho');

const store = createStorage({
  STORAGE: process.env.STORAGE === 'memory' ? 'memory' : 'sqlite',
  SQLITE_PATH: process.env.SQLITE_PATH ?? 'data/echo.db',
});
const conversationState = new ConversationState(store.storage);
const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
dialogs.add(
  new WaterfallDialog(ECHO_DIALOG, [
    async (step) => {
      const { type, text, value } = step.context.activity;
      const echo = `echo: ${text || JSON.stringify(value ?? null)}`;
      // A click on an Action.Execute button arrives as an invoke: its answer travels in the invoke response.
      if (type === 'invoke') step.context.turnState.set(INVOKE_ECHO, echo);
      else await step.context.sendActivity(echo);
      return step.endDialog();
    },
  ]),
);

async function runEchoDialog(context: TurnContext): Promise<void> {
  const dc = await dialogs.createContext(context);
  const result = await dc.continueDialog();
  if (result.status === DialogTurnStatus.empty) await dc.beginDialog(ECHO_DIALOG);
}

class EchoBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await runEchoDialog(context);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext): Promise<AdaptiveCardInvokeResponse> {
    await runEchoDialog(context);
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: context.turnState.get(INVOKE_ECHO) as never };
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await conversationState.saveChanges(context);
  }
}

// No app id, as the bench runs the bot: requests are not authenticated, replies need no token.
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
const bot = new EchoBot();
const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
server.use(restify.plugins.jsonBodyParser({ mapParams: false, maxBodySize: 256 * 1024 } as restify.plugins.JsonBodyParserOptions));
server.get('/healthz', async (_req: Request, res: Response) => {
  res.json(200, { status: 'ok' });
});
server.post('/api/messages', async (req: Request, res: Response) => {
  await adapter.process(req, res, (context) => bot.run(context));
});

// The app opens its storage before listening (to fail fast on a bad path); the baseline does the same.
await store.ping();
server.listen(Number(process.env.PORT ?? 3979), process.env.HOST ?? '127.0.0.1', () => {
  process.stdout.write(`echo bot listening on ${server.url}\n`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => {
      void store.close().then(() => process.exit(0));
    });
    server.server.closeIdleConnections();
  });
}
