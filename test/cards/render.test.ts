import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  CARD_NAMES,
  CardRenderError,
  renderCard,
  toAttachment,
  welcomeView,
  type WelcomeViewData,
} from '../../cards/index.js';
import { createTranslator } from '../../src/i18n/index.js';

const t = createTranslator().t('en');

describe('cards/render', () => {
  it('every template is an Adaptive Card 1.5 at full width in Teams', () => {
    for (const name of CARD_NAMES) {
      const template = JSON.parse(readFileSync(new URL(`../../cards/${name}Card.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
      expect(template, name).to.include({ type: 'AdaptiveCard', version: '1.5' });
      expect(template.msteams, name).to.deep.equal({ width: 'Full' });
    }
  });

  it('expands a template into a new object each time', () => {
    const a = renderCard('welcome', welcomeView(t));
    const b = renderCard('welcome', welcomeView(t));
    expect(a).to.deep.equal(b);
    expect(a).not.to.equal(b);
    (a.body[0] as { text: string }).text = 'changed';
    expect((renderCard('welcome', welcomeView(t)).body[0] as { text: string }).text).not.to.equal('changed');
  });

  it('throws when a field is missing and a ${…} would survive', () => {
    const { how: _how, ...incomplete } = welcomeView(t);
    expect(() => renderCard('welcome', incomplete as WelcomeViewData)).to.throw(CardRenderError, /\$\{how\}/);
  });

  it('throws when a value smuggles a ${…} in', () => {
    expect(() => renderCard('welcome', { ...welcomeView(t), what: 'a ${b}' })).to.throw(CardRenderError);
  });

  it('wraps a card as a botbuilder-compatible attachment', () => {
    const card = renderCard('welcome', welcomeView(t));
    expect(toAttachment(card)).to.deep.equal({ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card });
    expect(ADAPTIVE_CARD_CONTENT_TYPE).to.equal('application/vnd.microsoft.card.adaptive');
  });
});
