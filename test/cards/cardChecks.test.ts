// The harness itself: it must catch what it promises to catch, and pass what is fine.
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { AC_SCHEMA_PATH, MESSAGE_LIMIT_BYTES, assertValidCard, cardSizeBytes, checkCard, schemaAvailable, submitActions } from './cardChecks.js';

const card = (body: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'AdaptiveCard', version: '1.5', body, ...extra });
const text = (s: string) => ({ type: 'TextBlock', text: s, wrap: true });

describe('cardChecks harness', () => {
  it('passes a plain card, an attachment, and ordinary prose with dots and URLs', () => {
    const ok = card([text('Go to Partner Center > Customers, e.g. at learn.microsoft.com. Node.js 20, v1.5, 2026-03-31.')], {
      msteams: { width: 'Full' },
    });
    expect(checkCard(ok)).to.deep.equal([]);
    expect(checkCard({ contentType: 'application/vnd.microsoft.card.adaptive', content: ok })).to.deep.equal([]);
    expect(checkCard(card([text('[Docs](https://learn.microsoft.com/partner-center/customers/gdap-faq)')]))).to.deep.equal([]);
  });

  it('uses the JSON schema when ../shared has it (and only then)', () => {
    expect(schemaAvailable()).to.equal(existsSync(AC_SCHEMA_PATH));
  });

  it('(a) reports SDK parse events', () => {
    expect(checkCard(card([{ type: 'Bogus' }])).join('\n')).to.match(/SDK parse: Unknown element type/);
    expect(checkCard(card([{ type: 'TextBlock', text: 'x', size: 'huge' }])).join('\n')).to.match(/SDK parse: Invalid value "huge"/);
  });

  it('(b) reports schema problems when the schema is present, and a wrong msteams always', function () {
    expect(checkCard(card([text('x')], { msteams: { width: 'Half' } })).join('\n')).to.match(/msteams/);
    if (!schemaAvailable()) this.skip();
    expect(checkCard(card([{ type: 'TextBlock', wrap: true }])).join('\n')).to.match(/Schema: .*text/);
  });

  it('(c) reports a surviving ${', () => {
    expect(checkCard(card([text('Hello ${name}')])).join('\n')).to.match(/Unexpanded template expression/);
  });

  it('(d) reports raw i18n keys and interpolation leftovers', () => {
    const problems = (s: string) => checkCard(card([text(s)])).join('\n');
    expect(problems('step.requestRelationship')).to.match(/Raw i18n key/);
    expect(problems('1. step.requestRelationship _(Dec 2023)_')).to.match(/Raw i18n key step\.requestRelationship/);
    expect(problems('optionSets.region.europe.label')).to.match(/Raw i18n key/);
    expect(problems('region.europe')).to.match(/Raw i18n key/);
    expect(problems('timing.daysLeft_other')).to.match(/Raw i18n key/);
    expect(problems('appName')).to.match(/Raw i18n key/);
    expect(problems('see cards:button.start')).to.match(/namespace prefix/);
    expect(problems('Hello {{name}}')).to.match(/Unfilled interpolation/);
    expect(problems('In $t(region.europe)')).to.match(/\$t\(\) nesting/);
    expect(problems('somethingNew.notInAnyFile')).to.match(/Raw i18n key/);
  });

  it('(d) does not read submit data or URLs as text', () => {
    const c = card([text('x')], { actions: [{ type: 'Action.Submit', title: 'Go', data: { action: 'answer', questionId: 'step.requestRelationship' } }] });
    expect(checkCard(c)).to.deep.equal([]);
  });

  it('(e) measures UTF-16 bytes and enforces the limit', () => {
    const small = card([text('ab')]);
    expect(cardSizeBytes(small)).to.equal(JSON.stringify(small).length * 2);
    expect(cardSizeBytes(card([text('中文')]))).to.equal(cardSizeBytes(card([text('ab')])));
    const big = card([text('x'.repeat(MESSAGE_LIMIT_BYTES / 2))]);
    expect(checkCard(big).join('\n')).to.match(/bytes as UTF-16/);
    expect(checkCard(small, { maxBytes: 100 }).join('\n')).to.match(/limit 100/);
  });

  it('assertValidCard throws with every problem and returns the size otherwise', () => {
    expect(() => assertValidCard(card([text('${x} {{y}}')]), 'bad')).to.throw(/bad has \d problem/);
    const ok = card([text('fine')]);
    expect(assertValidCard(ok)).to.equal(cardSizeBytes(ok));
  });

  it('rejects what is not an Adaptive Card or not version 1.5', () => {
    expect(checkCard({ type: 'HeroCard' })).to.include('Not an AdaptiveCard object');
    expect(checkCard(card([text('x')], { version: '1.6' })).join('\n')).to.match(/expected 1\.5/);
    expect(checkCard({ contentType: 'application/vnd.microsoft.card.hero', content: card([text('x')]) }).join('\n')).to.match(/contentType/);
  });

  it('finds every submit action, in the body and in the card actions', () => {
    const c = card([{ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'A', data: { a: 1 } }] }], {
      actions: [{ type: 'Action.Submit', title: 'B', data: { b: 2 }, associatedInputs: 'none' }, { type: 'Action.OpenUrl', title: 'C', url: 'https://x' }],
    });
    expect(submitActions(c)).to.deep.equal([
      { title: 'A', data: { a: 1 } },
      { title: 'B', data: { b: 2 }, associatedInputs: 'none' },
    ]);
  });
});
