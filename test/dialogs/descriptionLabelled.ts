// The labelled set for dialogs/description: case descriptions as partners type them on a call, each with the
// exact answers it must fill. A field absent from `answers` must stay unfilled. `typical` marks the ordinary,
// well-described cases that must fill at least five answers. `unreadable` names date-like text the reader
// should report instead of guessing. Read relative to TODAY.
//
// LABELLED was written before the reader was tuned, and the reader was then tuned on it. UNTUNED was written
// once tuning was done; scoring it found two wrong answers (a question opened by 请问, a partner's branch
// office read as its market), and those bugs and three format gaps it showed were fixed. FRESH was written
// after that and scored once: its one wrong answer ("no GDAP, only the old DAP" read as no access) was a
// rule flaw, fixed afterwards; nothing else was changed for it.
import type { Answers, QuestionId } from '../../dialogs/questions.js';

export const TODAY = '2026-12-06';

export interface Labelled {
  text: string;
  answers: Answers;
  typical?: boolean;
  unreadable?: QuestionId[];
}

export type LabelledSet = Record<'en' | 'zh-CN' | 'zh-TW', Labelled[]>;

export const LABELLED: LabelledSet = {
  en: [
    {
      text: 'Customer bought 40 E3 from Microsoft direct, tenant is in Japan, renews 3/31. We already have a reseller relationship and GDAP with Service Support Administrator.',
      answers: { purchaseChannel: 'adminCenter', tenantRegion: 'japan', renewalDate: '2027-03-31', resellerRelationship: 'yes', delegatedAdmin: 'gdapSupport' },
      typical: true,
    },
    {
      text: "Contoso GmbH, German tenant. They're with another CSP partner today and want to leave them for us. Their current partner is an indirect reseller. About 12 subscriptions in the tenant, no reseller relationship yet.",
      answers: {
        tenantRegion: 'europe',
        purchaseChannel: 'otherPartner',
        goal: 'fromOtherPartner',
        otherPartnerBilling: 'indirectReseller',
        activeSubscriptions: 'upTo150',
        resellerRelationship: 'no',
      },
      typical: true,
    },
    {
      text: "hi - customer is on an EA that expires 2027-06-30, they want to move from EA to CSP. tenant in the US. we're an indirect reseller in the US too",
      answers: {
        purchaseChannel: 'enterpriseAgreement',
        renewalDate: '2027-06-30',
        goal: 'fromOtherChannel',
        tenantRegion: 'unitedStates',
        partnerModel: 'indirectReseller',
        partnerRegion: 'unitedStates',
      },
      typical: true,
    },
    {
      text: 'Not from another partner - they bought everything through the admin center with a credit card. 25 Business Premium seats. Tenant: France.',
      answers: { purchaseChannel: 'adminCenter', tenantRegion: 'europe' },
    },
    {
      text: "Quick one: customer's subscriptions expired on 10 Oct, auto-renew was off. They were with a CSP reseller before. Tenant in Singapore.",
      answers: { renewalDate: '2026-10-10', dateKind: 'ended', purchaseChannel: 'otherPartner', tenantRegion: 'asiaPacific' },
    },
    {
      text: 'Customer keeps their current CSP and wants to add us as a second partner for Dynamics work. Canadian tenant.',
      answers: { goal: 'multiPartner', purchaseChannel: 'otherPartner', tenantRegion: 'canada' },
    },
    {
      text: 'Tenant is on 21Vianet, customer is in Shanghai, bought through a local reseller.',
      answers: { tenantCloud: 'vianet', tenantRegion: 'china', purchaseChannel: 'otherPartner' },
    },
    {
      text: "We're a direct bill partner in Australia. Customer is also in Australia, Open Value agreement ending 2027-01-31, same offer and same number of licenses, no GDAP yet, reseller relationship is already in place.",
      answers: {
        partnerModel: 'directBill',
        partnerRegion: 'australia',
        tenantRegion: 'australia',
        purchaseChannel: 'otherVolumeLicensing',
        renewalDate: '2027-01-31',
        offerPlan: 'same',
        licenseCount: 'same',
        delegatedAdmin: 'none',
        resellerRelationship: 'yes',
      },
      typical: true,
    },
    {
      text: 'the customer renewed on Dec 2 by mistake, they bought it direct from Microsoft. tenant in India, around 8 subscriptions total',
      answers: { renewalDate: '2026-12-02', dateKind: 'renewed', purchaseChannel: 'adminCenter', tenantRegion: 'india', activeSubscriptions: 'upTo150' },
      typical: true,
    },
    {
      text: 'Open License customer in Brazil, their licenses ran out sometime last year.',
      answers: { purchaseChannel: 'openLicense', tenantRegion: 'brazil' },
      unreadable: ['renewalDate'],
    },
    { text: 'Can the customer get a refund if we move them now?', answers: {} },
    {
      text: 'MPSA customer, UK based, about 300 subscriptions in the tenant, we only have DAP',
      answers: { purchaseChannel: 'otherVolumeLicensing', tenantRegion: 'europe', activeSubscriptions: 'over150', delegatedAdmin: 'dap' },
    },
    {
      text: 'Customer wants multi-partner: keep Softchoice and add us for support. Tenant in Mexico.',
      answers: { goal: 'multiPartner', tenantRegion: 'latinAmerica' },
    },
    {
      text: 'Their reseller buys through Pax8, so the current partner is an indirect reseller. Customer wants to switch partners. Renewal is March 15.',
      answers: { otherPartnerBilling: 'indirectReseller', purchaseChannel: 'otherPartner', goal: 'fromOtherPartner', renewalDate: '2027-03-15' },
    },
    {
      text: 'E5 discontinued? no, the offer is still available. customer bought direct, renewal sometime in March.',
      answers: { offerDiscontinued: 'no', purchaseChannel: 'adminCenter' },
      unreadable: ['renewalDate'],
    },
    {
      text: "Tenant's in South Korea. Customer bought Microsoft 365 through another partner; the source partner sells direct (tier 1). We have Admin agent and Sales agent roles. Subscriptions renew on 2027-02-01.",
      answers: {
        tenantRegion: 'korea',
        purchaseChannel: 'otherPartner',
        otherPartnerBilling: 'directBill',
        partnerRoles: ['adminAgent', 'salesAgent'],
        renewalDate: '2027-02-01',
      },
      typical: true,
    },
    {
      text: "I'm the admin agent on our side. Customer is in New Zealand, web direct, no GDAP or DAP, expires 20 Jan.",
      answers: {
        partnerRoles: ['adminAgent'],
        tenantRegion: 'newZealand',
        purchaseChannel: 'adminCenter',
        delegatedAdmin: 'none',
        renewalDate: '2027-01-20',
      },
      typical: true,
    },
    {
      text: "Customer wants to move off their EA (ends June 30) into CSP, roughly 1,200 users, tenant in Germany. Their SKU is end of sale so we'd go with an equivalent offer.",
      answers: {
        goal: 'fromOtherChannel',
        purchaseChannel: 'enterpriseAgreement',
        renewalDate: '2027-06-30',
        tenantRegion: 'europe',
        offerDiscontinued: 'yes',
        offerPlan: 'equivalent',
      },
      typical: true,
    },
    {
      text: 'We are a Taiwan partner. Client tenant sits in Hong Kong.',
      answers: { partnerRegion: 'taiwan', tenantRegion: 'asiaPacific' },
    },
    {
      text: 'Customer had O365 E1 via a Microsoft reseller, not EA, not Open. Active subs: 3. They want to leave the old reseller and come to us.',
      answers: { purchaseChannel: 'otherPartner', activeSubscriptions: 'upTo150', goal: 'fromOtherPartner' },
    },
    {
      text: 'GDAP is set up but without any support role, only User admin and License admin. Customer renews 1 April. Tenant region: Europe.',
      answers: { delegatedAdmin: 'gdapOther', renewalDate: '2027-04-01', tenantRegion: 'europe' },
    },
    {
      text: 'Their subscriptions lapsed on November 20 and users still have access. Bought from Crayon (CSP). Tenant is in Italy.',
      answers: { renewalDate: '2026-11-20', dateKind: 'ended', purchaseChannel: 'otherPartner', tenantRegion: 'europe' },
    },
    {
      text: 'Customer: Northwind Traders, 120 seats of Business Standard, renewal date 2027-05-31, they pay by invoice, tenant in the Netherlands, bought directly on microsoft.com',
      answers: { renewalDate: '2027-05-31', tenantRegion: 'europe', purchaseChannel: 'adminCenter' },
    },
    {
      text: 'We want to take over from their current CSP with a partner-to-partner transfer. The current CSP is direct bill. Tenant US, 40 subscriptions.',
      answers: {
        goal: 'fromOtherPartner',
        purchaseChannel: 'otherPartner',
        otherPartnerBilling: 'directBill',
        tenantRegion: 'unitedStates',
        activeSubscriptions: 'upTo150',
      },
      typical: true,
    },
    {
      text: 'customer is in japan, not 21vianet obviously, global cloud. EA expired 2026-11-30.',
      answers: {
        tenantRegion: 'japan',
        tenantCloud: 'global',
        purchaseChannel: 'enterpriseAgreement',
        renewalDate: '2026-11-30',
        dateKind: 'ended',
      },
      typical: true,
    },
    {
      text: 'Reseller relationship: not yet. Delegated admin: none. Customer bought through Open Value, tenant in Poland.',
      answers: { resellerRelationship: 'no', delegatedAdmin: 'none', purchaseChannel: 'otherVolumeLicensing', tenantRegion: 'middleEastCee' },
    },
    {
      text: "Customer wants to stay with their partner and also work with us (multi-partner). We're in Canada, they're in Canada too.",
      answers: { goal: 'multiPartner', purchaseChannel: 'otherPartner', partnerRegion: 'canada', tenantRegion: 'canada' },
    },
    { text: "what's the difference between GDAP and DAP?", answers: {} },
    {
      text: 'Their E3 expired 3 days ago, recurring billing was off. Web Direct. Tenant in the UAE.',
      answers: { renewalDate: '2026-12-03', dateKind: 'ended', purchaseChannel: 'adminCenter', tenantRegion: 'middleEastCee' },
    },
    {
      text: 'Moving 2 subscriptions from Microsoft direct to us, Dec 28 renewal, Aussie customer',
      answers: { goal: 'fromOtherChannel', purchaseChannel: 'adminCenter', activeSubscriptions: 'upTo150', tenantRegion: 'australia' },
      unreadable: ['renewalDate'],
    },
    {
      text: "customer's tenant is in Taiwan, they bought from another CSP, the old partner is direct bill. we have GDAP, no support role. same offer, more licenses (adding 10 seats).",
      answers: {
        tenantRegion: 'taiwan',
        purchaseChannel: 'otherPartner',
        otherPartnerBilling: 'directBill',
        delegatedAdmin: 'gdapOther',
        offerPlan: 'same',
        licenseCount: 'more',
      },
      typical: true,
    },
    { text: "Customer's current provider is Ingram? not sure. Tenant in Japan I think.", answers: {} },
    {
      text: "We'll buy the same SKUs, same quantity. Customer bought in the M365 admin center. They have about 200 subscriptions in that tenant (lots of trials).",
      answers: { offerPlan: 'same', licenseCount: 'same', purchaseChannel: 'adminCenter', activeSubscriptions: 'over150' },
    },
    {
      text: 'cust is w/ another CSP, wants to switch to us asap!! tenant = Spain. renewal was 11/28 and it auto-renewed unfortunately',
      answers: { purchaseChannel: 'otherPartner', goal: 'fromOtherPartner', tenantRegion: 'europe', renewalDate: '2026-11-28', dateKind: 'renewed' },
    },
    {
      text: 'Hey, so the customer (Fabrikam, 60 users, E3 + Teams Phone) is currently on web direct, their tenant is in Canada, we are in Canada as well. No admin access, no relationship yet. Subs renew on 15 Feb.',
      answers: {
        purchaseChannel: 'adminCenter',
        tenantRegion: 'canada',
        partnerRegion: 'canada',
        delegatedAdmin: 'none',
        resellerRelationship: 'no',
        renewalDate: '2027-02-15',
      },
      typical: true,
    },
  ],

  'zh-CN': [
    {
      text: '客户之前在微软官网买的 E3，50 个用户，租户在中国，不是世纪互联，订阅明年 3 月 31 日到期。我们还没有经销商关系，也没有 GDAP。',
      answers: {
        purchaseChannel: 'adminCenter',
        tenantRegion: 'china',
        tenantCloud: 'global',
        renewalDate: '2027-03-31',
        resellerRelationship: 'no',
        delegatedAdmin: 'none',
      },
      typical: true,
    },
    {
      text: '客户现在是通过另一家 CSP 合作伙伴买的，想换到我们这边。原合作伙伴是间接经销商。租户在新加坡，大概十几个订阅。',
      answers: {
        purchaseChannel: 'otherPartner',
        goal: 'fromOtherPartner',
        otherPartnerBilling: 'indirectReseller',
        tenantRegion: 'asiaPacific',
        activeSubscriptions: 'upTo150',
      },
      typical: true,
    },
    {
      text: '客户签的是企业协议，明年6月30日到期，想从 EA 迁移到 CSP。租户在上海。',
      answers: { purchaseChannel: 'enterpriseAgreement', renewalDate: '2027-06-30', goal: 'fromOtherChannel' },
    },
    {
      text: '不是从其他合作伙伴买的，是客户自己在 Microsoft 365 管理中心用信用卡买的，租户在德国。',
      answers: { purchaseChannel: 'adminCenter', tenantRegion: 'europe' },
    },
    {
      text: '客户的订阅上个月15号已经到期了，自动续订没开。之前是在别的经销商那里买的。租户在香港。',
      answers: { renewalDate: '2026-11-15', dateKind: 'ended', purchaseChannel: 'otherPartner', tenantRegion: 'asiaPacific' },
    },
    {
      text: '客户保留现在的合作伙伴，同时增加我们做第二个合作伙伴，租户在加拿大。',
      answers: { goal: 'multiPartner', purchaseChannel: 'otherPartner', tenantRegion: 'canada' },
    },
    {
      text: '客户用的是世纪互联版的 Office 365，公司在北京，是通过本地代理商买的。',
      answers: { tenantCloud: 'vianet', tenantRegion: 'china', purchaseChannel: 'otherPartner' },
    },
    {
      text: '我们是澳大利亚的直接计费合作伙伴。客户也在澳洲，用的是 Open Value，明年1月31日到期，产品一样，许可证数量不变，还没有 GDAP，经销商关系已经建立了。',
      answers: {
        partnerModel: 'directBill',
        partnerRegion: 'australia',
        tenantRegion: 'australia',
        purchaseChannel: 'otherVolumeLicensing',
        renewalDate: '2027-01-31',
        offerPlan: 'same',
        licenseCount: 'same',
        delegatedAdmin: 'none',
        resellerRelationship: 'yes',
      },
      typical: true,
    },
    {
      text: '客户12月2日不小心续订了，是直接从微软买的，租户在印度，总共大概8个订阅。',
      answers: { renewalDate: '2026-12-02', dateKind: 'renewed', purchaseChannel: 'adminCenter', tenantRegion: 'india', activeSubscriptions: 'upTo150' },
      typical: true,
    },
    {
      text: 'Open License 的客户，在巴西，许可证去年就过期了。',
      answers: { purchaseChannel: 'openLicense', tenantRegion: 'brazil' },
      unreadable: ['renewalDate'],
    },
    { text: '客户能拿回退款吗？', answers: {} },
    {
      text: 'MPSA 客户，英国的，租户里大概有300个订阅，我们只有 DAP。',
      answers: { purchaseChannel: 'otherVolumeLicensing', tenantRegion: 'europe', activeSubscriptions: 'over150', delegatedAdmin: 'dap' },
    },
    {
      text: '客户想要多合作伙伴模式，保留原来的合作伙伴，我们负责技术支持。租户在墨西哥。',
      answers: { goal: 'multiPartner', purchaseChannel: 'otherPartner', tenantRegion: 'latinAmerica' },
    },
    {
      text: '他们现在的经销商是通过分销商下单的，也就是间接经销商；客户想换合作伙伴。续订日期是3月15日。',
      answers: { otherPartnerBilling: 'indirectReseller', goal: 'fromOtherPartner', purchaseChannel: 'otherPartner', renewalDate: '2027-03-15' },
    },
    {
      text: 'E5 停售了吗？没有，产品还在卖。客户是直接购买的，3月份续订。',
      answers: { offerDiscontinued: 'no', purchaseChannel: 'adminCenter' },
      unreadable: ['renewalDate'],
    },
    {
      text: '租户在韩国，客户是从另一个合作伙伴那里买的 Microsoft 365，源合作伙伴是直接计费的。我有管理员代理和销售代理角色。订阅2027年2月1日续订。',
      answers: {
        tenantRegion: 'korea',
        purchaseChannel: 'otherPartner',
        otherPartnerBilling: 'directBill',
        partnerRoles: ['adminAgent', 'salesAgent'],
        renewalDate: '2027-02-01',
      },
      typical: true,
    },
    {
      text: '我是我们公司的管理员代理。客户在新西兰，官网直购，没有 GDAP 也没有 DAP，明年1月20日到期。',
      answers: {
        partnerRoles: ['adminAgent'],
        tenantRegion: 'newZealand',
        purchaseChannel: 'adminCenter',
        delegatedAdmin: 'none',
        renewalDate: '2027-01-20',
      },
      typical: true,
    },
    {
      text: '客户想把 EA 迁移到 CSP，EA 6月30日结束，大约1200个用户，租户在德国。原来的产品已经停售了，打算用等效的产品。',
      answers: {
        goal: 'fromOtherChannel',
        purchaseChannel: 'enterpriseAgreement',
        renewalDate: '2027-06-30',
        tenantRegion: 'europe',
        offerDiscontinued: 'yes',
        offerPlan: 'equivalent',
      },
      typical: true,
    },
    {
      text: '我们是中国台湾的合作伙伴，客户租户在中国香港。',
      answers: { partnerRegion: 'taiwan', tenantRegion: 'asiaPacific' },
    },
    {
      text: '客户用的是 Office 365 E1，通过微软经销商买的，不是 EA，也不是 Open。有效订阅 3 个。想离开原来的经销商转到我们这里。',
      answers: { purchaseChannel: 'otherPartner', activeSubscriptions: 'upTo150', goal: 'fromOtherPartner' },
    },
    {
      text: 'GDAP 已经建好了，但没有支持角色，只有用户管理员和许可证管理员。客户4月1日续订。租户区域：欧洲。',
      answers: { delegatedAdmin: 'gdapOther', renewalDate: '2027-04-01', tenantRegion: 'europe' },
    },
    {
      text: '客户的订阅11月20日已经过期，用户现在还能用。之前是从 Crayon（CSP）买的。租户在意大利。',
      answers: { renewalDate: '2026-11-20', dateKind: 'ended', purchaseChannel: 'otherPartner', tenantRegion: 'europe' },
    },
    {
      text: '客户：北风贸易，120个 Business Standard 席位，续订日期2027-05-31，租户在荷兰，是在微软官网直接买的。',
      answers: { renewalDate: '2027-05-31', tenantRegion: 'europe', purchaseChannel: 'adminCenter' },
    },
    {
      text: '我们打算通过合作伙伴间转移，从他们现在的 CSP 接手。现在的 CSP 是直接计费的。租户在美国，40个订阅。',
      answers: {
        goal: 'fromOtherPartner',
        purchaseChannel: 'otherPartner',
        otherPartnerBilling: 'directBill',
        tenantRegion: 'unitedStates',
        activeSubscriptions: 'upTo150',
      },
      typical: true,
    },
    {
      text: '客户在日本，当然不是世纪互联，是全球版。EA 已经在2026年11月30日到期了。',
      answers: {
        tenantRegion: 'japan',
        tenantCloud: 'global',
        purchaseChannel: 'enterpriseAgreement',
        renewalDate: '2026-11-30',
        dateKind: 'ended',
      },
      typical: true,
    },
    {
      text: '经销商关系：还没有。委派管理权限：无。客户是通过 Open Value 买的，租户在波兰。',
      answers: { resellerRelationship: 'no', delegatedAdmin: 'none', purchaseChannel: 'otherVolumeLicensing', tenantRegion: 'middleEastCee' },
    },
    {
      text: '客户想保留原来的合作伙伴，同时跟我们合作。我们在加拿大，他们也在加拿大。',
      answers: { goal: 'multiPartner', purchaseChannel: 'otherPartner', partnerRegion: 'canada', tenantRegion: 'canada' },
    },
    { text: 'GDAP 和 DAP 有什么区别？', answers: {} },
    {
      text: '他们的 E3 三天前过期了，定期计费是关着的。是网站直购的。租户在阿联酋。',
      answers: { renewalDate: '2026-12-03', dateKind: 'ended', purchaseChannel: 'adminCenter', tenantRegion: 'middleEastCee' },
    },
    {
      text: '把2个订阅从微软直接购买迁移到我们这边，澳洲客户，12月28日续订。',
      answers: {
        goal: 'fromOtherChannel',
        purchaseChannel: 'adminCenter',
        activeSubscriptions: 'upTo150',
        tenantRegion: 'australia',
        renewalDate: '2026-12-28',
      },
      typical: true,
    },
    {
      text: '客户的租户在中国台湾，之前从另一个 CSP 买的，原来的合作伙伴是直接计费的。我们有 GDAP，不过没有支持角色。产品相同，许可证要增加10个。',
      answers: {
        tenantRegion: 'taiwan',
        purchaseChannel: 'otherPartner',
        otherPartnerBilling: 'directBill',
        delegatedAdmin: 'gdapOther',
        offerPlan: 'same',
        licenseCount: 'more',
      },
      typical: true,
    },
    { text: '客户现在的供应商可能是 Ingram？不太确定。租户应该在日本吧。', answers: {} },
    {
      text: '客户 bought 40 E3 from Microsoft direct, 年付, tenant 在日本, renews 3/31',
      answers: { purchaseChannel: 'adminCenter', tenantRegion: 'japan', renewalDate: '2027-03-31' },
    },
    {
      text: '客户在 Germany，from another CSP partner，想 switch 到我们，no GDAP yet',
      answers: { tenantRegion: 'europe', purchaseChannel: 'otherPartner', goal: 'fromOtherPartner', delegatedAdmin: 'none' },
    },
    {
      text: '老板说这个客户下个月10号订阅到期，现在用的是 EA，租户在法国，我们在欧洲这边有 CSP 账号，GDAP 还没申请。',
      answers: {
        renewalDate: '2027-01-10',
        purchaseChannel: 'enterpriseAgreement',
        tenantRegion: 'europe',
        partnerRegion: 'europe',
        delegatedAdmin: 'none',
      },
      typical: true,
    },
  ],

  'zh-TW': [
    {
      text: '客戶原本是在微軟官網直接買的 M365 商務進階版，30 個授權，租用戶在台灣，明年 2 月 28 號續約。我們已經有經銷商關係了，也有 GDAP，含服務支援管理員。',
      answers: { purchaseChannel: 'adminCenter', tenantRegion: 'taiwan', renewalDate: '2027-02-28', resellerRelationship: 'yes', delegatedAdmin: 'gdapSupport' },
      typical: true,
    },
    {
      text: '這個客戶目前是跟另一家 CSP 合作夥伴買的，想換成由我們負責。對方是間接轉銷商，透過總代理下單。租用戶在日本，訂用帳戶大概 20 個。',
      answers: {
        purchaseChannel: 'otherPartner',
        goal: 'fromOtherPartner',
        otherPartnerBilling: 'indirectReseller',
        tenantRegion: 'japan',
        activeSubscriptions: 'upTo150',
      },
      typical: true,
    },
    {
      text: '客戶是 EA 企業合約，合約 2027/6/30 到期，打算從 EA 移轉到 CSP。租用戶在美國，我們也是美國的間接轉銷商。',
      answers: {
        purchaseChannel: 'enterpriseAgreement',
        renewalDate: '2027-06-30',
        goal: 'fromOtherChannel',
        tenantRegion: 'unitedStates',
        partnerModel: 'indirectReseller',
        partnerRegion: 'unitedStates',
      },
      typical: true,
    },
    {
      text: '不是跟其他合作夥伴買的喔，客戶自己在 Microsoft 365 系統管理中心刷卡買的，租用戶在法國。',
      answers: { purchaseChannel: 'adminCenter', tenantRegion: 'europe' },
    },
    {
      text: '客戶的訂閱上個月 15 號到期了，沒有開自動續約。之前是跟別的經銷商買的，租用戶在香港，大概 5 個訂閱。',
      answers: {
        renewalDate: '2026-11-15',
        dateKind: 'ended',
        purchaseChannel: 'otherPartner',
        tenantRegion: 'asiaPacific',
        activeSubscriptions: 'upTo150',
      },
      typical: true,
    },
    {
      text: '客戶要保留現在的合作夥伴，再加我們當第二家合作夥伴，租用戶在加拿大。',
      answers: { goal: 'multiPartner', purchaseChannel: 'otherPartner', tenantRegion: 'canada' },
    },
    {
      text: '這家是大陸的客戶，租用戶在世紀互聯，當初跟當地代理商買的。',
      answers: { tenantRegion: 'china', tenantCloud: 'vianet', purchaseChannel: 'otherPartner' },
    },
    {
      text: '我們是澳洲的直接計費合作夥伴，客戶也在澳洲，用 Open Value 買的，明年 1 月 31 日到期，會買一樣的供應項目，授權數量不變，目前還沒有 GDAP，經銷商關係已經建立。',
      answers: {
        partnerModel: 'directBill',
        partnerRegion: 'australia',
        tenantRegion: 'australia',
        purchaseChannel: 'otherVolumeLicensing',
        renewalDate: '2027-01-31',
        offerPlan: 'same',
        licenseCount: 'same',
        delegatedAdmin: 'none',
        resellerRelationship: 'yes',
      },
      typical: true,
    },
    {
      text: '客戶 12/2 不小心自動續約了，當初是直接跟微軟買的，租用戶在印度，總共 8 個訂閱左右。',
      answers: { renewalDate: '2026-12-02', dateKind: 'renewed', purchaseChannel: 'adminCenter', tenantRegion: 'india', activeSubscriptions: 'upTo150' },
      typical: true,
    },
    {
      text: 'Open License 的客戶，在巴西，授權去年就過期了。',
      answers: { purchaseChannel: 'openLicense', tenantRegion: 'brazil' },
      unreadable: ['renewalDate'],
    },
    { text: '客戶可以退款嗎？', answers: {} },
    {
      text: 'MPSA 的客戶，英國的，租用戶裡大概有 300 個訂閱，我們只有 DAP 而已。',
      answers: { purchaseChannel: 'otherVolumeLicensing', tenantRegion: 'europe', activeSubscriptions: 'over150', delegatedAdmin: 'dap' },
    },
    {
      text: '客戶是墨西哥的租用戶，想同時保留原本的經銷商，再多加我們一家。',
      answers: { tenantRegion: 'latinAmerica', goal: 'multiPartner', purchaseChannel: 'otherPartner' },
    },
    {
      text: '他們現在的經銷商是透過代理商下單的，算間接轉銷商；客戶想換合作夥伴。續約日是 3 月 15 日。',
      answers: { otherPartnerBilling: 'indirectReseller', goal: 'fromOtherPartner', purchaseChannel: 'otherPartner', renewalDate: '2027-03-15' },
    },
    {
      text: 'E5 停售了嗎？沒有，供應項目還在賣。客戶是直接購買的，3 月左右續約。',
      answers: { offerDiscontinued: 'no', purchaseChannel: 'adminCenter' },
      unreadable: ['renewalDate'],
    },
    {
      text: '租用戶在韓國，客戶是跟另一個合作夥伴買的 Microsoft 365，來源合作夥伴是直接計費。我有管理員代理跟銷售代理的角色。訂閱 2027 年 2 月 1 日續約。',
      answers: {
        tenantRegion: 'korea',
        purchaseChannel: 'otherPartner',
        otherPartnerBilling: 'directBill',
        partnerRoles: ['adminAgent', 'salesAgent'],
        renewalDate: '2027-02-01',
      },
      typical: true,
    },
    {
      text: '我是我們公司的管理員代理。客戶在紐西蘭，官網直購，沒有 GDAP 也沒有 DAP，明年 1 月 20 日到期。',
      answers: {
        partnerRoles: ['adminAgent'],
        tenantRegion: 'newZealand',
        purchaseChannel: 'adminCenter',
        delegatedAdmin: 'none',
        renewalDate: '2027-01-20',
      },
      typical: true,
    },
    {
      text: '客戶想把 EA 移轉到 CSP，EA 6 月 30 日結束，大約 1200 位使用者，租用戶在德國。原本的供應項目已經停售了，所以會改用同等的供應項目。',
      answers: {
        goal: 'fromOtherChannel',
        purchaseChannel: 'enterpriseAgreement',
        renewalDate: '2027-06-30',
        tenantRegion: 'europe',
        offerDiscontinued: 'yes',
        offerPlan: 'equivalent',
      },
      typical: true,
    },
    {
      text: '我們公司在台灣，客戶是香港的公司，租用戶也開在香港。',
      answers: { partnerRegion: 'taiwan', tenantRegion: 'asiaPacific' },
    },
    {
      text: '客戶用 Office 365 E1，是透過微軟經銷商買的，不是 EA 也不是 Open。有效訂閱 3 個。想離開原本的經銷商改給我們。',
      answers: { purchaseChannel: 'otherPartner', activeSubscriptions: 'upTo150', goal: 'fromOtherPartner' },
    },
    {
      text: 'GDAP 已經設好了，但沒有支援角色，只有使用者管理員和授權管理員。客戶 4 月 1 日續約。租用戶區域：歐洲。',
      answers: { delegatedAdmin: 'gdapOther', renewalDate: '2027-04-01', tenantRegion: 'europe' },
    },
    {
      text: '客戶的 Business Basic 在 11/20 就過期了，現在是已過期狀態，使用者還能登入。當初是透過 Crayon 這家 CSP 買的。',
      answers: { renewalDate: '2026-11-20', dateKind: 'ended', purchaseChannel: 'otherPartner' },
    },
    {
      text: '客戶：北風貿易，120 套 Business Standard，續約日 2027-05-31，租用戶在荷蘭，是在微軟官網直接買的。',
      answers: { renewalDate: '2027-05-31', tenantRegion: 'europe', purchaseChannel: 'adminCenter' },
    },
    {
      text: '我們想用合作夥伴間轉移，從他們現在的 CSP 接手。目前的 CSP 是直接計費。租用戶在美國，40 個訂閱。',
      answers: {
        goal: 'fromOtherPartner',
        purchaseChannel: 'otherPartner',
        otherPartnerBilling: 'directBill',
        tenantRegion: 'unitedStates',
        activeSubscriptions: 'upTo150',
      },
      typical: true,
    },
    {
      text: '客戶在日本，當然不是世紀互聯，是全球版。EA 已經在 2026 年 11 月 30 日到期了。',
      answers: {
        tenantRegion: 'japan',
        tenantCloud: 'global',
        purchaseChannel: 'enterpriseAgreement',
        renewalDate: '2026-11-30',
        dateKind: 'ended',
      },
      typical: true,
    },
    {
      text: '經銷商關係還沒建立，GDAP 也還沒申請。客戶是用 Open Value 大量授權買的，租用戶在沙烏地阿拉伯。',
      answers: { resellerRelationship: 'no', delegatedAdmin: 'none', purchaseChannel: 'otherVolumeLicensing', tenantRegion: 'middleEastCee' },
    },
    {
      text: '客戶只是想多一個合作夥伴幫忙，原本的 CSP 不會換掉。我們在日本，客戶在大阪。',
      answers: { goal: 'multiPartner', purchaseChannel: 'otherPartner', partnerRegion: 'japan', tenantRegion: 'japan' },
    },
    { text: 'GDAP 跟 DAP 差在哪？', answers: {} },
    {
      text: '他們的 E3 三天前過期了，定期計費是關的。是網站直購的。租用戶在阿聯。',
      answers: { renewalDate: '2026-12-03', dateKind: 'ended', purchaseChannel: 'adminCenter', tenantRegion: 'middleEastCee' },
    },
    {
      text: '要把 2 個訂閱從微軟直接購買移轉到我們這邊，澳洲客戶，12 月 28 日續約。',
      answers: {
        goal: 'fromOtherChannel',
        purchaseChannel: 'adminCenter',
        activeSubscriptions: 'upTo150',
        tenantRegion: 'australia',
        renewalDate: '2026-12-28',
      },
      typical: true,
    },
    {
      text: '客戶的租用戶在台灣，之前是跟另一家 CSP 買的，原本的合作夥伴是直接計費，我們有 GDAP，但是沒有支援角色。供應項目相同，授權會多買 10 個。',
      answers: {
        tenantRegion: 'taiwan',
        purchaseChannel: 'otherPartner',
        otherPartnerBilling: 'directBill',
        delegatedAdmin: 'gdapOther',
        offerPlan: 'same',
        licenseCount: 'more',
      },
      typical: true,
    },
    { text: '客戶目前的供應商好像是 Ingram？不太確定。租用戶應該在日本吧。', answers: {} },
    {
      text: '客戶 buy 了 40 套 E3 from Microsoft direct，年繳，tenant 在日本，renews 3/31',
      answers: { purchaseChannel: 'adminCenter', tenantRegion: 'japan', renewalDate: '2027-03-31' },
    },
    {
      text: '客戶 tenant 在 Germany，from another CSP partner，想 switch 給我們，還沒有 GDAP',
      answers: { tenantRegion: 'europe', purchaseChannel: 'otherPartner', goal: 'fromOtherPartner', delegatedAdmin: 'none' },
    },
    {
      text: '剛跟客戶通完電話：他們是跟經銷商買的，想整個轉給我們，訂用帳戶大約 3 個，下個月 10 號到期，租用戶在新加坡，我們已經送出經銷商關係邀請但客戶還沒接受。',
      answers: {
        purchaseChannel: 'otherPartner',
        goal: 'fromOtherPartner',
        activeSubscriptions: 'upTo150',
        renewalDate: '2027-01-10',
        tenantRegion: 'asiaPacific',
        resellerRelationship: 'no',
      },
      typical: true,
    },
  ],
};

