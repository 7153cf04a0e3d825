// A partner in the Playground's web UI, in headless Chromium: one guided check per language, by clicking.
// The Teams client's display language reaches the bot as the activity locale, so the bot greets in it.
// Screenshots of the welcome, a question and the result card go to test-artifacts/ for people to look at. From the
// result, the message for the customer is copied out of the chat the way a partner would, in two languages.
import { expect } from 'chai';
import type { Browser, Locator, Page } from 'playwright-core';
import { QUESTIONS } from '../../dialogs/questions.js';
import { LOCALES, type Locale } from '../../src/i18n/index.js';
import { rmSync, writeFileSync } from 'node:fs';
import { LANGUAGE_NAMES } from '../../cards/index.js';
import { plainOf } from '../support/messageText.js';
import { artifactPath, copyMessageText, launchChromium, openLoopbackOnlyPage, screenshotCard } from './support/browser.js';
import { ANSWERS, expectedResultTexts, tFor } from './support/flow.js';
import { startStack, type Stack } from './support/stack.js';

const CLIENT_LOCALE: Record<Locale, string> = { en: 'en-US', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW' };
const CARD = '.ac-adaptiveCard';

/** Waits until the newest card shows one of `texts`; returns the one it shows. */
async function lastCardShowing(page: Page, texts: string[]): Promise<string> {
  const handle = await page.waitForFunction(
    ({ selector, wanted }) => {
      const cards = document.querySelectorAll<HTMLElement>(selector);
      const text = cards[cards.length - 1]?.innerText ?? '';
      return wanted.find((w) => text.includes(w)) ?? false;
    },
    { selector: CARD, wanted: texts },
    { timeout: 20_000 },
  );
  return (await handle.jsonValue()) as string;
}

/** The width of a phone's chat pane (the 312–400 px): the call sheet must fit one screen there. */
const PHONE_WIDTH = 400;

/** How tall the result card is, and where its first lines (verdict, next action, deadline) end, in CSS px. */
async function callSheetHeights(page: Page, card: Locator, t: (key: string, params?: Record<string, unknown>) => unknown) {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
  const box = (await card.boundingBox())!;
  const prefix = String(t('cards:result.next', { step: '' })).replace(/\*/g, '').replace(/—\s*$/, '').trim();
  // The whole text block of the "next" line (and of the deadline line when there is one), not just its first word.
  const blocks = card.locator('.ac-textBlock');
  const texts = await blocks.allInnerTexts();
  const deadline = String(t('cards:result.deadline', { due: '§', n: 0 })).split('§')[0]!.trim();
  const nextAt = texts.findIndex((x) => x.startsWith(prefix));
  const last = texts[nextAt + 1]?.startsWith(deadline) ? nextAt + 1 : nextAt;
  const nextBox = (await blocks.nth(Math.max(0, last)).boundingBox())!;
  return { card: Math.round(box.height), firstLinesBottom: Math.round(nextBox.y + nextBox.height - box.y) };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Input.Date renders as a date picker without text entry: open its calendar, page to the month, click the day. */
async function pickDate(page: Page, card: Locator, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  await card.locator('input[role="combobox"]').click();
  const header = page.locator('.fui-CalendarDay__monthAndYear');
  for (let guard = 0; guard < 240; guard++) {
    const [name, shownYear] = String(await header.getAttribute('aria-label')).split(' ');
    const distance = year * 12 + month - 1 - (Number(shownYear) * 12 + MONTHS.indexOf(name!));
    if (distance === 0) break;
    await page.locator(`button[title^="${distance > 0 ? 'Next' : 'Previous'} month"]`).click();
  }
  await page.locator(`[aria-label="${day}, ${MONTHS[month - 1]}, ${year}"]`).click();
}

/** The newest text the bot sent starts with `title`, and selecting and copying it in the chat gives its lines exactly. */
async function expectCopiedAsSent(page: Page, stack: Stack, title: string): Promise<void> {
  const sent = [...stack.client.messages.values()].filter((m) => m.text).at(-1)!.text!;
  const lines = plainOf(sent).split('\n');
  expect(lines[0]).to.equal(title);
  expect(lines.length, 'a message of several lines').to.be.greaterThan(5);
  const copied = await copyMessageText(page, lines[0]!, lines.at(-1)!);
  expect(copied.replace(/\r\n/g, '\n').trim().split('\n')).to.deep.equal(lines);
}

describe('in a browser: the Agents Playground web UI in headless Chromium', function () {
  this.timeout(180_000);
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser?.close());

  for (const locale of LOCALES) {
    it(`${locale}: welcome → guided check by clicking → result, with screenshots`, async () => {
      const t = tFor(locale);
      for (const ext of ['png', 'html']) rmSync(artifactPath(`playground-${locale}-failure.${ext}`), { force: true });
      const stack: Stack = await startStack({ clientLocale: CLIENT_LOCALE[locale] });
      const page = await openLoopbackOnlyPage(browser);
      try {
        // Opening the page installs the app: installationUpdate and conversationUpdate.
        await stack.client.turn(async () => void (await page.goto(stack.playground.url)), 2);
        await lastCardShowing(page, [t('cards:welcome.what')]);
        const cards = page.locator(CARD);
        await screenshotCard(page, cards.last(), `playground-${locale}-1-welcome.png`);

        const click = (target: Locator) => stack.client.turn(() => target.click(), 1);
        await click(cards.last().getByRole('button', { name: t('cards:button.start'), exact: true }));

        const prompts = new Map(QUESTIONS.map((q) => [t(`questions:${q.id}.prompt`), q] as const));
        const resultText = expectedResultTexts(locale)[0]!;
        const asked: string[] = [];
        for (;;) {
          const pending = [...prompts.keys()].filter((p) => !asked.includes(prompts.get(p)!.id));
          const shown = await lastCardShowing(page, [resultText, ...pending]);
          if (shown === resultText) break;
          const question = prompts.get(shown)!;
          asked.push(question.id);
          const card = cards.last();
          if (asked.length === 1) await screenshotCard(page, card, `playground-${locale}-2-question.png`);

          const answer = ANSWERS[question.id]!;
          const optionTitle = question.input === 'multi' ? '' : t('cards:question.option', {
            n: question.options.indexOf(answer) + 1,
            label: t(`questions:optionSets.${question.optionSet ?? question.id}.${answer}.label`),
          });
          const next = card.getByRole('button', { name: t('cards:button.next'), exact: true });
          if (question.input === 'date') {
            await pickDate(page, card, answer);
            await click(next);
          } else if (question.input === 'multi') {
            // Several at once: tick each box, then [Next].
            for (const value of answer.split(',')) {
              const label = t(`questions:optionSets.${question.optionSet ?? question.id}.${value}.label`);
              await card.getByRole('checkbox', { name: t('cards:question.option', { n: question.options.indexOf(value) + 1, label }) }).check();
            }
            await click(next);
          } else if (await card.getByRole('button', { name: optionTitle, exact: true }).count()) {
            await click(card.getByRole('button', { name: optionTitle, exact: true }));
          } else if (await card.locator(`input[type="radio"][value="${answer}"]`).count()) {
            // A few options too long for buttons are radio buttons: pick one, then [Next].
            await card.locator(`input[type="radio"][value="${answer}"]`).check();
            await click(next);
          } else {
            // A long list is a compact dropdown: open it, pick the option, then [Next].
            await card.locator('input[role="combobox"]').click();
            await page.getByRole('option', { name: optionTitle, exact: true }).click();
            await click(next);
          }
          expect(asked.length, 'questions asked').to.be.below(QUESTIONS.length + 1);
        }

        expect(asked).to.deep.equal(Object.keys(ANSWERS));
        const result = cards.last();
        await screenshotCard(page, result, `playground-${locale}-3-result.png`);
        const heights = { desktop: await callSheetHeights(page, result, t) };
        // At phone width: the card laid out PHONE_WIDTH px wide, as Teams mobile shows it, collapsed.
        await result.evaluate((el, width) => Object.assign((el as HTMLElement).style, { width: `${width}px`, maxWidth: `${width}px` }), PHONE_WIDTH);
        heights[`${PHONE_WIDTH}px` as 'desktop'] = await callSheetHeights(page, result, t);
        await screenshotCard(page, result, `playground-${locale}-4-result-${PHONE_WIDTH}px.png`);
        writeFileSync(artifactPath(`card-heights-${locale}.json`), `${JSON.stringify(heights, null, 2)}\n`);
        const phone = heights[`${PHONE_WIDTH}px` as 'desktop'];
        // The first lines say it all: verdict, next action (with its actor) and the deadline, within 300 px.
        expect(phone.firstLinesBottom, 'verdict and next action within the first 300 px').to.be.at.most(300);
        expect(phone.card, 'the collapsed call sheet fits one phone screen').to.be.at.most(760);
        await result.evaluate((el) => Object.assign((el as HTMLElement).style, { width: '', maxWidth: '' }));

        // Everything else is one click away.
        await result.getByRole('button', { name: t('cards:result.show.steps', { count: 3 }), exact: true }).click();
        const text = await result.innerText();
        for (const expected of expectedResultTexts(locale)) expect(text).to.include(expected);

        // The message for the customer: copied from the chat, it keeps every line the bot wrote; then in another language.
        await click(result.getByRole('button', { name: t('customer:button.share'), exact: true }).first());
        await expectCopiedAsSent(page, stack, t('customer:message.title'));
        const other = LOCALES[(LOCALES.indexOf(locale) + 1) % LOCALES.length]!;
        await click(cards.last().getByRole('button', { name: LANGUAGE_NAMES[other], exact: true }));
        await expectCopiedAsSent(page, stack, tFor(other)('customer:message.title'));
        // The message as the chat shows it, with its card under it.
        await cards.last().scrollIntoViewIfNeeded();
        await page.screenshot({ path: artifactPath(`playground-${locale}-5-customer-message-in-${other}.png`) });
      } catch (err) {
        // What the page showed when it went wrong, for whoever reads the CI log.
        await page.screenshot({ path: artifactPath(`playground-${locale}-failure.png`), fullPage: true }).catch(() => undefined);
        await page.content().then((html) => writeFileSync(artifactPath(`playground-${locale}-failure.html`), html), () => undefined);
        throw err;
      } finally {
        await page.close();
        await stack.close();
      }
    });
  }
});
