import type { Actor, Credit, Guidance, LinkId, Note, Step } from '../guidance/index.js';
import { ACCEPT_EXTRAS, FALLBACK_LINES, NOTE_PLACEMENTS, PATH_LINES, STEP_PLACEMENTS, type Placement } from './placements.js';
import { isCustomerActor, type CustomerAction, type CustomerActor, type CustomerLine, type CustomerMessage } from './types.js';

type Source = Pick<Step, 'params' | 'due' | 'from' | 'source'> | Pick<Note, 'params' | 'source'>;

function lineOf(key: string, from: Source, dated: boolean, ownFact = false): CustomerLine {
  const line: CustomerLine = { key };
  if (from.params) line.params = { ...from.params };
  // Only actions and what the customer will see happen carry a date; a "don't" or a question never does.
  if (dated && 'due' in from && from.due) line.due = from.due;
  if (dated && 'from' in from && from.from) line.from = from.from;
  if (from.source.check && !ownFact) line.check = true;
  return line;
}

function place(message: CustomerMessage, p: Placement, from: Source, actor: CustomerActor | undefined): void {
  if (p.to === 'action') {
    const who = p.actor ?? actor;
    // A placement table that sends a partner's step to the customer is a defect, not something to guess around.
    if (!who) throw new Error(`${p.key}: an action for the customer needs a customer actor`);
    message.actions.push({ ...lineOf(p.key, from, true), actor: who });
  } else {
    message[p.to].push(lineOf(p.key, from, p.to === 'happens', p.ownFact));
  }
}

/** §7: who asks Microsoft 365 billing support about a refund or credit, and only inside the cancellation window. */
function placeCredit(message: CustomerMessage, credit: Credit): void {
  const check = credit.items.some((i) => i.source.check) ? { check: true as const } : {};
  if (credit.contact === 'customerBillingAdmin') {
    const certain = !credit.items.some((i) => i.key === 'credit.ifInWindow');
    message.actions.push({ key: certain ? 'action.askBillingSupport' : 'action.askBillingSupportIfInWindow', actor: 'customerBillingAdmin', ...check });
  } else {
    message.happens.push({ key: credit.contact === 'you' ? 'happens.creditByUs' : 'happens.creditUnknown', ...check });
  }
}

/** Accepting the relationship also covers GDAP, both companies of an indirect reseller, or keeps the current partner. */
function addExtras(actions: CustomerAction[], steps: readonly Step[]): void {
  const extras = [...new Set(ACCEPT_EXTRAS.filter(([step]) => steps.some((s) => s.key === step)).map(([, extra]) => extra))];
  if (extras.length === 0) return;
  for (const a of actions) if (a.key === 'action.acceptRelationship') a.extras = extras;
}

const identity = (l: CustomerLine): string => JSON.stringify([l.key, l.params, l.due, l.from]);

function unique<L extends CustomerLine>(lines: L[]): L[] {
  const seen = new Set<string>();
  return lines.filter((l) => !seen.has(identity(l)) && seen.add(identity(l)));
}

/** Sentences that send the customer to the admin center's cancel and recurring-billing page. */
const CANCEL_PAGE = new Set([
  'action.stopRecurringBilling',
  'action.stopRenewalUnknown',
  'action.cancelInWindowDirect',
  'action.askBillingSupport',
  'action.askBillingSupportIfInWindow',
  'happens.cancelWindowOpenDirect',
]);

/** Sentences about what expiry means for users (Expired, Disabled, Deleted; no grace for volume licensing). */
const EXPIRY_PAGE = new Set([
  'avoid.letRunOut',
  'avoid.noExpiredGrace',
  'happens.path.over150',
  'happens.provisionAfterExpiry',
  'happens.openLicense',
  'happens.usersOffline',
  'happens.vlEnded',
  'happens.expiredClock',
  'happens.ifEndedDisabled',
  'happens.ifEndedVl',
  'happens.ifEndedExpired',
  'happens.ifEndedDeleted',
  'happens.dataDeleted',
  'happens.reactivateDirect',
]);

export const MAX_LINKS = 2;

/** The pages from the links table (§10) this customer needs, most specific first; the move article if none. */
function linksFor(m: CustomerMessage, g: Guidance): LinkId[] {
  const keys = new Set([...m.happens, ...m.actions, ...m.avoid, ...m.confirm].map((l) => l.key));
  const mentions = (page: ReadonlySet<string>) => [...keys].some((k) => page.has(k));
  const rules: ReadonlyArray<readonly [LinkId, boolean]> = [
    ['regionalAuthorization', m.blocked],
    ['transferSubscriptions', g.path === 'partnerTransfer'],
    ['multiPartner', g.path === 'multiPartner'],
    ['cancelSubscription', mentions(CANCEL_PAGE)],
    ['subscriptionExpires', mentions(EXPIRY_PAGE)],
  ];
  const chosen = rules.filter(([, applies]) => applies).map(([id]) => id);
  return chosen.length > 0 ? chosen.slice(0, MAX_LINKS) : ['moveArticle'];
}

const emptyMessage = (blocked: boolean): CustomerMessage => ({ blocked, happens: [], actions: [], avoid: [], confirm: [], links: [] });

const customerOf = (actor: Actor): CustomerActor | undefined => (isCustomerActor(actor) ? actor : undefined);

/**
 * What the customer's admin must know about this move, from the guidance alone: the path in customer words, the
 * customer's own steps with their dates, what not to do, what the partner still needs to hear, one or two pages.
 * Nothing partner-only (roles, the partner's CSP model, Partner Center chores) and nothing the guidance doesn't say.
 */
export function composeCustomerMessage(g: Guidance): CustomerMessage {
  const blocked = g.path === null;
  const fromSteps = emptyMessage(blocked);
  for (const step of g.steps) {
    const actor = customerOf(step.actor);
    const placement = STEP_PLACEMENTS[step.key];
    for (const p of (actor ? placement.customer : placement.other) ?? []) place(fromSteps, p, step, actor);
  }
  const fromNotes = emptyMessage(blocked);
  for (const note of g.notes) for (const p of NOTE_PLACEMENTS[note.key]) place(fromNotes, p, note, undefined);
  // What happens: the path, where things stand (notes come sorted by severity), then step by step. Everything
  // else follows the steps' order (the order things must be done in), then what the notes add.
  const message: CustomerMessage = {
    blocked,
    happens: [...(g.path !== null ? [{ key: PATH_LINES[g.path] }] : []), ...fromNotes.happens, ...fromSteps.happens],
    actions: [...fromSteps.actions, ...fromNotes.actions],
    avoid: [...fromSteps.avoid, ...fromNotes.avoid],
    confirm: [...fromSteps.confirm, ...fromNotes.confirm],
    links: [],
  };
  if (g.fallback) message.happens.push({ key: FALLBACK_LINES[g.fallback.key] });
  if (g.credit) placeCredit(message, g.credit);
  addExtras(message.actions, g.steps);
  message.happens = unique(message.happens);
  message.actions = unique(message.actions);
  message.avoid = unique(message.avoid);
  message.confirm = unique(message.confirm);
  message.links = linksFor(message, g);
  return message;
}

/** The customer's actions with their dates, in the guidance's order: what a reminder about the customer's side needs. */
export const customerActions = (g: Guidance): CustomerAction[] => composeCustomerMessage(g).actions;
