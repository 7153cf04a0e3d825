import { expect } from 'chai';
import { renderCard, renderQuestionCard, renderWelcomeCard, questionView, welcomeView } from '../../cards/index.js';
import { questionById } from '../../dialogs/questions.js';
import { translator } from '../support/conversation.js';

describe('question card cache', () => {
  const input = { question: questionById('tenantRegion')!, step: 10, total: 12, canGoBack: true, selected: 'japan' };

  it('gives the same card as a fresh render, per language and per question state', () => {
    for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
      const t = translator.t(locale);
      const fresh = renderCard('question', questionView(t, input));
      expect(renderQuestionCard(t, input).content).to.deep.equal(fresh);
      expect(renderQuestionCard(t, input).content).to.deep.equal(fresh);
      const hinted = renderQuestionCard(t, { ...input, hint: 'invalid' }).content;
      expect(hinted).to.deep.equal(renderCard('question', questionView(t, { ...input, hint: 'invalid' })));
      expect(hinted).not.to.deep.equal(fresh);
    }
    expect(renderQuestionCard(translator.t('en'), input).content).not.to.deep.equal(renderQuestionCard(translator.t('zh-TW'), input).content);
  });

  it('hands out frozen cards: changing one sent card throws, and cannot change the next', () => {
    const t = translator.t('en');
    const first = renderQuestionCard(t, input).content;
    const original = (first.body[0] as { text: string }).text;
    expect(() => ((first.body[0] as { text: string }).text = 'tampered')).to.throw(TypeError);
    expect(() => (first.actions as unknown[]).push({})).to.throw(TypeError);
    expect((renderQuestionCard(t, input).content.body[0] as { text: string }).text).to.equal(original);
  });

  it('translations without options are the same as i18next gives', () => {
    const t = translator.t('zh-CN');
    expect(t('cards:button.next')).to.equal(t('cards:button.next'));
    expect(t('cards:question.step', { k: 2, n: 9 })).to.include('2').and.include('9');
    expect(t('common:commands.help.words', { returnObjects: true })).to.be.an('array');
  });
});

describe('welcome card cache', () => {
  it('gives the same card as a fresh render in each language, frozen', () => {
    for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
      const t = translator.t(locale);
      const fresh = renderCard('welcome', welcomeView(t));
      const cached = renderWelcomeCard(t).content;
      expect(cached).to.deep.equal(fresh);
      expect(renderWelcomeCard(t).content).to.equal(cached);
      expect(() => ((cached.body[0] as { text: string }).text = 'tampered')).to.throw(TypeError);
    }
    expect(renderWelcomeCard(translator.t('en')).content).not.to.deep.equal(renderWelcomeCard(translator.t('zh-CN')).content);
  });
});
