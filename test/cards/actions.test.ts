import { expect } from 'chai';
import {
  COMMANDS,
  SubmitDataSchema,
  answerData,
  commandData,
  languageData,
  shareData,
  nextData,
  skipData,
} from '../../cards/index.js';
import { LOCALES } from '../../src/i18n/index.js';

const ok = (value: unknown) => expect(SubmitDataSchema.safeParse(value).success, JSON.stringify(value)).to.equal(true);
const bad = (value: unknown) => expect(SubmitDataSchema.safeParse(value).success, JSON.stringify(value)).to.equal(false);

describe('SubmitDataSchema', () => {
  it('accepts every shape the builders produce', () => {
    ok(answerData('role', 'accountAdmin'));
    ok(nextData('partnerRegion'));
    ok({ ...nextData('partnerRegion'), answer: 'europe' });
    ok({ ...nextData('renewalDate'), answer: '2026-03-31' });
    ok({ ...nextData('renewalDate'), answer: '' });
    ok(skipData('renewalDate'));
    for (const c of COMMANDS) ok(commandData(c));
    for (const l of LOCALES) ok(languageData(l));
    for (const l of LOCALES) ok(shareData(l));
  });

  it('accepts what Teams sends for a skip with an empty date input', () => {
    ok({ action: 'answer', questionId: 'renewalDate', skip: true, answer: '' });
  });

  it('rejects unknown actions, commands and locales', () => {
    bad({ action: 'delete' });
    bad({ action: 'command', command: 'shutdown' });
    bad({ action: 'command', command: 'language', locale: 'de-DE' });
    bad({ action: 'command', command: 'language', locale: 'zh-cn' });
    bad({});
    bad(null);
    bad('answer');
    bad([answerData('role', 'other')]);
  });

  it('rejects extra fields (strict): a tampered or foreign submit', () => {
    bad({ ...answerData('role', 'other'), extra: 1 });
    bad({ ...commandData('help'), questionId: 'role' });
    bad({ ...answerData('role', 'other'), msteams: { type: 'imBack' } });
  });

  it('rejects wrong types and oversized values', () => {
    bad({ action: 'answer', questionId: 'role', answer: 3 });
    bad({ action: 'answer', questionId: 'role', answer: 'x'.repeat(129) });
    bad({ action: 'answer', questionId: 'r'.repeat(41), answer: 'x' });
    bad({ action: 'answer', questionId: '', answer: 'x' });
    bad({ action: 'answer', questionId: 'role; drop', answer: 'x' });
    bad({ action: 'answer', questionId: 'renewalDate', skip: false });
    bad({ action: 'answer', answer: 'x' });
  });

  it('rejects a skip that carries an answer, and a locale on another command', () => {
    bad({ action: 'answer', questionId: 'renewalDate', skip: true, answer: '2026-01-01' });
    bad({ action: 'command', command: 'help', locale: 'en' });
    bad({ action: 'command', command: 'checklist', locale: 'en' });
    bad({ action: 'command', command: 'share', locale: 'fr' });
  });
});
