// Microsoft's official terms (GUIDANCE §9), not the other market's terms and not the seeds' machine
// translation. zh-TW is not a character conversion of zh-CN: 许可证 → 授權, 租户 → 租用戶, 云 → 雲端, 渠道 → 通路.
import { FILES, at, expectNone, leaves, textsOf, type LocaleFile } from './localeFiles.js';

interface Forbidden {
  /** A literal string, or a pattern where the term is only wrong in some contexts. */
  term: string | RegExp;
  use: string;
  /** The GUIDANCE §9 row the rule comes from. */
  row: string;
}

/** Mainland terms (and conversions of them) that Taiwan's Microsoft docs say differently. */
const NOT_IN_ZH_TW: Forbidden[] = [
  { term: '許可證', use: '授權', row: 'license' },
  { term: '租戶', use: '租用戶', row: 'tenant' }, // 租用戶 does not contain 租戶, so it passes
  { term: '渠道', use: '通路', row: 'multi-partner / multi-channel' },
  { term: '雲解決方案', use: '雲端解決方案', row: 'Cloud Solution Provider (CSP) program' },
  { term: '提供商', use: '提供者', row: 'Cloud Solution Provider (CSP) program' },
  { term: '計劃', use: '計畫', row: 'Cloud Solution Provider (CSP) program' },
  { term: /優惠(?!方案)/, use: '供應項目', row: 'offer (not 優惠方案)' }, // 優惠方案 itself: SEED_MISTAKES
  { term: '產品/服務', use: '供應項目', row: 'offer' },
  { term: '預配', use: '佈建', row: 'provision' },
  { term: '支持', use: '支援', row: 'billing support' },
  { term: '計費支援', use: '帳單支援', row: 'billing support' },
  { term: '計費代理', use: '帳單代理人', row: 'Account admin / Sales agent / Billing agent' },
  { term: '精細委派', use: '細微委派', row: 'granular delegated admin privileges (GDAP)' },
  { term: '委派的管理員', use: '委派系統管理員權限', row: 'delegated admin privileges (DAP)' },
  { term: /(?<!系統)管理中心/, use: '系統管理中心', row: 'Microsoft 365 admin center' },
  { term: '伙伴', use: '夥伴', row: 'Partner Center' },
  { term: 'Azure 計劃', use: 'Azure 方案', row: 'Azure plan' },
  { term: '關系', use: '關係', row: 'reseller relationship (係, not 系)' },
];

/** Taiwan terms that mainland Microsoft docs say differently. */
const NOT_IN_ZH_CN: Forbidden[] = [
  { term: '租用户', use: '租户', row: 'tenant' },
  { term: '通路', use: '渠道', row: 'multi-partner / multi-channel' },
  { term: /[佈布]建/, use: '预配', row: 'provision' },
  { term: '云端解决方案', use: '云解决方案', row: 'Cloud Solution Provider (CSP) program' },
  { term: '解决方案提供者', use: '解决方案提供商', row: 'Cloud Solution Provider (CSP) program' },
  { term: '计画', use: '计划', row: 'Cloud Solution Provider (CSP) program' },
  { term: 'Azure 方案', use: 'Azure 计划', row: 'Azure plan' },
  { term: '供应项目', use: '产品/服务', row: 'offer' },
  { term: '信用额度', use: '额度', row: 'credit' },
  { term: '支援', use: '支持', row: 'billing support' },
  { term: /[帐账]单代理/, use: '计费代理', row: 'Account admin / Sales agent / Billing agent' },
  { term: '细微委派', use: '精细委派', row: 'granular delegated admin privileges (GDAP)' },
  { term: '系统管理员', use: '管理员', row: 'delegated admin privileges (DAP)' },
  { term: '系统管理中心', use: '管理中心', row: 'Microsoft 365 admin center' },
];

/** The seeds' machine-translation mistakes GUIDANCE §9 calls out: wrong in both Chinese locales. */
const SEED_MISTAKES: Forbidden[] = [
  { term: '套餐', use: '产品/服务 / 供應項目', row: "offer (the seed's 套餐 is machine translation)" },
  { term: '租使用者', use: '租户 / 租用戶', row: "tenant (the seed's 租使用者 is wrong)" },
  { term: /[点點][数數]/, use: '额度 / 信用額度', row: 'credit (not 點數)' },
  { term: /[优優]惠方案/, use: '产品/服务 / 供應項目', row: 'offer (not 優惠方案)' },
];

const RULES: Record<string, Forbidden[]> = {
  'zh-TW': [...NOT_IN_ZH_TW, ...SEED_MISTAKES],
  'zh-CN': [...NOT_IN_ZH_CN, ...SEED_MISTAKES],
};

function violations(file: LocaleFile, rules: Forbidden[]): string[] {
  const problems: string[] = [];
  for (const [key, leaf] of leaves(file.data)) {
    for (const text of textsOf(leaf)) {
      for (const { term, use, row } of rules) {
        const hit = typeof term === 'string' ? text.includes(term) : term.test(text);
        if (hit) problems.push(`${at(file, key)}: ${String(term)} → ${use} (GUIDANCE §9 "${row}") in ${JSON.stringify(text)}`);
      }
    }
  }
  return problems;
}

describe('Chinese terminology (GUIDANCE §9)', () => {
  for (const file of FILES.filter((f) => f.lng in RULES)) {
    const what = file.lng === 'zh-TW' ? 'mainland terms' : 'Taiwan terms';
    it(`${file.name} has no ${what} and none of the seeds' machine-translation mistakes`, () => {
      const problems = violations(file, RULES[file.lng]!);
      expectNone(problems);
    });
  }
});
