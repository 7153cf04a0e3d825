// Every locale file is bundled at build time, so start-up reads no files and a missing one fails the build.
import enCommon from '../../locales/en/common.json' with { type: 'json' };
import enQuestions from '../../locales/en/questions.json' with { type: 'json' };
import enCards from '../../locales/en/cards.json' with { type: 'json' };
import enGuidance from '../../locales/en/guidance.json' with { type: 'json' };
import enFaq from '../../locales/en/faq.json' with { type: 'json' };
import enDescribe from '../../locales/en/describe.json' with { type: 'json' };
import enCustomer from '../../locales/en/customer.json' with { type: 'json' };
import enMoves from '../../locales/en/moves.json' with { type: 'json' };
import zhCNCommon from '../../locales/zh-CN/common.json' with { type: 'json' };
import zhCNQuestions from '../../locales/zh-CN/questions.json' with { type: 'json' };
import zhCNCards from '../../locales/zh-CN/cards.json' with { type: 'json' };
import zhCNGuidance from '../../locales/zh-CN/guidance.json' with { type: 'json' };
import zhCNFaq from '../../locales/zh-CN/faq.json' with { type: 'json' };
import zhCNDescribe from '../../locales/zh-CN/describe.json' with { type: 'json' };
import zhCNCustomer from '../../locales/zh-CN/customer.json' with { type: 'json' };
import zhCNMoves from '../../locales/zh-CN/moves.json' with { type: 'json' };
import zhTWCommon from '../../locales/zh-TW/common.json' with { type: 'json' };
import zhTWQuestions from '../../locales/zh-TW/questions.json' with { type: 'json' };
import zhTWCards from '../../locales/zh-TW/cards.json' with { type: 'json' };
import zhTWGuidance from '../../locales/zh-TW/guidance.json' with { type: 'json' };
import zhTWFaq from '../../locales/zh-TW/faq.json' with { type: 'json' };
import zhTWDescribe from '../../locales/zh-TW/describe.json' with { type: 'json' };
import zhTWCustomer from '../../locales/zh-TW/customer.json' with { type: 'json' };
import zhTWMoves from '../../locales/zh-TW/moves.json' with { type: 'json' };

export const NAMESPACES = ['common', 'questions', 'cards', 'guidance', 'faq', 'describe', 'customer', 'moves'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const resources = {
  en: { common: enCommon, questions: enQuestions, cards: enCards, guidance: enGuidance, faq: enFaq, describe: enDescribe, customer: enCustomer, moves: enMoves },
  'zh-CN': { common: zhCNCommon, questions: zhCNQuestions, cards: zhCNCards, guidance: zhCNGuidance, faq: zhCNFaq, describe: zhCNDescribe, customer: zhCNCustomer, moves: zhCNMoves },
  'zh-TW': { common: zhTWCommon, questions: zhTWQuestions, cards: zhTWCards, guidance: zhTWGuidance, faq: zhTWFaq, describe: zhTWDescribe, customer: zhTWCustomer, moves: zhTWMoves },
} as const;
