// How typed text becomes comparable tokens: full-width forms, case, Traditional/Simplified, mixed scripts.
import { expect } from 'chai';
import { canonical, stem, tokenKey, tokenize } from '../../src/faq/text.js';

describe('FAQ text: canonical form and tokens', () => {
  it('folds full-width letters and punctuation, case and invisible characters', () => {
    expect(canonical('ＧＤＡＰ是什麼？')).to.equal('gdap是什么?');
    expect(canonical('Re\u200bfund')).to.equal('refund');
    expect(canonical('customer’s')).to.equal("customer's");
  });

  it('writes Chinese in one script, so Traditional, Simplified and mixed text compare alike', () => {
    expect(canonical('區域不同還能轉嗎')).to.equal(canonical('区域不同还能转吗'));
    expect(canonical('區域不同还能轉嗎')).to.equal('区域不同还能转吗');
    expect(canonical('帳單支援')).to.equal(canonical('账单支持').replace('账', '帐'));
  });

  it('splits mixed text into English words and single Chinese characters, marking which characters touch', () => {
    const tokens = tokenize('GDAP 是什么？');
    expect(tokens.map((t) => t.text)).to.deep.equal(['gdap', '是', '什', '么']);
    expect(tokens.map((t) => t.joined)).to.deep.equal([false, false, true, true]);
    expect(tokenize('产品/服务').map((t) => t.joined)).to.deep.equal([false, true, false, true]);
  });

  it('keeps numbers and drops punctuation-only segments', () => {
    expect(tokenKey('2026-03-31')).to.equal('2026 03 31');
    expect(tokenKey('  ?!… ')).to.equal('');
    expect(tokenKey('GDAP + support')).to.equal('gdap support');
  });

  it('stems plurals and tenses lightly', () => {
    expect(['licenses', 'refunded', 'expires', 'policies', 'transferring', "customer's", 'vms'].map(stem)).to.deep.equal([
      'license', 'refund', 'expire', 'policy', 'transferr', 'customer', 'vm',
    ]);
    expect(stem('process')).to.equal('process');
  });
});
