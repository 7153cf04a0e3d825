// The one table of links (GUIDANCE edition 2 §10), with the live Learn URLs' current folders.
// Titles are locale keys (`guidance:link.<id>`); every link the bot shows comes from here.
export const LINK_URLS = {
  moveArticle: 'https://learn.microsoft.com/partner-center/customers/transition-seat-based-services',
  transferSubscriptions: 'https://learn.microsoft.com/partner-center/customers/transfer-subscriptions',
  subscriptionLifecycle: 'https://learn.microsoft.com/partner-center/customers/subscription-lifecycle',
  gdapFaq: 'https://learn.microsoft.com/partner-center/customers/gdap-faq',
  requestRelationship: 'https://learn.microsoft.com/partner-center/customers/request-a-relationship-with-a-customer',
  multiPartner: 'https://learn.microsoft.com/partner-center/customers/multipartner',
  regionalAuthorization: 'https://learn.microsoft.com/partner-center/enroll/regional-authorization-overview',
  newCommerceCancellation: 'https://learn.microsoft.com/partner-center/customers/new-commerce-cancellation-policy',
  cancelSubscription: 'https://learn.microsoft.com/microsoft-365/commerce/subscriptions/cancel-your-subscription',
  subscriptionExpires: 'https://learn.microsoft.com/microsoft-365/commerce/subscriptions/what-if-my-subscription-expires',
  azurePlan: 'https://learn.microsoft.com/partner-center/azure-plan-get-started',
} as const;

export type LinkId = keyof typeof LINK_URLS;

export const LINK_IDS = Object.keys(LINK_URLS) as LinkId[];

/** Every result links the article the move follows. */
export const ALWAYS_LINKED: readonly LinkId[] = ['moveArticle'];

export const linkTitleKey = (id: LinkId): string => `link.${id}`;
