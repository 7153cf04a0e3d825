// Microsoft's official terms (GUIDANCE §12), not the other market's terms and not the seeds' machine
// translation. zh-TW is not a character conversion of zh-CN: 许可证 → 授權, 租户 → 租用戶, 云 → 雲端, 渠道 → 通路,
// 自动续订 → 自動續約.
import { FILES, at, expectNone, leaves, textsOf, type LocaleFile } from './localeFiles.js';

interface Forbidden {
  /** A literal string, or a pattern where the term is only wrong in some contexts. */
  term: string | RegExp;
  use: string;
  /** The GUIDANCE §12 row (or the notes below its table) the rule comes from. */
  row: string;
  /**
   * Only in text the bot shows (labels, messages, answers), not in what users type (option `words`, FAQ
   * `keywords` / `terms`, `skipWords`): the bot names a market 中国台湾, but a user who types 台湾 or
   * 授权数量 should still be understood.
   */
  shownOnly?: boolean;
}

const MARKETS = 'market / region (notes below the table: market names per locale)';

/** Mainland terms (and conversions of them) that Taiwan's Microsoft docs say differently. */
const NOT_IN_ZH_TW: Forbidden[] = [
  { term: '許可證', use: '授權', row: 'license' },
  { term: '租戶', use: '租用戶', row: 'tenant' }, // 租用戶 does not contain 租戶, so it passes
  { term: '渠道', use: '通路', row: 'notes below the table: zh-TW is not a character conversion (渠道 → 通路)' },
  { term: '雲解決方案', use: '雲端解決方案', row: 'CSP program' },
  { term: '提供商', use: '提供者', row: 'indirect provider / indirect reseller / direct-bill partner' },
  { term: '計劃', use: '計畫', row: 'CSP program' },
  { term: /優惠(?!方案)/, use: '供應項目', row: 'offer (not 優惠方案)' }, // 優惠方案 itself: SEED_MISTAKES
  { term: '產品/服務', use: '供應項目', row: 'offer' },
  { term: '預配', use: '佈建', row: 'provision' },
  { term: '支持', use: '支援', row: 'billing support / support request' },
  { term: '計費支援', use: '帳單支援', row: 'billing support' },
  // Billing agent (2020 article) is not Billing admin (計費管理員); neither is 計費代理.
  { term: '計費代理', use: '計費管理員 (Billing admin) / 帳單代理人 (Billing agent)', row: 'Account admin / Billing admin / Helpdesk agent' },
  { term: '精細委派', use: '細微委派', row: 'GDAP' },
  { term: '委派的管理員', use: '委派系統管理員權限', row: 'DAP' },
  { term: /(?<!系統)管理中心/, use: '系統管理中心', row: 'Microsoft 365 admin center' },
  { term: '伙伴', use: '夥伴', row: 'Partner Center' },
  { term: 'Azure 計劃', use: 'Azure 方案', row: 'CSP program (計畫, not 計劃; the Azure plan link is Azure 方案)' },
  { term: '關系', use: '關係', row: 'reseller relationship (係, not 系)' },
  // Edition 2.
  { term: '系統管理員代理程式', use: '管理員代理', row: 'Admin agent / Sales agent / Global admin' },
  { term: '全局管理員', use: '全域管理員', row: 'Admin agent / Sales agent / Global admin' },
  { term: '間接經銷商', use: '間接轉銷商', row: 'indirect provider / indirect reseller / direct-bill partner' },
  { term: '新商業', use: '新商務', row: 'New Commerce (experience)' },
  { term: /自[動动][續续][訂订期]/, use: '自動續約', row: 'auto-renew (Partner Center)' },
  { term: /(?:循環|週期性|經常性)計費/, use: '定期計費', row: 'recurring billing (admin center)' },
  { term: /(?<!信用)額度/, use: '信用額度', row: 'credit (billing)' },
  { term: /支援(?:票證|請求)/, use: '支援要求', row: 'support request', shownOnly: true },
  { term: '已禁用', use: '已停用', row: 'Expired / Disabled / Deleted (states)' },
  { term: /世紀互[連联]|世紀互聯運營|由\s*21Vianet\s*營運/, use: '由世紀互聯營運的 Microsoft 365', row: 'Microsoft 365 operated by 21Vianet' },
  // The move is 移轉; a partner-to-partner transfer is 轉移, from the 來源合作夥伴 to the 目標合作夥伴.
  { term: /轉移[到至]\s*(?:您的\s*)?(?:CSP|雲端解決方案)/, use: '移轉到 CSP', row: 'move (this article\'s title verb)' },
  { term: /合作夥伴(?:之)?間的?移轉/, use: '合作夥伴間轉移', row: 'partner-to-partner transfer' },
  { term: /(?<!來)源合作夥伴/, use: '來源合作夥伴', row: 'partner-to-partner transfer' },
  { term: '中國台灣', use: '台灣', row: MARKETS },
  { term: /中國(?:香港|澳門)/, use: '香港特別行政區 / 澳門特別行政區', row: MARKETS },
  { term: '臺灣', use: '台灣', row: MARKETS, shownOnly: true },
  { term: /香港(?!特別行政區)|澳門(?!特別行政區)/, use: '香港特別行政區 / 澳門特別行政區', row: MARKETS, shownOnly: true },
];