// Written after tuning (round 1): see the note at the top.
export const UNTUNED: LabelledSet = {
  en: [
    {
      text: "Hi! New prospect: Litware Inc, ~85 staff on Business Premium. They signed up themselves on the Microsoft site years ago and pay by card. Tenant's in Ireland. Annual term ends on 28 February. We're a direct-bill CSP in Ireland too. No GDAP, no relationship with them yet.",
      answers: {
        purchaseChannel: 'adminCenter',
        tenantRegion: 'europe',
        renewalDate: '2027-02-28',
        partnerModel: 'directBill',
        partnerRegion: 'europe',
        delegatedAdmin: 'none',
        resellerRelationship: 'no',
      },
      typical: true,
    },
    {
      text: "Customer's with Softcat today (they're a CSP), wants everything moved over to us via transfer. Around 40 subscriptions in total. Softcat bills them directly, not through a distributor.",
      answers: { purchaseChannel: 'otherPartner', goal: 'fromOtherPartner', activeSubscriptions: 'upTo150', otherPartnerBilling: 'directBill' },
    },
    {
      text: "EA customer in Sweden, agreement expires end of June. They'd like to keep the same products and licence count when they come to us.",
      answers: {
        purchaseChannel: 'enterpriseAgreement',
        tenantRegion: 'europe',
        renewalDate: '2027-06-30',
        offerPlan: 'same',
        licenseCount: 'same',
        goal: 'fromOtherChannel',
      },
      typical: true,
    },
    {
      text: 'Is it OK to move a customer whose subscriptions already expired? Their stuff expired on Nov 2, they were buying from a reseller.',
      answers: { renewalDate: '2026-11-02', dateKind: 'ended', purchaseChannel: 'otherPartner' },
    },
    {
      text: 'customer keeps BT as their CSP and we add Teams Phone on our side — multi partner setup. tenant UK. we only have DAP with them, old school.',
      answers: { goal: 'multiPartner', purchaseChannel: 'otherPartner', tenantRegion: 'europe', delegatedAdmin: 'dap' },
    },
  ],
  'zh-CN': [
    {
      text: '刚开完会：客户是一家做制造的公司，租户在新加坡，之前都是在微软官网自己刷卡买的，大概 60 个用户，订阅明年 4 月 15 号到期。我们这边还没跟他们建立经销商关系。',
      answers: { tenantRegion: 'asiaPacific', purchaseChannel: 'adminCenter', renewalDate: '2027-04-15', resellerRelationship: 'no' },
    },
    {
      text: '客户现在的 CSP 是神州数码下面的一个二级经销商，客户不满意服务，想把订阅整体转到我们这里，订阅一共 5 个，租户在中国，用的是国际版。',
      answers: {
        purchaseChannel: 'otherPartner',
        otherPartnerBilling: 'indirectReseller',
        goal: 'fromOtherPartner',
        activeSubscriptions: 'upTo150',
        tenantRegion: 'china',
        tenantCloud: 'global',
      },
      typical: true,
    },
    {
      text: '客户有 EA，明年三月底结束，打算转到 CSP。我们是间接经销商，通过分销商下单。产品会换成不同的 SKU。',
      answers: {
        purchaseChannel: 'enterpriseAgreement',
        renewalDate: '2027-03-31',
        goal: 'fromOtherChannel',
        partnerModel: 'indirectReseller',
        offerPlan: 'different',
      },
      typical: true,
    },
    {
      text: '订阅已经在 11 月 30 号自动续订了，客户是从原来的代理商买的。租户位于德国。GDAP 我们已经有了，带服务支持管理员角色。',
      answers: {
        renewalDate: '2026-11-30',
        dateKind: 'renewed',
        purchaseChannel: 'otherPartner',
        tenantRegion: 'europe',
        delegatedAdmin: 'gdapSupport',
      },
      typical: true,
    },
    { text: '请问客户在香港，可以直接转吗？', answers: {} },
  ],
  'zh-TW': [
    {
      text: '客戶是一間在台中的貿易公司，租用戶在台灣，之前是跟別家轉銷商買的，大約 12 個訂閱，續約日在明年 5 月 1 日。他們想整個轉過來給我們管理。',
      answers: {
        tenantRegion: 'taiwan',
        purchaseChannel: 'otherPartner',
        activeSubscriptions: 'upTo150',
        renewalDate: '2027-05-01',
        goal: 'fromOtherPartner',
      },
      typical: true,
    },
    {
      text: '我們是間接轉銷商，在香港也有據點。客戶租用戶在日本，是 EA 客戶，合約去年已經續約過一次了。',
      answers: { partnerModel: 'indirectReseller', tenantRegion: 'japan', purchaseChannel: 'enterpriseAgreement' },
      unreadable: ['renewalDate'],
    },
    {
      text: '客戶用的是世紀互聯的 Office 365，想問能不能轉到我們這邊的全球版。',
      answers: { tenantCloud: 'vianet', tenantRegion: 'china' },
    },
    {
      text: '目前有細微委派的系統管理員權限，但角色裡沒有服務支援管理員。客戶打算保留現有經銷商，另外加我們一家做多合作夥伴。',
      answers: { delegatedAdmin: 'gdapOther', goal: 'multiPartner', purchaseChannel: 'otherPartner' },
    },
    {
      text: '客戶授權 3/15 到期，有 8 個訂用帳戶，我們跟他們已經有經銷商關係。客戶是直接向微軟買的，想從直接購買移轉到 CSP。',
      answers: {
        renewalDate: '2027-03-15',
        activeSubscriptions: 'upTo150',
        resellerRelationship: 'yes',
        purchaseChannel: 'adminCenter',
        goal: 'fromOtherChannel',
      },
      typical: true,
    },
  ],
};

