import { z } from 'zod';
import { isIsoDate } from './dates.js';
import { REGIONS } from './regions.js';

// Answer ids, exported so the UI builds its question catalogue from them (GUIDANCE edition 2).
export const NOT_SURE = 'notSure';

/** Partner Center roles the steps need (§1). Asked as a multi-select: a partner often has several. */
export const PARTNER_ROLES = ['adminAgent', 'salesAgent', 'globalAdmin', 'accountAdmin', 'billingAdmin', 'helpdeskAgent'] as const;
export const PARTNER_ROLE_ANSWERS = [...PARTNER_ROLES, 'notSure'] as const;
/** How the partner is enrolled in CSP (§1): an indirect reseller's orders are placed by its indirect provider. */
export const PARTNER_MODELS = ['directBill', 'indirectProvider', 'indirectReseller', 'notSure'] as const;
/** What the customer wants: leave its partner or channel for you, or keep its partner and add you (§3 E). */
export const GOALS = ['fromOtherPartner', 'fromOtherChannel', 'multiPartner', 'notSure'] as const;
/** Open License is apart from the other volume licensing programs: it was retired, Open Value and MPSA were not (§9). */
export const PURCHASE_CHANNELS = [
  'adminCenter',
  'otherPartner',
  'enterpriseAgreement',
  'openLicense',
  'otherVolumeLicensing',
  'notSure',
] as const;
/** Only meaningful when purchaseChannel is 'otherPartner': an indirect reseller's provider is the source partner (§3 B). */
export const OTHER_PARTNER_BILLINGS = ['directBill', 'indirectReseller', 'notSure'] as const;
export const RESELLER_RELATIONSHIPS = ['yes', 'no', 'notSure'] as const;
export const OFFER_PLANS = ['same', 'equivalent', 'different', 'notSure'] as const;
export const OFFER_DISCONTINUED = ['yes', 'no', 'notSure'] as const;
export const LICENSE_COUNTS = ['same', 'more', 'fewer', 'notSure'] as const;
/** Active subscriptions in the customer's tenant: above 150, old and new side by side would pass the 300 limit (§3 D). */
export const ACTIVE_SUBSCRIPTIONS = ['upTo150', 'over150', 'notSure'] as const;
export const REGION_ANSWERS = [...REGIONS, 'notSure'] as const;
/** Asked whenever a China market is answered: the global cloud, or Microsoft 365 operated by 21Vianet (§6). */
export const TENANT_CLOUDS = ['global', 'vianet', 'notSure'] as const;
/** gdapSupport = GDAP including a role that can open support requests; gdapOther = GDAP without one (§7). */
export const DELEGATED_ADMINS = ['gdapSupport', 'gdapOther', 'dap', 'none', 'notSure'] as const;
/** For a date that is today or past: did the subscriptions renew then, or end (§4)? */
export const DATE_KINDS = ['renewed', 'ended', 'notSure'] as const;

export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Expected a real calendar date in YYYY-MM-DD form' });

/** A multi-select answer arrives from a card as 'a,b'; the engine sees a list. 'notSure' stands alone. */
export const PartnerRolesSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
  z
    .array(z.enum(PARTNER_ROLE_ANSWERS))
    .min(1)
    .max(PARTNER_ROLE_ANSWERS.length)
    .refine((roles) => new Set(roles).size === roles.length, { message: 'A role is listed twice' })
    .refine((roles) => !roles.includes('notSure') || roles.length === 1, { message: "'notSure' stands alone" }),
);

export const SituationSchema = z
  .object({
    partnerRoles: PartnerRolesSchema,
    partnerModel: z.enum(PARTNER_MODELS),
    partnerRegion: z.enum(REGION_ANSWERS),
    goal: z.enum(GOALS),
    purchaseChannel: z.enum(PURCHASE_CHANNELS),
    // Accepted with any channel; the rules ignore it unless the channel matches.
    otherPartnerBilling: z.enum(OTHER_PARTNER_BILLINGS).optional(),
    tenantRegion: z.enum(REGION_ANSWERS),
    // Read only when a China market is answered.
    tenantCloud: z.enum(TENANT_CLOUDS).optional(),
    activeSubscriptions: z.enum(ACTIVE_SUBSCRIPTIONS).optional(),
    resellerRelationship: z.enum(RESELLER_RELATIONSHIPS),
    delegatedAdmin: z.enum(DELEGATED_ADMINS),
    offerPlan: z.enum(OFFER_PLANS),
    offerDiscontinued: z.enum(OFFER_DISCONTINUED),
    licenseCount: z.enum(LICENSE_COUNTS),
    /** The old subscriptions' renewal or end date, when the partner knows it. */
    renewalDate: IsoDateSchema.optional(),
    // Read only when renewalDate is today or earlier.
    dateKind: z.enum(DATE_KINDS).optional(),
  })
  .strict();

/** What the engine reads; `partnerRoles` already split into a list. */
export type Situation = z.infer<typeof SituationSchema>;
/** What a surface may hand in: `partnerRoles` may still be the card's 'a,b' string. */
export type SituationInput = z.input<typeof SituationSchema>;
export type PurchaseChannel = Situation['purchaseChannel'];
export type DelegatedAdmin = Situation['delegatedAdmin'];
export type Goal = Situation['goal'];

/** China is a market of the global cloud; only then does the cloud question arise (§6). */
export const asksCloud = (s: Pick<Partial<Situation>, 'tenantRegion' | 'partnerRegion'>): boolean =>
  s.tenantRegion === 'china' || s.partnerRegion === 'china';
