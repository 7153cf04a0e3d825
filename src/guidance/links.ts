// The five "next steps" links of GUIDANCE §8 (URLs exactly as given there), then public docs
// that GUIDANCE's Sources name, used by as-of notes. Titles are locale keys.
export const LINK_URLS = {
  azurePlan: 'https://learn.microsoft.com/partner-center/azure-plan-get-started',
  workWithOtherPartners: 'https://learn.microsoft.com/partner-center/work-with-other-partners',
  delegatedAdmin: 'https://learn.microsoft.com/partner-center/customers-revoke-admin-privileges',
  moveArticle: 'https://learn.microsoft.com/partner-center/customers/transition-seat-based-services',
  cancelSubscription: 'https://learn.microsoft.com/microsoft-365/commerce/subscriptions/cancel-your-subscription',
  gdapFaq: 'https://learn.microsoft.com/partner-center/customers/gdap-faq',
  newCommerceCancellation: 'https://learn.microsoft.com/partner-center/customers/new-commerce-cancellation-policy',
  transferSubscriptions: 'https://learn.microsoft.com/partner-center/customers/transfer-subscriptions',
  regionalAuthorization: 'https://learn.microsoft.com/partner-center/regional-authorization-overview',
} as const;

export type LinkId = keyof typeof LINK_URLS;

export const LINK_IDS = Object.keys(LINK_URLS) as LinkId[];

/** GUIDANCE §8: every result shows these. */
export const SEED_NEXT_STEP_LINK_IDS: readonly LinkId[] = [
  'azurePlan',
  'workWithOtherPartners',
  'delegatedAdmin',
  'moveArticle',
  'cancelSubscription',
];

export const linkTitleKey = (id: LinkId): string => `link.${id}`;
