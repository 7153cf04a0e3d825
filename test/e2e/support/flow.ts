// Steps of a conversation in the Playground that several e2e tests share: switching language from the
// welcome card, and answering a guided check by clicking, as a partner would.
import { expect } from 'chai';
import type { Locale } from '../../../src/i18n/index.js';
import { tFor } from '../../support/conversation.js';
import { actionsOf, isResultCard, questionIdOf, textOf, type Card } from './cardActions.js';
import type { BotMessage, PlaygroundClient, Turn } from './playgroundClient.js';
import { TAIWAN_INDIRECT } from '../../support/cases.js';

export { translator, tFor } from '../../support/conversation.js';

/** One answer per question: a partner moving a customer from an indirect reseller, both in Taiwan. */
export const ANSWERS: Record<string, string> = TAIWAN_INDIRECT;

/** What the answers above must produce on the result card, in any language. */
export function expectedResultTexts(locale: Locale): string[] {
  const t = tFor(locale);
  return [t('guidance:path.partnerTransfer'), t('guidance:step.createTransferByProvider'), t('guidance:actor.currentProvider')];
}

/** The message the conversation continues with: the newest question or result card the turn showed. */
export function nextStep(turn: Turn): BotMessage | undefined {
  const candidates = [...turn.created, ...(turn.updated ? [turn.updated] : [])];
  return candidates.filter((m) => m.card && (questionIdOf(m.card) || isResultCard(m.card))).at(-1);
}

export function cardIn(turn: Turn, description: string): BotMessage {
  const message = turn.created.find((m) => m.card) ?? turn.updated;
  expect(message?.card, `expected ${description}`).to.be.an('object');
  return message!;
}

/** Welcome card → [Language] → the language's button: the bot confirms in the new language. */
export async function switchLanguage(client: PlaygroundClient, welcome: BotMessage, locale: Locale): Promise<void> {
  const languageCard = cardIn(await client.click(welcome, { command: 'language' }), 'the language card');
  const confirmed = await client.click(languageCard, { command: 'language', locale });
  expect(confirmed.cards.map(textOf).join('\n')).to.include(tFor(locale)('common:notice.languageChanged'));
}

/**
 * Answers every question by clicking: the option's own button when the card has one, else the
 * answer entered in the card's input (dropdown or date) and [Next]. Returns the result card.
 */
export async function answerByClicking(client: PlaygroundClient, first: BotMessage, locale: Locale, onQuestion?: (card: Card, id: string) => Promise<void>): Promise<{ result: BotMessage; asked: string[] }> {
  const t = tFor(locale);
  const asked: string[] = [];
  let step: BotMessage | undefined = first;
  while (step?.card && !isResultCard(step.card)) {
    const card = step.card;
    const id = questionIdOf(card)!;
    expect(asked, 'questions asked so far').to.not.include(id);
    asked.push(id);
    expect(textOf(card), `question ${id} in ${locale}`).to.include(t(`questions:${id}.prompt`));
    await onQuestion?.(card, id);
    const answer = ANSWERS[id]!;
    const button = actionsOf(card).find((a) => a.data?.questionId === id && a.data.answer === answer);
    const turn = button
      ? await client.click(step, { questionId: id, answer })
      : await client.click(step, { action: 'answer', questionId: id, answer: undefined, skip: undefined }, { answer });
    step = nextStep(turn);
  }
  expect(step?.card, 'the result card').to.be.an('object');
  return { result: step!, asked };
}
