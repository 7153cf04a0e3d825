import type { Actor, LinkId } from '../guidance/index.js';

/** The actors that are the customer's own admins (GUIDANCE §2): the only ones the customer message asks to act. */
export const CUSTOMER_ACTORS = ['customerGlobalAdmin', 'customerBillingAdmin', 'customerAdmin'] as const satisfies readonly Actor[];
export type CustomerActor = (typeof CUSTOMER_ACTORS)[number];

export const isCustomerActor = (actor: Actor): actor is CustomerActor => (CUSTOMER_ACTORS as readonly Actor[]).includes(actor);

/** One sentence of the message, language-free: a key under the `customer` namespace and what fills it. */
export interface CustomerLine {
  /** e.g. 'happens.path.manual', 'action.stopRecurringBilling'. */
  key: string;
  /** Dates (YYYY-MM-DD), counts and ids (a market) the sentence names; ids are nested as labels by the text. */
  params?: Record<string, string | number>;
  /** The last day (from the guidance, never computed here). */
  due?: string;
  /** Not before this day (buying after expiry). */
  from?: string;
  /** The guidance flags the fact ⚠: the customer is pointed at Microsoft's current page. */
  check?: true;
}

/** Something the customer's admin must do, and who. */
export interface CustomerAction extends CustomerLine {
  actor: CustomerActor;
  /** Sentences that complete the action here (keys under `customer`, in order): GDAP comes with the request, say. */
  extras?: string[];
}

/**
 * What the customer's admin must know, chosen from a Guidance (GUIDANCE edition 2) and nothing else: what will
 * happen, what they must do and by when, what not to do, what the partner still needs to hear from them, and the
 * one or two pages to read. Plain data: the text is written from it in the customer's language by cards/.
 */
export interface CustomerMessage {
  /** The move can't go ahead with this partner as things stand (§3 "Blocked"). */
  blocked: boolean;
  happens: CustomerLine[];
  /** In the guidance's order. Blocked: what would change it on the customer's side. */
  actions: CustomerAction[];
  avoid: CustomerLine[];
  confirm: CustomerLine[];
  /** From the links table (§10) only; one or two. */
  links: LinkId[];
}