/** Taiwan terms that mainland Microsoft docs say differently. */
const NOT_IN_ZH_CN: Forbidden[] = [
  { term: '租用户', use: '租户', row: 'tenant' },
  { term: '通路', use: '渠道', row: 'notes below the table: zh-TW is not a character conversion (渠道 → 通路)' },
  { term: /[佈布]建/, use: '预配', row: 'provision' },
  { term: '云端解决方案', use: '云解决方案', row: 'CSP program' },
  { term: '解决方案提供者', use: '解决方案提供商', row: 'CSP program' },
  { term: '计画', use: '计划', row: 'CSP program' },
  { term: 'Azure 方案', use: 'Azure 计划', row: 'CSP program (计划; the Azure plan link is Azure 计划)' },
  { term: '供应项目', use: '产品/服务', row: 'offer' },
  // Bare 额度 reads as "quota": the credit is 信用额度.
  { term: /(?<!信用)额度/, use: '信用额度', row: 'credit (billing)' },
  { term: '支援', use: '支持', row: 'billing support / support request' },
  // Billing agent (2020 article) is 计费代理; Billing admin is 计费管理员.
  { term: /[帐账]单代理/, use: '计费代理 (Billing agent) / 计费管理员 (Billing admin)', row: 'Account admin / Billing admin / Helpdesk agent' },
  { term: '细微委派', use: '精细委派', row: 'GDAP' },
  { term: '系统管理员', use: '管理员', row: 'DAP' },
  { term: '系统管理中心', use: '管理中心', row: 'Microsoft 365 admin center' },
  // Edition 2.
  { term: '夥伴', use: '伙伴', row: 'Partner Center' },
  { term: '全域管理员', use: '全局管理员', row: 'Admin agent / Sales agent / Global admin' },
  { term: /间接(?:转销商|提供者)/, use: '间接经销商 / 间接提供商', row: 'indirect provider / indirect reseller / direct-bill partner' },
  { term: '新商务', use: '新商业', row: 'New Commerce (experience)' },
  { term: /自动续[约期]/, use: '自动续订', row: 'auto-renew (Partner Center)' },
  { term: /(?:循环|周期性|经常性)计费/, use: '定期计费', row: 'recurring billing (admin center)' },
  { term: /支持(?:票证|工单)/, use: '支持请求', row: 'support request', shownOnly: true },
  { term: '已停用', use: '已禁用', row: 'Expired / Disabled / Deleted (states)' },
  { term: /订用[帐账]户/, use: '订阅', row: 'subscription' },
  { term: /授权(?:数|分配)/, use: '许可证', row: 'license', shownOnly: true }, // 区域授权 (regional authorization) is fine
  { term: /世纪互联营运|由\s*21Vianet\s*运营/, use: '由世纪互联运营的 Microsoft 365', row: 'Microsoft 365 operated by 21Vianet' },
  // The move is 移动 / 迁移; a partner-to-partner transfer is 转移, from the 源合作伙伴 to the 目标合作伙伴.
  { term: /转移[到至]\s*(?:你的\s*)?(?:CSP|云解决方案)/, use: '移动到 / 迁移到 CSP', row: 'move (this article\'s title verb)' },
  { term: /合作伙伴(?:之)?间的?(?:迁移|移动)/, use: '合作伙伴间转移', row: 'partner-to-partner transfer' },
  { term: '来源合作伙伴', use: '源合作伙伴', row: 'partner-to-partner transfer' },
  { term: /(?<!中国)台湾/, use: '中国台湾', row: MARKETS, shownOnly: true },
  {
    term: /(?<!中国)(?:香港|澳门)|(?:香港|澳门)(?!特别行政区)/,
    use: '中国香港特别行政区 / 中国澳门特别行政区',
    row: MARKETS,
    shownOnly: true,
  },
];

