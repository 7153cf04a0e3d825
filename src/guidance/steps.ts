import { STEP_RULES, type Actor, type StepKey } from './catalogue.js';
import { addDays } from './dates.js';
import type { Step } from './guidanceSchema.js';
import type { Blocker, PathChoice } from './path.js';
import { asksCloud, type PartnerRole, type Situation } from './situation.js';
import { hasEnded, type Timing } from './timing.js';

type StepExtra = Partial<Pick<Step, 'params' | 'due' | 'from'>>;

/** A step with its actor; for the partner's own steps, the roles that can do it and whether the partner has one (§1). */
function step(s: Situation, key: StepKey, actor: Actor, extra: StepExtra = {}): Step {
  const rule: { source: Step['source']; roles?: readonly PartnerRole[] } = STEP_RULES[key];
  const out: Step = { key, actor, source: rule.source };
  if (extra.params) out.params = extra.params;
  if (extra.from) out.from = extra.from;
  if (extra.due) out.due = extra.due;
  if (rule.roles && actor === 'you') {
    out.roles = [...rule.roles];
    const known = !s.partnerRoles.includes('notSure');
    if (known && !rule.roles.some((r) => (s.partnerRoles as string[]).includes(r))) out.roleGap = true;
  }
  return out;
}

/**
 * Who owns the old subscriptions, and so stops their renewal or lets them run out (§3 A step 2). Another
 * CSP's subscriptions never reach these steps: they transfer, or they have ended already.
 */
const ownerOf = (s: Situation): Actor => (s.purchaseChannel === 'adminCenter' ? 'customerBillingAdmin' : 'customerAdmin');

/** The partner buys, unless it is an indirect reseller: then its indirect provider places the order (§1). */
const buyer = (s: Situation): Actor => (s.partnerModel === 'indirectReseller' ? 'yourProvider' : 'you');

/** "Not sure" on a fact that decides the path: find it out first, and where to look (§3). */
function findOutSteps(s: Situation, choice: PathChoice, timing: Timing | null): Step[] {
  const out: Step[] = [];
  if (s.goal === 'notSure') out.push(step(s, 'step.findOutGoal', 'you'));
  if (s.purchaseChannel === 'notSure') out.push(step(s, 'step.findOutChannel', 'you'));
  if (s.partnerRegion === 'notSure' || s.tenantRegion === 'notSure') out.push(step(s, 'step.findOutMarket', 'you'));
  if (asksCloud(s) && (s.tenantCloud ?? 'notSure') === 'notSure') out.push(step(s, 'step.findOutCloud', 'you'));
  if (s.activeSubscriptions === 'notSure' && choice.path === 'manual' && !hasEnded(timing)) {
    out.push(step(s, 'step.findOutSubscriptions', 'you'));
  }
  if (timing?.ifEnded) out.push(step(s, 'step.findOutDateKind', 'you', { params: { date: timing.renewalDate } }));
  if (choice.path === 'partnerTransfer' && s.otherPartnerBilling === 'notSure') out.push(step(s, 'step.findOutCurrentBilling', 'you'));
  return out;
}

// From another CSP the path is a transfer, or the old subscriptions have ended: there the fallback says
// who turns off auto-renew. Every other channel names who stops renewal, and what it is called.
type StopChannel = Exclude<Situation['purchaseChannel'], 'otherPartner'>;
const STOP_KEYS: { readonly [C in StopChannel]: StepKey } = {
  adminCenter: 'step.stopRecurringBilling',
  enterpriseAgreement: 'step.stopVlExtension',
  otherVolumeLicensing: 'step.stopVlExtension',
  openLicense: 'step.openLicenseNothing',
  notSure: 'step.stopRenewalUnknown',
};

/** Stopping renewal comes first: it must happen before the renewal date. Nothing to stop once they ended or just renewed. */
function stopRenewal(s: Situation, timing: Timing | null): Step[] {
  if (timing !== null && timing.phase !== 'upcoming' && timing.phase !== 'termOwed') return [];
  return [step(s, STOP_KEYS[s.purchaseChannel as StopChannel], ownerOf(s), { due: timing?.dates.stopRenewalBy })];
}

/** §3 A step 1 and §2: the relationship (with GDAP), then the customer's Global admin accepts. */
function relationshipSteps(s: Situation, multiPartner: boolean): Step[] {
  const out: Step[] = [];
  if (s.resellerRelationship === 'yes') out.push(step(s, 'step.confirmRelationship', 'you'));
  else if (multiPartner) out.push(step(s, 'step.requestRelationshipMultiPartner', 'you'));
  else if (s.partnerModel === 'indirectReseller') out.push(step(s, 'step.requestRelationshipWithProvider', 'you'));
  else out.push(step(s, 'step.requestRelationship', 'you'));

  let gdap = true;
  if (s.delegatedAdmin === 'dap') out.push(step(s, 'step.requestGdapInsteadOfDap', 'you'));
  else if (s.delegatedAdmin === 'none' || s.delegatedAdmin === 'notSure') out.push(step(s, 'step.requestGdap', 'you'));
  // A role missing from an approved GDAP relationship: only needed here to contact billing support (§7, §8).
  else if (s.delegatedAdmin === 'gdapOther' && s.purchaseChannel === 'adminCenter' && !multiPartner) {
    out.push(step(s, 'step.addSupportRole', 'you'));
  } else gdap = false;

  if (s.resellerRelationship !== 'yes') out.push(step(s, 'step.acceptRelationship', 'customerGlobalAdmin'));
  else if (gdap) out.push(step(s, 'step.approveGdap', 'customerGlobalAdmin'));
  return out;
}

