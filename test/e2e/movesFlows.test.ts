// Issue 16 in the Agents Playground, in each language: a partner tracks a move, lists it with the typed command
// word of their language, opens it and ticks a step (the card is updated in place); then the bot is stopped and
// started again on the same SQLite file with its clock (CLOCK_OFFSET) a few seconds before the move's first
// reminder and a 1 s scan. The reminder arrives on its own in the personal chat, through the Playground's mock
// connector, in the partner's language; [Done] on it updates it in place and ticks its steps on the move.
// The Playground's web UI is open in headless Chromium throughout: screenshots of the move, the list and the
// reminder go to test-artifacts/, and the move card's height at phone width to card-heights-<locale>.json.
import { expect } from 'chai';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { addDays } from '../../src/guidance/index.js';
import { LOCALES, type Locale } from '../../src/i18n/index.js';
import { artifactPath, launchChromium, openLoopbackOnlyPage, screenshotCard } from './support/browser.js';
import { actionWith, actionsOf, inputsOf, isResultCard, textOf, type Card } from './support/cardActions.js';
import { cardIn, nextStep, tFor } from './support/flow.js';
import type { BotMessage, Turn } from './support/playgroundClient.js';
import { startStack, type Stack } from './support/stack.js';

const CLIENT_LOCALE: Record<Locale, string> = { en: 'en-US', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW' };
/** The partner's own name for the customer, as a partner in each language might type it. */
const LABEL: Record<Locale, string> = { en: 'Contoso East', 'zh-CN': '康拓华东', 'zh-TW': '康拓北區' };
const CARD = '.ac-adaptiveCard';
const PHONE_WIDTH = 400;
/** The bot comes back this long (real time) before the first reminder falls due. */
const LEAD_MS = 4000;
const SCAN_SECONDS = 1;

/**
 * A US partner (Admin agent, direct bill) and a US customer who bought in the admin center, renewing ~10 weeks after
 * the real today: a manual move, whose "stop renewal by" date has two steps on it — so reminders a week and a day
 * before it. (The e2e suite's usual answers are a partner-to-partner transfer, whose dates remind no one.)
 */
function manualMoveAnswers(today: string): Record<string, string> {
  return {
    partnerRoles: 'adminAgent',
    partnerModel: 'directBill',
    partnerRegion: 'unitedStates',
    tenantRegion: 'unitedStates',
    purchaseChannel: 'adminCenter',
    activeSubscriptions: 'upTo150',
    renewalDate: addDays(today, 70),
    resellerRelationship: 'no',
    offer: 'sameOfferSameCount',
  };
}

/** The steps due on the "stop renewal by" date of that move (what its reminders name), and the one ticked by hand. */
const REMINDED = [
  { key: 'step.stopRecurringBilling', actor: 'customerBillingAdmin' },
  { key: 'step.provisionSame', actor: 'you' },
] as const;
const TICKED_BY_HAND = 'step.requestRelationship';

/** A FactSet value on the card, by its fact's title. */
function factValue(card: Card, title: string): string | undefined {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (Array.isArray(o.facts)) for (const f of o.facts as Array<{ title?: string; value?: string }>) if (f.title === title) found ??= f.value;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

const moveButtons = (card: Card, op: string) => actionsOf(card).filter((a) => a.data?.action === 'move' && a.data.op === op);
const stepsWith = (card: Card, op: string) => moveButtons(card, op).map((a) => a.data!.step as string);

/** The card the turn put in place of the clicked message, asserting it was an update of that same message. */
function updatedInPlace(turn: Turn, clicked: BotMessage, what: string): BotMessage {
  expect(turn.updated?.id, `${what}: the clicked message updated in place`).to.equal(clicked.id);
  expect(turn.created, `${what}: no new message`).to.have.length(0);
  expect(turn.updated!.card, `${what}: a card`).to.be.an('object');
  return turn.updated!;
}

/** The newest card in the page that shows `text` (once the page has drawn it). */
async function cardShowing(page: Page, text: string): Promise<Locator> {
  const card = page.locator(CARD).filter({ hasText: text }).last();
  await card.waitFor({ state: 'visible', timeout: 20_000 });
  return card;
}

async function settled(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
}

/** The card's height as shown, and laid out PHONE_WIDTH px wide (Teams mobile), in CSS px. */
async function cardHeights(page: Page, card: Locator): Promise<{ desktop: number; phone: number }> {
  await settled(page);
  const desktop = Math.round((await card.boundingBox())!.height);
  await card.evaluate((el, width) => Object.assign((el as HTMLElement).style, { width: `${width}px`, maxWidth: `${width}px` }), PHONE_WIDTH);
  await settled(page);
  const phone = Math.round((await card.boundingBox())!.height);
  await card.evaluate((el) => Object.assign((el as HTMLElement).style, { width: '', maxWidth: '' }));
  return { desktop, phone };
}

/** Adds the move card's heights to card-heights-<locale>.json (written by browserFlows.test.ts), keeping what is there. */
function recordMoveHeights(locale: Locale, heights: { desktop: number; phone: number }): void {
  const file = artifactPath(`card-heights-${locale}.json`);
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  existing.moveCard = { desktop: { card: heights.desktop }, [`${PHONE_WIDTH}px`]: { card: heights.phone } };
  writeFileSync(file, `${JSON.stringify(existing, null, 2)}\n`);
}

describe('tracked moves and a proactive reminder in the Agents Playground (web UI in headless Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser?.close());

  for (const locale of LOCALES) {
    it(`${locale}: track → typed list → open → tick in place; restarted with its clock just before the first reminder, exactly one reminder arrives and [Done] ticks it`, async () => {
      const t = tFor(locale);
      const label = LABEL[locale];
      const bold = (s: string) => `**${s}**`;
      for (const ext of ['png', 'html']) rmSync(artifactPath(`playground-${locale}-moves-failure.${ext}`), { force: true });
      // The bot's real clock (no pinned today), so the dates it works out lie ahead of the real now.
      const stack: Stack = await startStack({ clientLocale: CLIENT_LOCALE[locale], realClock: true, restartable: true, logLevel: 'info' });
      const { client } = stack;
      const page = await openLoopbackOnlyPage(browser);
      try {
        // Opening the page installs the app (installationUpdate and conversationUpdate): the welcome, in the client's language.
        const welcome = cardIn(await client.turn(async () => void (await page.goto(stack.playground.url)), 2), 'the welcome card');
        expect(textOf(welcome.card)).to.include(t('cards:welcome.what'));

        // A result, from the quick form: one submit with every answer.
        const answers = manualMoveAnswers(new Date().toISOString().slice(0, 10));
        const form = cardIn(await client.click(welcome, { command: 'quick' }), 'the quick form');
        expect(inputsOf(form.card!).map((i) => i.id), 'inputs on the form').to.include.members(Object.keys(answers));
        const result = nextStep(await client.click(form, { action: 'quickForm' }, answers));
        expect(result?.card && isResultCard(result.card), 'a result card').to.equal(true);
        expect(textOf(result!.card)).to.include(t('guidance:path.manual'));

        // [Track this move] → the label card → [Track]: the label card becomes the move's checklist.
        expect(actionWith(result!.card!, { command: 'track' })?.title).to.equal(t('moves:button.track'));
        const ask = cardIn(await client.click(result!, { command: 'track' }), 'the label card');
        expect(textOf(ask.card)).to.include(t('moves:track.title')).and.include(t('moves:track.privacy'));
        expect(inputsOf(ask.card!).map((i) => i.id)).to.deep.equal(['label']);
        const tracked = updatedInPlace(await client.click(ask, { action: 'move', op: 'save' }, { label }), ask, '[Track]');
        const trackedText = textOf(tracked.card);
        expect(trackedText).to.include(label).and.include(t('moves:move.banner.created'));
        const stopBy = factValue(tracked.card!, t('moves:move.deadline.stopRenewalBy'));
        expect(stopBy, 'the "stop renewal by" date on the move card').to.match(/^\d{4}-\d{2}-\d{2}$/);
        const dates = (['stopRenewalBy', 'provisionBy', 'cancelWindowEnds', 'expiredUntil'] as const).flatMap((k) => factValue(tracked.card!, t(`moves:move.deadline.${k}`)) ?? []);
        expect(dates.every((d) => d >= stopBy!), `no date before ${stopBy}: ${dates.join(', ')}`).to.equal(true);
        // The steps the reminders will name are on the card, due that date.
        for (const { key, actor } of REMINDED) {
          expect(trackedText).to.include(`○ ${bold(t(`guidance:actor.${actor}`))}${t('cards:result.actorSeparator')}${t(`guidance:${key}`)}${t('cards:result.by', { due: bold(stopBy!) })}`);
        }
        const allSteps = stepsWith(tracked.card!, 'tick');
        expect(allSteps).to.include.members([...REMINDED.map((s) => s.key), TICKED_BY_HAND]);

        // The typed command word of the language lists the move, with its next date.
        const movesWord = (t('common:commands.moves.words', { returnObjects: true }) as string[])[0]!;
        const listed = cardIn(await client.say(movesWord), 'the list of moves');
        const listText = textOf(listed.card);
        expect(listText).to.include(t('moves:list.title', { count: 1 })).and.include(label).and.include(t('moves:list.next', { date: stopBy }));
        await screenshotCard(page, await cardShowing(page, t('moves:list.title', { count: 1 })), `playground-${locale}-7-moves-list.png`);

        // [Open] shows the move in place of the list; [Done] on a step updates that same message.
        const opened = updatedInPlace(await client.click(listed, { action: 'move', op: 'open' }), listed, '[Open]');
        expect(stepsWith(opened.card!, 'tick')).to.deep.equal(allSteps);
        const ticked = updatedInPlace(await client.click(opened, { action: 'move', op: 'tick', step: TICKED_BY_HAND }), opened, '[Done] on a step');
        expect(stepsWith(ticked.card!, 'untick')).to.deep.equal([TICKED_BY_HAND]);
        expect(stepsWith(ticked.card!, 'tick')).to.deep.equal(allSteps.filter((s) => s !== TICKED_BY_HAND));
        const stepsTitle = t('moves:move.steps', { done: 1, total: allSteps.length });
        expect(textOf(ticked.card)).to.include(stepsTitle).and.include(`✓ ${bold(t('guidance:actor.you'))}${t('cards:result.actorSeparator')}${t(`guidance:${TICKED_BY_HAND}`)}`);
        const moveCard = await cardShowing(page, stepsTitle);
        await screenshotCard(page, moveCard, `playground-${locale}-6-move.png`);
        recordMoveHeights(locale, await cardHeights(page, moveCard));

        // Restart: the same SQLite file, the clock a few seconds before the first reminder (a week before "stop
        // renewal by", at 08:00 UTC), a scan every second. The Playground and its conversation keep running.
        const dueAt = Date.parse(`${addDays(stopBy!, -7)}T08:00:00Z`);
        const offsetSeconds = Math.round((dueAt - LEAD_MS - Date.now()) / 1000);
        const restartedAt = Date.now();
        await stack.restartBot({ CLOCK_OFFSET: `${offsetSeconds}s`, REMINDER_SCAN_SECONDS: String(SCAN_SECONDS) });
        const botClock = (realMs: number) => realMs + offsetSeconds * 1000;

        const title = t('moves:reminder.title', { label });
        const reminder = await client.waitForMessage((m) => m.unsolicited === true && m.card !== undefined && textOf(m.card).includes(title), LEAD_MS + 15_000);
        // Proactive: created while the test had sent nothing, posted (not as a reply) to the Playground's connector.
        expect(reminder.conversationId, 'in the personal chat').to.equal(client.personalChatId);
        // (Replies to the test's messages are logged with the replyToId of the activity they answer, and a 200.)
        expect(await client.waitForDelivery(reminder.id), "the Playground connector's answer: 201 Created, no replyToId").to.deep.equal({ statusCode: 201 });
        // When the bot's clock reached the date, not before; and on time, not marked late.
        expect(botClock(reminder.arrivedAt!), 'not before its time').to.be.at.least(dueAt);
        // (A scan runs every second; the margin is for a loaded machine. "Late" would be 30 minutes.)
        expect(botClock(reminder.arrivedAt!) - dueAt, 'within a few scans of its time').to.be.below(10_000);
        const reminderText = textOf(reminder.card);
        expect(reminderText).to.include(t('moves:reminder.week', { date: stopBy }));
        for (const { key, actor } of REMINDED) {
          expect(reminderText).to.include(`○ ${t(`guidance:${key}`)}`).and.include(t('moves:reminder.who', { actor: t(`guidance:actor.${actor}`) }));
        }
        expect(reminderText).not.to.include(t(`guidance:${TICKED_BY_HAND}`));
        expect(reminderText, 'not marked as sent late').not.to.include(t('moves:reminder.late'));
        expect(actionsOf(reminder.card!).map((a) => a.title)).to.deep.equal([t('moves:button.done'), t('moves:button.snooze'), t('moves:button.openMove')]);
        const reminderCard = await cardShowing(page, title);
        await screenshotCard(page, reminderCard, `playground-${locale}-8-reminder.png`);
        // And as the chat shows it: a message of its own under the earlier ones.
        await reminderCard.scrollIntoViewIfNeeded();
        await page.mouse.move(0, 0);
        await page.screenshot({ path: artifactPath(`playground-${locale}-8-reminder-in-chat.png`) });

        // Exactly one: a few more scans bring nothing else.
        await new Promise((r) => setTimeout(r, 3 * SCAN_SECONDS * 1000 + 500));
        const proactive = client.unsolicited.filter((m) => m.arrivedAt! >= restartedAt);
        expect(proactive.map((m) => m.id), 'messages the bot sent on its own since the restart').to.deep.equal([reminder.id]);

        // [Done] on the reminder: the reminder turns into its done state in place, its steps ticked. The clock now
        // runs more than STATE_TTL_DAYS (30) past the partner's last message, so retention has deleted their profile:
        // the click is still no first contact (no welcome card), and it is answered in the reminder's language.
        const doneTurn = await client.click(reminder, { action: 'move', op: 'done' });
        const done = updatedInPlace(doneTurn, reminder, '[Done] on the reminder');
        const doneText = textOf(done.card);
        expect(doneText).to.include(title).and.include(t('moves:reminder.done'));
        for (const { key } of REMINDED) expect(doneText).to.include(`✓ ${t(`guidance:${key}`)}`);
        expect(actionsOf(done.card!).map((a) => a.title)).to.deep.equal([t('moves:button.openMove')]);
        await screenshotCard(page, await cardShowing(page, t('moves:reminder.done')), `playground-${locale}-9-reminder-done.png`);

        // Opened again (list → [Open]): the reminder's steps are ticked too.
        const listedAgain = cardIn(await client.say(movesWord), 'the list of moves');
        const reopened = updatedInPlace(await client.click(listedAgain, { action: 'move', op: 'open' }), listedAgain, '[Open]');
        expect(stepsWith(reopened.card!, 'untick')).to.have.members([TICKED_BY_HAND, ...REMINDED.map((s) => s.key)]);
        expect(textOf(reopened.card)).to.include(t('moves:move.steps', { done: 1 + REMINDED.length, total: allSteps.length }));
        expect(client.unsolicited.filter((m) => m.arrivedAt! >= restartedAt), 'still one proactive message').to.have.length(1);
      } catch (err) {
        await page.screenshot({ path: artifactPath(`playground-${locale}-moves-failure.png`), fullPage: true }).catch(() => undefined);
        await page.content().then((html) => writeFileSync(artifactPath(`playground-${locale}-moves-failure.html`), html), () => undefined);
        process.stderr.write(`bot log (${locale}), last lines:\n${stack.botLog.slice(-40).join('')}`);
        throw err;
      } finally {
        await page.close();
        await stack.close();
      }
    });
  }
});
