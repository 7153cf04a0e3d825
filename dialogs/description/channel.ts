// Where the customer bought (purchaseChannel) and what it wants (goal). Channel names are specific enough
// to be read wherever they stand ("web direct", "EA", "Open Value", 企业协议); a partner is the channel
// when the text names the customer's current, old or another CSP / reseller. A goal needs a movement
// said outright: leaving or switching partners, moving from a channel, keeping the partner and adding us.
import { findingsOf, hits, type Context, type Hit, type Rule } from './context.js';
import type { Finding } from './finding.js';

const PARTNER_EN = '(?:csp partners?|csps?|partners?|resellers?|providers?)(?![- ]?(?:center|centre|relationship))';
const PARTNER_ZH = '(?:csp\\s*)?(?:合作伙伴|经销商|转销商|代理商|csp)(?!关系|中心|间)';
const OWNER_ZH = '(?:原来的?|原本的?|现在的?|目前的?|当前的?|之前的?|以前的?|旧的?|现有的?|他们的?|他们现在的?|客户的?|客户现在的?|客户目前的?|原|源|来源)';
// Words between a verb and its object, never crossing into another phrase ("from EA to CSP").
const GAP = "(?:(?!(?:to|into|and|or|but|for)\\b)[\\w.'-]+\\s+)";
const BOUGHT_EN = '\\b(?:bought|buys|buy|buying|purchased|purchases|purchase|got|gets|ordered|orders|subscribed|subscribes|paid|pays|pay|billed|signed up|signs up|sign up)\\b';

export const CHANNEL_RULES: readonly Rule[] = [
  // Direct from Microsoft (admin center, Web Direct).
  [/\bweb[- ]?direct\b|\bmosp\b|\badmin (?:center|centre) purchases?\b/, 'adminCenter', 2],
  [/\bdirect(?:ly)?\s+(?:from|with|through|via|on|by)\s+microsoft\b|\bmicrosoft\s+direct(?:ly)?\b(?![- ](?:bill|csp|partner|reseller))/, 'adminCenter', 2],
  [
    new RegExp(
      `${BOUGHT_EN}\\s+(?:\\w+\\s+){0,4}?direct(?:ly)?\\b(?![- ](?:bill|csp|partner|reseller))(?!\\s+(?:from|through|via|with)\\s+(?:a|an|the|their|another|other)?\\s*(?:\\w+\\s+)?${PARTNER_EN})`,
    ),
    'adminCenter',
    2,
  ],
  [
    new RegExp(
      `${BOUGHT_EN}.{0,40}?\\b(?:on|from|via|through|in|using)\\s+(?:the\\s+)?(?:customer's\\s+)?(?:(?:m365|microsoft 365|o365|office 365)\\s+)?(?:admin (?:center|centre|portal)|microsoft\\.com|microsoft(?:'s)?\\s+(?:web\\s?site|site|online store|store|web store))`,
    ),
    'adminCenter',
    2,
  ],
  [/直接\s*(?:向|从|跟|和|在|找)?\s*(?:微软|microsoft)(?!\s*(?:的)?\s*(?:经销商|合作伙伴|代理|签))/, 'adminCenter', 2],
  [/(?:微软|microsoft)\s*(?:官网|官方网站|网站|网上商店|商店|直购|直接购买|直接买)|官网\s*(?:上)?\s*(?:直接)?\s*(?:购买|买|直购|下单|订购)|网站直购|官网直购/, 'adminCenter', 2],
  [/(?:管理中心|管理后台|后台|admin center|admin centre)\s*(?:里|上|中)?.{0,10}?(?:购买|买|订购|下单|刷卡)/, 'adminCenter', 2],
  [/直购|直接在线购买/, 'adminCenter', 2],
  [/(?:客户|他们)\s*(?:是|都是)?\s*(?:自己)?\s*直接\s*(?:购买|买|下单)/, 'adminCenter', 2],

  // Another CSP partner.
  [new RegExp(`\\b(?:another|other|a different|some other)\\s+(?:csp\\s+)?${PARTNER_EN}`), 'otherPartner', 2],
  [/\b(?:their|the customer's|customer's|current|existing|old|previous|former|incumbent|original|source)\s+(?:csp\s+)?(?:csps?|resellers?|providers?)\b(?![- ]?relationship)/, 'otherPartner', 2],
  [/\bsource partner\b|\bpartner[- ]to[- ]partner\b|\bp2p\b/, 'otherPartner', 2],
  [/\b(?:their|the customer's|customer's|current|existing|old|previous|former|incumbent|original)\s+partners?\b(?![- ]?(?:center|centre|relationship))/, 'otherPartner', 1],
  [new RegExp(`\\b(?:via|through|thru|from|with|w/)\\s+(?:a|an|another|their|some|the|one)?\\s*${GAP}{0,2}?(?:csps?|resellers?)\\b(?!\\s+relationship)`), 'otherPartner', 2],
  [new RegExp(`${BOUGHT_EN}[^.]{0,40}?\\(\\s*csp\\s*\\)`), 'otherPartner', 2],
  [new RegExp(`(?:另一家|另一个|另外一家|另外一个|其他|其它|别的|别家|另家)\\s*(?:的)?\\s*${PARTNER_ZH}`), 'otherPartner', 2],
  [new RegExp(`${OWNER_ZH}\\s*(?:csp\\s*)?(?:经销商|转销商|代理商|csp)(?!关系)|源合作伙伴|来源合作伙伴|合作伙伴间转移`), 'otherPartner', 2],
  [new RegExp(`${OWNER_ZH}\\s*合作伙伴(?!中心|关系|间)`), 'otherPartner', 1],
  [/(?:通过|透过|经由|从|跟|在|向)\s*(?:一家|某家|当地的?|本地的?|一个)?\s*[^，,。；;]{0,12}?\s*[(（]?\s*(?:经销商|转销商|代理商|csp)\s*[)）]?(?!关系)\s*(?:那里|那边|处|这里)?\s*(?:买|购买|订购|采购|购入)/, 'otherPartner', 2],

  // Enterprise Agreement, Open License, other volume licensing.
  [/\bea\b|\benterprise agreements?\b|企业协议|企业合约|ea\s*(?:协议|合约)/, 'enterpriseAgreement', 2],
  [/\bopen licen[cs]es?\b|开放式?许可|开放式?授权/, 'openLicense', 2],
  [/\bopen value\b|\bmpsa\b|\bvolume licen[cs](?:e|es|ing)\b|批量许可|批量授权|大量授权|开放式?价值许可|开放价值/, 'otherVolumeLicensing', 2],
];

