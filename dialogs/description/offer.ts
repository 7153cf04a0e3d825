// What the partner will provision, compared with today: the offer (same, equivalent, different), the
// number of licenses (same, more, fewer), and whether the current offer is discontinued. Only said outright:
// "same offer", "same number of licenses", "adding 10 seats", "等效的产品", "授权数量不变", "已经停售".
import { findingsOf, hits, type Context, type Rule } from './context.js';
import type { Finding } from './finding.js';

const OFFER_EN = '(?:offers?|skus?|products?|plans?|editions?|licen[cs]e types?|subscription types?)';
const OFFER_ZH = '(?:产品/服务|产品|供应项目|sku|方案|订阅类型)';

export const OFFER_RULES: readonly Rule[] = [
  [new RegExp(`\\b(?:the\\s+)?same\\s+(?:\\w+\\s+){0,2}?${OFFER_EN}\\b|\\blike[- ]for[- ]like\\b`), 'same', 2],
  [new RegExp(`(?:相同|一样|同样|同一个|同一款|一致)\\s*的?\\s*${OFFER_ZH}|${OFFER_ZH}\\s*(?:也|都)?\\s*(?:相同|一样|不变|一致)`), 'same', 2],
  [new RegExp(`\\b(?:equivalent|similar|comparable)\\s+(?:\\w+\\s+)?${OFFER_EN}\\b`), 'equivalent', 2],
  [new RegExp(`(?:等效|同等|对等|类似|相似)\\s*的?\\s*${OFFER_ZH}`), 'equivalent', 2],
  [new RegExp(`\\bdifferent\\s+(?:\\w+\\s+)?${OFFER_EN}\\b`), 'different', 2],
  [new RegExp(`不同\\s*的?\\s*${OFFER_ZH}|(?:换成|改成|改用|换用)\\s*(?:别的|其他|不同)的?\\s*${OFFER_ZH}`), 'different', 2],
];

const SEATS_EN = '(?:licen[cs]es|seats|users)';
const SEATS_ZH = '(?:许可证|许可|授权|席位|用户|账号|帐号)';
const CN_NUM = '(?:\\d+|[一二两三四五六七八九十几]+)';

export const COUNT_RULES: readonly Rule[] = [
  [
    new RegExp(
      `\\bsame\\s+(?:number|amount|count|quantity|qty)(?:\\s+of\\s+${SEATS_EN})?\\b|\\bsame\\s+(?:licen[cs]e|seat|user)\\s+count\\b|\\bsame\\s+\\d+\\s+${SEATS_EN}\\b|\\b(?:licen[cs]e|seat)\\s+count\\s+(?:stays|remains|is)\\s+(?:the\\s+)?same\\b|\\bsame\\s+(?:\\w+\\s+){1,2}(?:and|&)\\s+(?:licen[cs]e|seat|user)\\s+(?:count|numbers?)\\b`,
    ),
    'same',
    2,
  ],
  [new RegExp(`${SEATS_ZH}?\\s*(?:数量|数)\\s*(?:不变|一样|相同|一致|保持不变)|(?:相同|一样)\\s*的?\\s*数量`), 'same', 2],
  [
    new RegExp(
      `\\b(?:more|additional|extra)\\s+${SEATS_EN}\\b|\\badd(?:ing)?\\s+(?:\\d+\\s+)?(?:more\\s+)?${SEATS_EN}\\b|\\b\\d+\\s+more\\s+${SEATS_EN}\\b|\\bincreas(?:e|ing)\\s+(?:the\\s+)?(?:${SEATS_EN}|licen[cs]e count|seat count|quantity)\\b`,
    ),
    'more',
    2,
  ],
  [new RegExp(`${SEATS_ZH}\\s*(?:数量)?\\s*(?:要|会|将|想)?\\s*(?:增加|多买|加购|追加|变多)|(?:增加|多买|加购|追加|加买)\\s*${CN_NUM}?\\s*(?:个|套|份)?\\s*${SEATS_ZH}`), 'more', 2],
  [
    new RegExp(
      `\\b(?:fewer|less)\\s+${SEATS_EN}\\b|\\b(?:reduce|reducing|cut|cutting|drop|dropping|decrease|decreasing|remove|removing)\\s+(?:\\d+\\s+|the\\s+|some\\s+)?(?:${SEATS_EN}|licen[cs]e count|seat count)\\b`,
    ),
    'fewer',
    2,
  ],
  [new RegExp(`${SEATS_ZH}\\s*(?:数量)?\\s*(?:要|会|将|想)?\\s*(?:减少|少买|减掉|砍掉|变少)|(?:减少|少买|减掉|砍掉)\\s*${CN_NUM}?\\s*(?:个|套|份)?\\s*${SEATS_ZH}`), 'fewer', 2],
];

