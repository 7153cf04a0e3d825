/** Answer sets the guided-check tests click through; the quick-form tests must give the same results for each. */
export type Answers = Record<string, string>;

export const DIRECT_NO_ADMIN: Answers = {
  role: 'accountAdmin',
  goal: 'fromOtherChannel',
  purchaseChannel: 'adminCenter',
  billingFrequency: 'annual',
  resellerRelationship: 'no',
  offerPlan: 'same',
  offerDiscontinued: 'no',
  licenseCount: 'same',
  partnerRegion: 'europe',
  tenantRegion: 'europe',
  delegatedAdmin: 'none',
  renewalDate: 'skip',
};

const { billingFrequency: _omit, ...withoutBilling } = DIRECT_NO_ADMIN;

export const FROM_PARTNER: Answers = {
  ...withoutBilling,
  goal: 'fromOtherPartner',
  purchaseChannel: 'otherPartner',
  otherPartnerBilling: 'directBill',
  offerPlan: 'equivalent',
  offerDiscontinued: 'yes',
};

/** A partner moving a customer from an indirect reseller, both in Taiwan: asks every question but billing frequency. */
export const TAIWAN_INDIRECT: Answers = {
  role: 'salesAgent',
  goal: 'fromOtherPartner',
  purchaseChannel: 'otherPartner',
  otherPartnerBilling: 'indirectReseller',
  resellerRelationship: 'yes',
  offerPlan: 'same',
  offerDiscontinued: 'no',
  licenseCount: 'more',
  partnerRegion: 'taiwan',
  tenantRegion: 'taiwan',
  delegatedAdmin: 'gdapOther',
  renewalDate: '2027-03-31',
};

/** Every guided-check case: name → answers ('skip' = the optional date skipped). */
export const GUIDED_CASES: Record<string, Answers> = {
  'admin-center buyer, no delegated admin': DIRECT_NO_ADMIN,
  'admin-center buyer with GDAP support role': { ...DIRECT_NO_ADMIN, delegatedAdmin: 'gdapSupport' },
  'from another partner, discontinued offer': FROM_PARTNER,
  'region mismatch': { ...DIRECT_NO_ADMIN, tenantRegion: 'japan' },
  'fewer licenses': { ...DIRECT_NO_ADMIN, licenseCount: 'fewer' },
  'renewal in 200 days': { ...DIRECT_NO_ADMIN, renewalDate: '2027-06-09' },
  'already expired': { ...DIRECT_NO_ADMIN, renewalDate: '2026-11-11' },
  'indirect reseller, Taiwan': TAIWAN_INDIRECT,
  'enterprise agreement, not sure everywhere': {
    role: 'notSure',
    goal: 'notSure',
    purchaseChannel: 'enterpriseAgreement',
    resellerRelationship: 'notSure',
    offerPlan: 'notSure',
    offerDiscontinued: 'notSure',
    licenseCount: 'notSure',
    partnerRegion: 'notSure',
    tenantRegion: 'china',
    delegatedAdmin: 'notSure',
    renewalDate: 'skip',
  },
};
