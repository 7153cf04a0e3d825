/** Answer sets the guided-check tests click through; the quick-form tests must give the same results for each. */
export type Answers = Record<string, string>;

/** A direct (admin center) buyer the partner has no relationship with yet: the manual path. */
export const DIRECT_NO_ADMIN: Answers = {
  partnerRoles: 'adminAgent',
  partnerModel: 'directBill',
  partnerRegion: 'europe',
  tenantRegion: 'europe',
  goal: 'fromOtherChannel',
  purchaseChannel: 'adminCenter',
  activeSubscriptions: 'upTo150',
  renewalDate: 'skip',
  resellerRelationship: 'no',
  delegatedAdmin: 'none',
  offerPlan: 'same',
  offerDiscontinued: 'no',
  licenseCount: 'same',
};

const { offerPlan: _o, offerDiscontinued: _d, licenseCount: _l, ...withoutOffers } = DIRECT_NO_ADMIN;

/** Leaving another CSP partner: a partner-to-partner transfer (no offer questions: nothing is bought). */
export const FROM_PARTNER: Answers = {
  ...withoutOffers,
  goal: 'fromOtherPartner',
  purchaseChannel: 'otherPartner',
  otherPartnerBilling: 'directBill',
};

/** A Sales agent who is an indirect reseller, moving a customer from another indirect reseller, both in Taiwan. */
export const TAIWAN_INDIRECT: Answers = {
  partnerRoles: 'salesAgent',
  partnerModel: 'indirectReseller',
  partnerRegion: 'taiwan',
  tenantRegion: 'taiwan',
  goal: 'fromOtherPartner',
  purchaseChannel: 'otherPartner',
  otherPartnerBilling: 'indirectReseller',
  activeSubscriptions: 'upTo150',
  renewalDate: '2029-03-31',
  resellerRelationship: 'yes',
  delegatedAdmin: 'gdapOther',
};

/** Every guided-check case: name → answers ('skip' = the optional date skipped). Dates are relative to 2026-11-21. */
export const GUIDED_CASES: Record<string, Answers> = {
  'direct buyer, no delegated admin': DIRECT_NO_ADMIN,
  'direct buyer with GDAP support role': { ...DIRECT_NO_ADMIN, delegatedAdmin: 'gdapSupport' },
  'an Admin agent and a Sales agent': { ...DIRECT_NO_ADMIN, partnerRoles: 'adminAgent,salesAgent' },
  'Account admin only': { ...DIRECT_NO_ADMIN, partnerRoles: 'accountAdmin' },
  'from another partner (transfer)': FROM_PARTNER,
  'market mismatch': { ...DIRECT_NO_ADMIN, tenantRegion: 'japan' },
  'fewer licenses': { ...DIRECT_NO_ADMIN, licenseCount: 'fewer' },
  'renewal in 200 days': { ...DIRECT_NO_ADMIN, renewalDate: '2027-06-09' },
  'ended 40 days ago': { ...DIRECT_NO_ADMIN, renewalDate: '2026-10-12', dateKind: 'ended' },
  'more than 150 subscriptions': { ...DIRECT_NO_ADMIN, activeSubscriptions: 'over150' },
  'indirect reseller, Taiwan': TAIWAN_INDIRECT,
  'multi-partner': {
    partnerRoles: 'adminAgent',
    partnerModel: 'directBill',
    partnerRegion: 'europe',
    tenantRegion: 'europe',
    goal: 'multiPartner',
    purchaseChannel: 'otherPartner',
    resellerRelationship: 'no',
    delegatedAdmin: 'none',
  },
  '21Vianet': { ...DIRECT_NO_ADMIN, partnerRegion: 'china', tenantRegion: 'china', tenantCloud: 'vianet' },
  'enterprise agreement, not sure everywhere': {
    partnerRoles: 'notSure',
    partnerModel: 'notSure',
    partnerRegion: 'notSure',
    tenantRegion: 'china',
    tenantCloud: 'notSure',
    goal: 'notSure',
    purchaseChannel: 'enterpriseAgreement',
    renewalDate: 'skip',
    resellerRelationship: 'notSure',
    delegatedAdmin: 'notSure',
    offerPlan: 'notSure',
    offerDiscontinued: 'notSure',
    licenseCount: 'notSure',
  },
};