/** The seeds' machine-translation mistakes GUIDANCE §12 calls out: wrong in both Chinese locales. */
const SEED_MISTAKES: Forbidden[] = [
  { term: '套餐', use: '产品/服务 / 供應項目', row: "offer (the seed's 套餐 is machine translation)" },
  { term: '租使用者', use: '租户 / 租用戶', row: "tenant (the seed's 租使用者 is wrong)" },
  { term: /[点點][数數]/, use: '信用额度 / 信用額度', row: 'credit (billing) (not 點數)' },
  { term: /[优優]惠方案/, use: '产品/服务 / 供應項目', row: 'offer (not 優惠方案)' },
];

const RULES: Record<string, Forbidden[]> = {
  'zh-TW': [...NOT_IN_ZH_TW, ...SEED_MISTAKES],
  'zh-CN': [...NOT_IN_ZH_CN, ...SEED_MISTAKES],
};

/** What users type: option and command `words`, `skipWords`, FAQ topic `keywords` and `terms`. */
const isTypedWords = (key: string) => key === 'skipWords' || /\.(?:words|keywords|terms)$/.test(key);

function violations(file: LocaleFile, rules: Forbidden[]): string[] {
  const problems: string[] = [];
  for (const [key, leaf] of leaves(file.data)) {
    for (const text of textsOf(leaf)) {
      for (const { term, use, row, shownOnly } of rules) {
        if (shownOnly && isTypedWords(key)) continue;
        const hit = typeof term === 'string' ? text.includes(term) : term.test(text);
        if (hit) problems.push(`${at(file, key)}: ${String(term)} → ${use} (GUIDANCE §12 "${row}") in ${JSON.stringify(text)}`);
      }
    }
  }
  return problems;
}

describe('Chinese terminology (GUIDANCE §12)', () => {
  for (const file of FILES.filter((f) => f.lng in RULES)) {
    const what = file.lng === 'zh-TW' ? 'mainland terms' : 'Taiwan terms';
    it(`${file.name} has no ${what} and none of the seeds' machine-translation mistakes`, () => {
      const problems = violations(file, RULES[file.lng]!);
      expectNone(problems);
    });
  }

  it('the rules catch what they are for, and leave the correct terms alone', () => {
    const hits = (lng: string, text: string, key = 'k') =>
      violations({ lng, ns: 'probe', name: `probe/${lng}`, data: { [key]: text } }, RULES[lng]!);
    const wrong: Array<[string, string]> = [
      ['zh-CN', '客户可能有资格获得额度。'],
      ['zh-CN', '关闭自动续约。'],
      ['zh-CN', '由 21Vianet 运营的 Microsoft 365'],
      ['zh-CN', '将客户转移到 CSP 计划'],
      ['zh-CN', '亚太地区（含香港、澳门）'],
      ['zh-CN', '台湾'],
      ['zh-CN', '订阅已停用。'],
      ['zh-TW', '關閉自動續訂。'],
      ['zh-TW', '系統管理員代理程式'],
      ['zh-TW', '客戶可能符合獲得額度的資格。'],
      ['zh-TW', '訂閱已禁用。'],
      ['zh-TW', '中國香港特別行政區'],
      ['zh-TW', '合作夥伴之間移轉'],
    ];
    const right: Array<[string, string]> = [
      ['zh-CN', '可能获得信用额度。关闭自动续订和定期计费。请求合作伙伴间转移：源合作伙伴批准。'],
      ['zh-CN', '由世纪互联运营的 Microsoft 365；区域授权；中国台湾；中国香港特别行政区、中国澳门特别行政区'],
      ['zh-CN', '订阅已过期、已禁用、已删除。管理员代理、销售代理、全局管理员。'],
      ['zh-TW', '信用額度。關閉自動續約和定期計費。合作夥伴間轉移：來源合作夥伴核准。移轉到 CSP。'],
      ['zh-TW', '由世紀互聯營運的 Microsoft 365；台灣；香港特別行政區、澳門特別行政區；已過期、已停用、已刪除'],
      ['zh-TW', '管理員代理、銷售代理、全域管理員；間接提供者、間接轉銷商'],
    ];
    const problems = [
      ...wrong.filter(([lng, text]) => hits(lng, text).length === 0).map(([lng, text]) => `${lng}: no rule catches ${text}`),
      ...right.flatMap(([lng, text]) => hits(lng, text)),
      // Users may type the short market names.
      ...hits('zh-CN', '香港', 'optionSets.region.asiaPacific.words'),
      ...hits('zh-TW', '臺灣', 'optionSets.region.taiwan.words'),
      ...hits('zh-CN', '台湾', 'topics.region.terms'),
      ...hits('zh-CN', '授权数量', 'topics.licenseCount.keywords'),
    ];
    expectNone(problems);
  });
});
