// The helpers the locale tests rely on.
import { expect } from 'chai';
import { expectedKeys, leaves, nestingsOf, placeholdersOf } from './localeFiles.js';

describe('locale test helpers', () => {
  it('treat strings and arrays as leaves and walk objects', () => {
    const flat = leaves({ a: { b: 'x', words: ['y', 'z'] }, c: 'w', empty: {} });
    expect([...flat.keys()]).to.deep.equal(['a.b', 'a.words', 'c']);
    expect(flat.get('a.words')).to.deep.equal(['y', 'z']);
  });

  it('map English plural keys to the target language plural forms', () => {
    const en = ['t.days_one', 't.days_other', 't.plain', 't.rank_ordinal_one', 't.rank_ordinal_other', 'x_other_thing'];
    expect([...expectedKeys(en, 'zh-CN')]).to.deep.equal([
      ['t.days_other', 't.days_other'],
      ['t.plain', 't.plain'],
      ['t.rank_ordinal_other', 't.rank_ordinal_other'],
      ['x_other_thing', 'x_other_thing'],
    ]);
    expect([...expectedKeys(en, 'en').keys()]).to.include.members(['t.days_one', 't.days_other', 't.rank_ordinal_two']);
  });

  it('leave a lone _one key alone when there is no _other', () => {
    expect([...expectedKeys(['a_one'], 'zh-TW').keys()]).to.deep.equal(['a_one']);
  });

  it('find {{params}} and $t() nestings', () => {
    const text = 'In $t(region.{{partnerRegion}}) on {{ renewalDate }}, {{count, number}} $t(a, {"x": 1})';
    expect(placeholdersOf(text)).to.deep.equal(['partnerRegion', 'renewalDate', 'count, number']);
    expect(nestingsOf(text)).to.deep.equal(['$t(region.{{partnerRegion}})', '$t(a, {"x": 1})']);
  });
});
