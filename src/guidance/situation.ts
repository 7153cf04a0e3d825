import { z } from 'zod';
import { isIsoDate } from './dates.js';
import { REGIONS } from './regions.js';

// Answer ids, exported so the UI can build its question catalogue from them.
export const NOT_SURE = 'notSure';

export const ROLES = ['accountAdmin', 'salesAgent', 'billingAgent', 'other', 'notSure'] as const;
export const GOALS = ['multiPartner', 'fromOtherPartner', 'manageOtherChannel', 'fromOtherChannel', 'notSure'] as const;
export const PURCHASE_CHANNELS = ['adminCenter', 'otherPartner', 'enterpriseAgreement', 'volumeLicensing', 'notSure'] as const;
/** Only meaningful when purchaseChannel is 'adminCenter'. */
export const BILLING_FREQUENCIES = ['monthly', 'annual', 'notSure'] as const;
/** Only meaningful when purchaseChannel is 'otherPartner'. */
export const OTHER_PARTNER_BILLINGS = ['directBill', 'indirectReseller', 'notSure'] as const;
export const RESELLER_RELATIONSHIPS = ['yes', 'no', 'notSure'] as const;
export const OFFER_PLANS = ['same', 'equivalent', 'different', 'notSure'] as const;
export const OFFER_DISCONTINUED = ['yes', 'no', 'notSure'] as const;
export const LICENSE_COUNTS = ['same', 'more', 'fewer', 'notSure'] as const;
export const REGION_ANSWERS = [...REGIONS, 'notSure'] as const;
/** gdapSupport = GDAP including the Service support administrator role; gdapOther = GDAP without it. */
export const DELEGATED_ADMINS = ['gdapSupport', 'gdapOther', 'dap', 'none', 'notSure'] as const;

export const SUBSCRIPTION_COUNT_MIN = 1;
export const SUBSCRIPTION_COUNT_MAX = 100_000;

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Expected a real calendar date in YYYY-MM-DD form' });

export const SituationSchema = z
  .object({
    role: z.enum(ROLES),
    goal: z.enum(GOALS),
    purchaseChannel: z.enum(PURCHASE_CHANNELS),
    // Accepted with any channel; the rules ignore it unless the channel matches.
    billingFrequency: z.enum(BILLING_FREQUENCIES).optional(),
    otherPartnerBilling: z.enum(OTHER_PARTNER_BILLINGS).optional(),
    resellerRelationship: z.enum(RESELLER_RELATIONSHIPS),
    offerPlan: z.enum(OFFER_PLANS),
    offerDiscontinued: z.enum(OFFER_DISCONTINUED),
    licenseCount: z.enum(LICENSE_COUNTS),
    partnerRegion: z.enum(REGION_ANSWERS),
    tenantRegion: z.enum(REGION_ANSWERS),
    delegatedAdmin: z.enum(DELEGATED_ADMINS),
    renewalDate: IsoDateSchema.optional(),
    subscriptionCount: z.number().int().min(SUBSCRIPTION_COUNT_MIN).max(SUBSCRIPTION_COUNT_MAX).optional(),
  })
  .strict();

export type Situation = z.infer<typeof SituationSchema>;
export type Role = Situation['role'];
export type Goal = Situation['goal'];
export type PurchaseChannel = Situation['purchaseChannel'];
export type DelegatedAdmin = Situation['delegatedAdmin'];