/** The customer's channel; a purchase said of the partner typing ("we buy through a distributor") is not it. */
export function readChannel(ctx: Context): Finding[] {
  return findingsOf(ctx, 'purchaseChannel', CHANNEL_RULES, (hit) => hit.subject !== 'self' || isOwnedByOther(hit));
}

// "we take over from their current CSP": the partner named is theirs even though "we" speaks.
const isOwnedByOther = (hit: Hit) => /^(?:their|the customer's|customer's|current|existing|old|previous|former|incumbent|original|source|another|other)\b|^(?:原|现在|目前|当前|之前|以前|他们|客户|另|其他|其它|别)/.test(hit.match[0]);

const CHANNEL_WORDS_EN = '(?:(?:microsoft\\s+)?web[- ]?direct|(?:microsoft\\s+)?direct|(?:the\\s+)?admin cent(?:er|re)|ea|enterprise agreement|open licen[cs]e|open value|mpsa|volume licensing)';
const CHANNEL_WORDS_ZH = '(?:微软)?\\s*(?:ea|企业协议|企业合约|直接购买|直购|官网|网站直购|管理中心|open license|open value|mpsa|批量许可|大量授权|微软直接购买|微软官网|其他渠道|其他通路|别的渠道|别的通路)';
const MOVE_EN = '(?:move|moves|moving|moved|migrate|migrates|migrating|switch|switches|switching|transition|transitioning|transfer|transferring|convert|converting|bring|bringing|come|coming|go|going)';

