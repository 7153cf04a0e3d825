// Through the real bot (dialogs, state, rendering): from a result to the message for the customer, in the
// partner's language first, then in the customer's, and the partner's checklist one click away.
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { LOCALES, type Locale } from '../../src/i18n/index.js';
import { partnerOnlyProblems } from '../customerMessage/partnerOnly.js';
import { GUIDED_CASES } from '../support/cases.js';
import { guidedByClicking, submitsOf, tFor, textOf, TestConversation, type Card } from '../support/conversation.js';
import { hardBreakProblems, plainOf } from '../support/messageText.js';

/** A direct buyer renewing on 2027-06-09 whose license count goes down: the customer has dated work to do. */
const FEWER_LICENSES = { ...GUIDED_CASES['fewer licenses']!, renewalDate: '2027-06-09' };

/** The one message a share turn sends: the text as the partner copies it, and the card under it. */
function shared(replies: Array<Partial<Activity>>): { text: string; textFormat?: string; card: Card } {
  const withText = replies.filter((r) => typeof r.text === 'string' && r.text !== '');
  expect(withText, 'one message with text').to.have.length(1);
  const message = withText[0]!;
  expect(message.attachments, 'the card under it').to.have.length(1);
  // Every line is kept where Teams reads text as markdown: each ends in a hard break.
  expect(hardBreakProblems(message.text!)).to.deep.equal([]);
  return { text: plainOf(message.text!), textFormat: message.textFormat, card: message.attachments![0]!.content as Card };
}

const other = (lng: Locale): Locale => LOCALES[(LOCALES.indexOf(lng) + 1) % LOCALES.length]!;

async function atResult(locale: Locale, answers: Record<string, string>): Promise<{ conv: TestConversation; result: Card }> {
  const conv = new TestConversation({ locale });
  await conv.say('hi');
  return { conv, result: await guidedByClicking(conv, answers) };
}

for (const partner of LOCALES) {
  const t = tFor(partner);

  describe(`message for the customer (partner speaks ${partner})`, () => {
    it("from the result: written to the customer's admin in the partner's language, as text to copy, with the card", async () => {
      const { conv, result } = await atResult(partner, FEWER_LICENSES);
      expect(submitsOf(result).map((d) => d.command)).to.include('share');
      const { text, textFormat, card } = shared(await conv.submit({ action: 'command', command: 'share' }));
      expect(textFormat).to.equal('markdown');
      const lines = text.split('\n');
      expect(lines[0]).to.equal(t('customer:message.title'));
      // The customer's own work, with who does it and by when (the renewal date is 2027-06-09).
      const stop = lines.find((l) => l.includes(t('customer:action.stopRecurringBilling')))!;
      expect(stop).to.include(t('customer:actor.customerBillingAdmin')).and.include('2027-06-08');
      expect(text).to.include(t('customer:action.licenseCountFewer')).and.include(t('customer:avoid.letRunOut'));
      expect(partnerOnlyProblems(text, t)).to.deep.equal([]);
      expect(textOf(card)).to.include(t('customer:card.title'));
    });

    it(`a language button re-writes it in that language (${other(partner)}); the card stays in the partner's`, async () => {
      const { conv } = await atResult(partner, FEWER_LICENSES);
      const first = shared(await conv.submit({ action: 'command', command: 'share' }));
      const target = other(partner);
      const button = submitsOf(first.card).find((d) => d.locale === target)!;
      expect(button).to.deep.equal({ action: 'command', command: 'share', locale: target });
      const again = shared(await conv.submit(button));
      const tc = tFor(target);
      expect(again.text.split('\n')[0]).to.equal(tc('customer:message.title'));
      expect(again.text).to.include(tc('customer:action.stopRecurringBilling')).and.include('2027-06-08');
      expect(again.text).not.to.include(t('customer:action.stopRecurringBilling'));
      expect(textOf(again.card)).to.include(t('customer:card.title'));
      expect(JSON.stringify(again.card)).to.include(`"✓ ${['English', '简体中文', '繁體中文'][LOCALES.indexOf(target)]}"`);
      // The partner's own language did not change.
      const help = await conv.submit({ action: 'command', command: 'help' });
      expect(textOf(help[0]!.attachments![0]!.content)).to.include(t('cards:help.title'));
    });

    it("the partner's checklist is one click away, and leads back to the customer message", async () => {
      const { conv } = await atResult(partner, FEWER_LICENSES);
      const message = shared(await conv.submit({ action: 'command', command: 'share' }));
      const checklist = shared(await conv.submit(submitsOf(message.card).find((d) => d.command === 'checklist')!));
      expect(checklist.text.split('\n')[0]).to.equal(t('cards:share.title'));
      // Steps with their actors and dates, as the partner's checklist always had them.
      expect(checklist.text).to.include(t('guidance:actor.customerBillingAdmin')).and.include(t('guidance:step.stopRecurringBilling')).and.include('2027-06-08');
      expect(textOf(checklist.card)).to.include(t('customer:checklist.title'));
      const back = shared(await conv.submit(submitsOf(checklist.card).find((d) => d.command === 'share')!));
      expect(back.text).to.equal(message.text);
    });

    it('a blocked verdict offers it too: where things stand, and what would change it on the customer’s side', async () => {
      const { conv, result } = await atResult(partner, GUIDED_CASES['market mismatch']!);
      expect(textOf(result)).to.include(t('guidance:verdict.blocked'));
      expect(submitsOf(result).map((d) => d.command)).to.include('share');
      const { text } = shared(await conv.submit({ action: 'command', command: 'share' }));
      expect(text.split('\n')[0]).to.equal(t('customer:message.titleBlocked'));
      expect(text).to.include(t('guidance:region.japan')).and.include(t('customer:action.tenantMigration'));
      expect(partnerOnlyProblems(text, t)).to.deep.equal([]);
    });

    it('typed, the share command gives the same message', async () => {
      const { conv } = await atResult(partner, FEWER_LICENSES);
      const clicked = shared(await conv.submit({ action: 'command', command: 'share' }));
      const typed = shared(await conv.say((t('common:commands.share.words', { returnObjects: true }) as string[])[0]!));
      expect(typed.text).to.equal(clicked.text);
    });

    it('says there is nothing to share before a check is finished', async () => {
      const conv = new TestConversation({ locale: partner });
      await conv.say('hi');
      for (const command of ['share', 'checklist']) {
        const replies = await conv.submit({ action: 'command', command });
        expect(replies.some((r) => r.text)).to.equal(false);
        expect(textOf(replies.at(-1)!.attachments![0]!.content)).to.include(t('common:notice.noCheckYet'));
      }
    });
  });
}