function offerKey(s: Situation): StepKey {
  if (s.offerPlan === 'different') return 'step.provisionDifferent';
  // A discontinued offer can't be bought again: an equivalent one prevents data loss (§5).
  if (s.offerPlan === 'equivalent' || s.offerDiscontinued === 'yes') return 'step.provisionEquivalent';
  return 'step.provisionSame';
}

/** §5: a different offer means updating assignments: you with a GDAP role, else the customer's admin (§2). */
function assignSteps(s: Situation): Step[] {
  if (s.offerPlan !== 'different') return [];
  const withGdap = s.delegatedAdmin === 'gdapSupport' || s.delegatedAdmin === 'gdapOther';
  return [step(s, 'step.assignLicenses', withGdap ? 'you' : 'customerAdmin')];
}

function manualSteps(s: Situation, timing: Timing | null, today: string): Step[] {
  const phase = timing?.phase;
  const provision =
    phase === 'disabled' || phase === 'vlEnded'
      ? step(s, 'step.provisionToday', buyer(s), { due: today })
      : step(s, offerKey(s), buyer(s), { due: timing?.dates.provisionBy ?? timing?.dates.cancelWindowEnds });
  const out = [...stopRenewal(s, timing), ...relationshipSteps(s, false), provision, ...assignSteps(s)];
  if (phase === 'renewedInWindow') {
    const key = s.purchaseChannel === 'adminCenter' ? 'step.cancelInWindowDirect' : 'step.cancelInWindow';
    out.push(step(s, key, ownerOf(s), { due: timing!.dates.cancelWindowEnds }));
  } else if (!hasEnded(timing) && s.purchaseChannel !== 'openLicense') {
    out.push(step(s, 'step.letRunOut', ownerOf(s)));
  }
  return out;
}

/** §3 D: the other order: stop renewal, let them expire, buy inside the Expired period. */
function over150Steps(s: Situation, timing: Timing | null): Step[] {
  const dates = timing?.dates;
  return [
    ...stopRenewal(s, timing),
    ...relationshipSteps(s, false),
    step(s, 'step.letRunOut', ownerOf(s)),
    step(s, 'step.provisionAfterExpiry', buyer(s), {
      from: dates?.buyFrom,
      due: dates?.expiredUntil ? addDays(dates.expiredUntil, -1) : undefined,
    }),
    ...assignSteps(s),
  ];
}

/** §3 B: you request, the current (source) partner approves; an indirect reseller's provider is the source. */
function transferSteps(s: Situation): Step[] {
  const approver: Actor = s.otherPartnerBilling === 'indirectReseller' ? 'currentProvider' : 'currentPartner';
  const create =
    s.partnerModel === 'indirectReseller'
      ? step(s, 'step.createTransferByProvider', 'yourProvider')
      : step(s, 'step.createTransfer', 'you');
  return [...relationshipSteps(s, false), create, step(s, 'step.approveTransfer', approver)];
}

/** §3 C: EA channel transfer ("renew to CSP"), live before the EA end date. */
function eaSteps(s: Situation, timing: Timing | null): Step[] {
  return [
    ...stopRenewal(s, timing),
    ...relationshipSteps(s, false),
    step(s, 'step.eaChannelTransfer', 'you', { due: timing?.dates.provisionBy }),
    ...assignSteps(s),
  ];
}

/** §3 E: nothing existing changes; you provision only what you will handle. */
function multiPartnerSteps(s: Situation): Step[] {
  return [...relationshipSteps(s, true), step(s, 'step.provisionMultiPartner', buyer(s))];
}

/** §6: what unblocks a blocked move, and nothing of the go-ahead steps. */
export function unblockSteps(s: Situation, blockers: readonly Blocker[]): Step[] {
  const out: Step[] = [];
  if (blockers.includes('vianet')) out.push(step(s, 'step.referVianet', 'you'));
  if (blockers.includes('market')) {
    const params = { market: s.tenantRegion };
    out.push(
      step(s, 'step.useOtherLocation', 'you', { params }),
      step(s, 'step.referPartner', 'you', { params }),
      step(s, 'step.tenantMigration', 'customerAdmin'),
    );
  }
  return out;
}

/** The chosen path's steps, in that path's order, after anything to find out first. */
export function pathSteps(s: Situation, choice: PathChoice, timing: Timing | null, today: string): Step[] {
  const first = findOutSteps(s, choice, timing);
  switch (choice.path) {
    case 'manual':
      return [...first, ...manualSteps(s, timing, today)];
    case 'over150':
      return [...first, ...over150Steps(s, timing)];
    case 'partnerTransfer':
      return [...first, ...transferSteps(s)];
    case 'eaChannelTransfer':
      return [...first, ...eaSteps(s, timing)];
    case 'multiPartner':
      return [...first, ...multiPartnerSteps(s)];
  }
}
