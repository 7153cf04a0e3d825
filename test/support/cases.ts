/** Answer sets the guided-check tests click through; the quick-form tests must give the same results for each. */
export type Answers = Record<string, string>;

/** A direct (admin center) buyer the partner has no relationship with yet: the manual path. In the order asked. */
export const DIRECT_NO_ADMIN: Answers = {
  partnerRoles: 'adminAgent',
  partnerModel: 'directBill',
  partnerRegion: 'europe',
  tenantRegion: 'europe',
  purchaseChannel: 'adminCenter',
  activeSubscriptions: 'upTo150',
  renewalDate: 'skip',
  resellerRelationship: 'no',
  offer: 'sameOfferSameCount',
};

const { offer: _offer, ...withoutOffer } = DIRECT_NO_ADMIN;

/** Leaving another CSP partner: a partner-to-partner transfer (no offer question: nothing is bought). */
export const FROM_PARTNER: Answers = {
  ...withoutOffer,
  purchaseChannel: 'otherPartner',
  goal: 'fromOtherPartner',
  otherPartnerBilling: 'directBill',
  activeSubscriptions: 'upTo150',
  renewalDate: 'skip',
  resellerRelationship: 'no',
};

/** A Sales agent who is an indirect reseller, moving a customer from another indirect reseller, both in Taiwan. */
export const TAIWAN_INDIRECT: Answers = {
  partnerRoles: 'salesAgent',
  partnerModel: 'indirectReseller',
  partnerRegion: 'taiwan',
  tenantRegion: 'taiwan',
  purchaseChannel: 'otherPartner',
  goal: 'fromOtherPartner',
  otherPartnerBilling: 'indirectReseller',
  activeSubscriptions: 'upTo150',
  renewalDate: '2029-03-31',
  resellerRelationship: 'yes',
  delegatedAdmin: 'gdapOther',
};

/** Every guided-check case: name → answers ('skip' = the optional date skipped). Dates are relative to 2026-11-21. */
export const GUIDED_CASES: Record<string, Answers> = {
  'direct buyer, no delegated admin': DIRECT_NO_ADMIN,
  'direct buyer with GDAP support role': { ...withoutOffer, resellerRelationship: 'yes', delegatedAdmin: 'gdapSupport', offer: 'sameOfferSameCount' },
  'an Admin agent and a Sales agent': { ...DIRECT_NO_ADMIN, partnerRoles: 'adminAgent,salesAgent' },
  'Account admin only': { ...DIRECT_NO_ADMIN, partnerRoles: 'accountAdmin' },
  'from another partner (transfer)': FROM_PARTNER,
  'market mismatch': { partnerRoles: 'adminAgent', partnerModel: 'directBill', partnerRegion: 'europe', tenantRegion: 'japan' },
  'fewer licenses': { ...DIRECT_NO_ADMIN, offer: 'somethingChanges', offerPlan: 'same', licenseCount: 'fewer' },
  'renewal in 200 days': { ...DIRECT_NO_ADMIN, renewalDate: '2027-06-09' },
  'ended 40 days ago': { ...withoutOffer, renewalDate: '2026-10-12', dateKind: 'ended', offer: 'sameOfferSameCount' },
  'more than 150 subscriptions': { ...DIRECT_NO_ADMIN, activeSubscriptions: 'over150' },
  'indirect reseller, Taiwan': TAIWAN_INDIRECT,
  'multi-partner': {
    partnerRoles: 'adminAgent',
    partnerModel: 'directBill',
    partnerRegion: 'europe',
    tenantRegion: 'europe',
    purchaseChannel: 'otherPartner',
    goal: 'multiPartner',
    resellerRelationship: 'no',
  },
  '21Vianet': { partnerRoles: 'adminAgent', partnerModel: 'directBill', partnerRegion: 'china', tenantRegion: 'china', tenantCloud: 'vianet' },
  'enterprise agreement, not sure everywhere': {
    partnerRoles: 'notSure',
    partnerModel: 'notSure',
    partnerRegion: 'notSure',
    tenantRegion: 'china',
    tenantCloud: 'notSure',
    purchaseChannel: 'enterpriseAgreement',
    renewalDate: 'skip',
    resellerRelationship: 'notSure',
    delegatedAdmin: 'notSure',
    offer: 'notSure',
  },
};