// "from 40 to 50 seats", "从40个许可证增加到50个": compared.
// "reduce to 30 seats", "go up to 50 licenses": the direction is said.
const TO_COUNT = new RegExp(`\\b(?:(?<fewer>reduce|reducing|cut|cutting|drop|dropping|go down|going down|decrease|decreasing)|(?<more>increase|increasing|go up|going up|grow|growing))\\s+to\\s+\\d+\\s+${SEATS_EN}\\b`);
const FROM_TO = new RegExp(
  `\\bfrom\\s+(\\d+)\\s+(?:${SEATS_EN}\\s+)?to\\s+(\\d+)\\s+${SEATS_EN}\\b|从\\s*(\\d+)\\s*(?:个|套)?\\s*${SEATS_ZH}?\\s*(?:增加|减少|减|降|加|变)?\\s*(?:到|至)\\s*(\\d+)\\s*(?:个|套)?\\s*${SEATS_ZH}`,
);

const DISCONTINUED =
  /\b(?:discontinued|end[- ]of[- ]sale|end[- ]of[- ]life|no longer (?:sold|available|offered|for sale|orderable))\b|\b(?:offers?|skus?|products?|plans?)\s+(?:is|are|was|were|has been|have been|got)\s+retired\b|停售|停止销售|不再销售|不再提供|下架|退市/;
const STILL_SOLD =
  /\bstill\s+(?:available|sold|on sale|offered|orderable|for sale|being sold)\b|(?:还在|仍在|仍然在|依然在)\s*(?:卖|销售|售卖)|(?:还|仍|仍然)\s*(?:可以|能)\s*(?:买|购买|订购)/;

export function readOffer(ctx: Context): Finding[] {
  const out = [...findingsOf(ctx, 'offerPlan', OFFER_RULES), ...findingsOf(ctx, 'licenseCount', COUNT_RULES)];
  for (const hit of hits(ctx, FROM_TO)) {
    if (hit.negated) continue;
    const [from, to] = [Number(hit.match[1] ?? hit.match[3]), Number(hit.match[2] ?? hit.match[4])];
    out.push({ questionId: 'licenseCount', value: from === to ? 'same' : to > from ? 'more' : 'fewer', at: hit.start, rank: 2 });
  }
  for (const hit of hits(ctx, TO_COUNT)) {
    if (!hit.negated) out.push({ questionId: 'licenseCount', value: hit.match.groups?.['fewer'] ? 'fewer' : 'more', at: hit.start, rank: 2 });
  }
  // Discontinued, or said not to be ("not discontinued", "没有停售", "still available").
  for (const hit of hits(ctx, DISCONTINUED)) {
    if (/open licen[cs]e|开放式?(?:许可|授权)/.test(hit.seg.text)) continue; // the program was retired, not the offer
    out.push({ questionId: 'offerDiscontinued', value: hit.negated ? 'no' : 'yes', at: hit.start, rank: 2 });
  }
  for (const hit of hits(ctx, STILL_SOLD)) if (!hit.negated) out.push({ questionId: 'offerDiscontinued', value: 'no', at: hit.start, rank: 2 });
  return out;
}