export const GOAL_RULES: readonly Rule[] = [
  [
    new RegExp(
      `\\b(?:leave|leaves|leaving|ditch|ditching|drop|dropping|fire|firing|dump|dumping|replace|replacing)\\s+${GAP}{0,2}?${PARTNER_EN}|\\b(?:switch|switching|change|changing|move|moving|migrate|migrating|transfer|transferring|come over|coming over|take over|taking over|took over)\\s+${GAP}{0,3}?(?:from|away from)\\s+${GAP}{0,2}?${PARTNER_EN}`,
    ),
    'fromOtherPartner',
    2,
  ],
  [/\b(?:switch|switching|change|changing)\s+(?:csp\s+|their\s+)?(?:partners?|csps?|resellers?)\b|\bpartner[- ]to[- ]partner\b|\bp2p transfer\b/, 'fromOtherPartner', 2],
  [
    new RegExp(
      `(?:换|更换|换掉|离开|不想用|不再用|放弃|甩掉)\\s*${OWNER_ZH}?\\s*${PARTNER_ZH}|合作伙伴间转移|(?:从|由)\\s*(?:他们|客户)?\\s*(?:${OWNER_ZH}|另一家|其他|别的)?\\s*${PARTNER_ZH}\\s*(?:那里|那边|手上|手里)?\\s*(?:转|迁|移|换|接手|接过)`,
    ),
    'fromOtherPartner',
    2,
  ],
  [
    new RegExp(
      `\\b${MOVE_EN}\\s+(?:\\w+\\s+){0,4}?(?:from|off|off of|away from|out of)\\s+(?:the\\s+|their\\s+|an?\\s+)?${CHANNEL_WORDS_EN}\\b|\\b${MOVE_EN}\\s+(?:their\\s+|the\\s+)?(?:ea|enterprise agreement|open value|mpsa|web direct)\\s+(?:\\w+\\s+){0,2}?(?:to|into)\\s+(?:csp|us)\\b|\\brenew to csp\\b|\\bfrom (?:another|other|a different) channel\\b`,
    ),
    'fromOtherChannel',
    2,
  ],
  [
    new RegExp(`(?:从|由)\\s*${CHANNEL_WORDS_ZH}[^，,。；;]{0,10}?(?:迁移|迁|转|移转|移|换|切换)|把\\s*(?:ea|企业协议|企业合约|open value|mpsa)\\s*(?:的)?\\s*(?:订阅)?\\s*(?:迁移|迁|转|移转|移)(?:到|至|给)`),
    'fromOtherChannel',
    2,
  ],
  [
    /\bmulti[- ]?partner\b|\bmultiple partners\b|\btwo partners\b|\bboth partners\b|\b(?:second|additional|extra) partner\b|\b(?:alongside|in addition to)\s+(?:their|the)\s+(?:current\s+|existing\s+)?(?:partner|csp)\b|\b(?:keep|keeps|keeping|retain|retains|retaining|stay with|stays with|staying with)\s+(?:\w+\s+){0,3}?(?:partner|csp|reseller)s?\b/,
    'multiPartner',
    2,
  ],
  [
    new RegExp(
      `多合作伙伴|多个合作伙伴|多家合作伙伴|两(?:个|家)合作伙伴|多一(?:个|家)\\s*合作伙伴|第二(?:个|家)\\s*合作伙伴|(?:保留|维持|继续用|继续使用|不换)\\s*${OWNER_ZH}?\\s*${PARTNER_ZH}|(?:增加|新增|再加|多加|加上)\\s*我们|同时\\s*(?:也)?\\s*(?:跟|和|与)\\s*我们\\s*合作`,
    ),
    'multiPartner',
    2,
  ],
];

// "…wants to switch to us": the movement; where from is said elsewhere in the sentence.
const MOVE_TO_US = new RegExp(
  `\\b${MOVE_EN}\\s+(?:\\w+\\s+){0,5}?(?:to|over to|into)\\s+us\\b|\\bcome to us\\b|\\bleave\\s+(?:\\w+\\s+){0,3}?for us\\b|\\b(?:wants?|asked|asking)\\s+us\\s+to\\s+take\\s+over\\b|\\b${MOVE_EN}\\s+(?:\\w+\\s+){0,5}?(?:to|into)\\s+csp\\b|(?:换|转|迁|移转|迁移|转移|切换|改|switch|move)\\s*(?:整个)?\\s*(?:过来|过去)?\\s*(?:到|给|成|至)\\s*(?:由)?\\s*(?:我们|我司|csp)`,
);

/**
 * The goal. Besides the rules, "…wants to move to us / to CSP" says the goal when where it comes from is
 * said too: the channels named in its sentence, or else in the whole text, all partners or all other channels.
 */
export function readGoal(ctx: Context, channels: readonly Finding[]): Finding[] {
  const out = findingsOf(ctx, 'goal', GOAL_RULES);
  const kindsOf = (list: readonly Finding[]) => new Set(list.map((c) => (c.value === 'otherPartner' ? 'fromOtherPartner' : 'fromOtherChannel')));
  for (const hit of hits(ctx, MOVE_TO_US)) {
    if (hit.negated) continue;
    const inSentence = channels.filter((c) => ctx.segments.find((s) => c.at >= s.start && c.at < s.end)?.sentence === hit.seg.sentence);
    const kinds = kindsOf(inSentence.length ? inSentence : channels);
    if (kinds.size === 1) out.push({ questionId: 'goal', value: [...kinds][0]!, at: hit.start, rank: 1 });
  }
  return out;
}