// Written after the round-1 fixes (round 2); the reader was not adjusted for them.
export const FRESH: LabelledSet = {
  en: [
    {
      text: 'Call notes — Adatum Corp, tenant registered in Canada, currently buying M365 E3 and Intune through Insight (CSP). Subscriptions auto-renew on January 31. They want to move the lot to us. We have Admin Agent; GDAP not set up yet.',
      answers: {
        tenantRegion: 'canada',
        purchaseChannel: 'otherPartner',
        renewalDate: '2027-01-31',
        goal: 'fromOtherPartner',
        partnerRoles: ['adminAgent'],
        delegatedAdmin: 'none',
      },
      typical: true,
    },
    {
      text: 'Customer is an Open Value Subscription shop in Chile, about 25 seats, renewal in Q2. No reseller relationship. Would like a like-for-like offer.',
      answers: { purchaseChannel: 'otherVolumeLicensing', tenantRegion: 'latinAmerica', resellerRelationship: 'no', offerPlan: 'same' },
      unreadable: ['renewalDate'],
    },
    { text: 'Can we do a partner-to-partner transfer if the current CSP is a tier 2 reseller?', answers: {} },
    {
      text: "we're a US-based indirect reseller via TD Synnex. customer's in the US as well, they bought through their old MSP who's a CSP, ~30 subs. we already have GDAP incl. Service Support Administrator and the reseller relationship was accepted last week.",
      answers: {
        partnerModel: 'indirectReseller',
        partnerRegion: 'unitedStates',
        tenantRegion: 'unitedStates',
        purchaseChannel: 'otherPartner',
        activeSubscriptions: 'upTo150',
        delegatedAdmin: 'gdapSupport',
        resellerRelationship: 'yes',
      },
      typical: true,
    },
    {
      text: 'Tenant is Japanese, 21Vianet? no, global. They had E3 through a Japanese reseller and it lapsed yesterday. Not sure about subscription count.',
      answers: { tenantRegion: 'japan', tenantCloud: 'global', purchaseChannel: 'otherPartner', renewalDate: '2026-12-05', dateKind: 'ended' },
      typical: true,
    },
  ],
  'zh-CN': [
    {
      text: '客户是杭州一家电商公司，租户在中国大陆，全球版 Office 365。一直是找本地代理商买的，代理商是通过总代下单的二级渠道。订阅 1 月 10 号到期，想趁这次到期换到我们这边。',
      answers: {
        tenantRegion: 'china',
        tenantCloud: 'global',
        purchaseChannel: 'otherPartner',
        otherPartnerBilling: 'indirectReseller',
        renewalDate: '2027-01-10',
        goal: 'fromOtherPartner',
      },
      typical: true,
    },
    {
      text: '我们是上海的直接计费合作伙伴，有全局管理员和管理员代理权限。客户是 MPSA 协议，租户在新加坡。',
      answers: {
        partnerModel: 'directBill',
        partnerRegion: 'china',
        partnerRoles: ['adminAgent', 'globalAdmin'],
        purchaseChannel: 'otherVolumeLicensing',
        tenantRegion: 'asiaPacific',
      },
      typical: true,
    },
    {
      text: '客户之前的订阅在 10 月底就已经过期了，现在处于禁用状态，用户登录不了。他们是在官网买的。',
      answers: { renewalDate: '2026-10-31', dateKind: 'ended', purchaseChannel: 'adminCenter' },
    },
    {
      text: 'GDAP 和经销商关系都还没有，客户想保留现在的 CSP，只是让我们帮忙做 Teams 电话。',
      answers: { delegatedAdmin: 'none', resellerRelationship: 'no', goal: 'multiPartner', purchaseChannel: 'otherPartner' },
    },
    { text: '客户大概有二百个订阅吗？我不太清楚，你知道怎么查吗', answers: {} },
  ],
  'zh-TW': [
    {
      text: '客戶是高雄的醫療院所，租用戶在台灣，現在是透過神通資訊買的，神通是直接計費的 CSP。總共 3 個訂用帳戶，明年 3 月 1 日續約，客戶想換我們接手。',
      answers: {
        tenantRegion: 'taiwan',
        purchaseChannel: 'otherPartner',
        otherPartnerBilling: 'directBill',
        activeSubscriptions: 'upTo150',
        renewalDate: '2027-03-01',
        goal: 'fromOtherPartner',
      },
      typical: true,
    },
    {
      text: '我們在新加坡的 CSP 帳號是間接提供者，客戶租用戶也在新加坡，是直接在 Microsoft 365 系統管理中心買的，授權 40 套，數量不變。',
      answers: {
        partnerModel: 'indirectProvider',
        partnerRegion: 'asiaPacific',
        tenantRegion: 'asiaPacific',
        purchaseChannel: 'adminCenter',
        licenseCount: 'same',
      },
      typical: true,
    },
    {
      text: '客戶的 EA 到明年 6 月底，想在到期前移轉到 CSP，但原本的產品已經停售，要改用同等的供應項目。',
      answers: {
        purchaseChannel: 'enterpriseAgreement',
        renewalDate: '2027-06-30',
        goal: 'fromOtherChannel',
        offerDiscontinued: 'yes',
        offerPlan: 'equivalent',
      },
      typical: true,
    },
    {
      text: '沒有 GDAP，只有舊的 DAP。經銷商關係已經建立好了。租用戶在韓國。',
      answers: { delegatedAdmin: 'dap', resellerRelationship: 'yes', tenantRegion: 'korea' },
    },
    { text: '客戶是不是可以保留原本的合作夥伴？', answers: {} },
  ],
};
