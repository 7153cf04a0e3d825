import { NOTE_KEYS, NOTE_RULES, SEVERITIES, type NoteKey } from './catalogue.js';
import type { Note, Step } from './guidanceSchema.js';
import type { Blocker, PathChoice } from './path.js';
import { asksCloud, type Situation } from './situation.js';
import { hasEnded, isVolumeChannel, type Timing } from './timing.js';

type Params = Record<string, string | number>;
type Draft = [NoteKey, Params?];

/** A move soon enough that stopping renewal can't wait. */
const SOON_DAYS = 7;

/** §4: what the date means today, and the other reading when renewed-or-ended is not known. */
function timingNotes(s: Situation, timing: Timing | null): Draft[] {
  // EA and volume licensing: never the 30-day promise, whether or not the date is known (§4).
  if (timing === null) return isVolumeChannel(s) ? [['note.checkDate'], ['note.noExpiredGrace']] : [['note.checkDate']];
  const date = timing.renewalDate;
  const { dates } = timing;
  const out: Draft[] = [];
  switch (timing.phase) {
    case 'upcoming':
      if (timing.daysFromToday <= SOON_DAYS) out.push(['note.renewsSoon', { count: timing.daysFromToday, date }]);
      break;
    case 'renewedInWindow':
      out.push([
        s.purchaseChannel === 'adminCenter' ? 'note.cancelWindowOpenDirect' : 'note.cancelWindowOpen',
        { date, cancelWindowEnds: dates.cancelWindowEnds! },
      ]);
      break;
    case 'termOwed':
      out.push(['note.termOwed', { date }]);
      break;
    case 'expired':
      out.push(['note.expiredClock', { date, expiredUntil: dates.expiredUntil! }]);
      break;
    case 'disabled':
      out.push(['note.usersOffline', { date, dataKeptUntil: dates.dataKeptUntil! }]);
      break;
    case 'deleted':
      out.push(['note.dataDeleted', { date }]);
      break;
    case 'vlEnded':
      out.push(['note.vlEnded', { date }]);
      break;
  }
  const other = timing.ifEnded;
  if (other?.phase === 'expired') out.push(['note.ifEndedExpired', { date, expiredUntil: other.dates.expiredUntil! }]);
  if (other?.phase === 'disabled') out.push(['note.ifEndedDisabled', { date, dataKeptUntil: other.dates.dataKeptUntil! }]);
  if (other?.phase === 'deleted') out.push(['note.ifEndedDeleted', { date }]);
  if (other?.phase === 'vlEnded') out.push(['note.ifEndedVl', { date }]);

  const reactivatable = (p: string | undefined) => p === 'expired' || p === 'disabled';
  if (isVolumeChannel(s) && !hasEnded(timing)) out.push(['note.noExpiredGrace']);
  if (s.purchaseChannel === 'adminCenter' && (reactivatable(timing.phase) || reactivatable(other?.phase))) {
    out.push(['note.reactivateDirect']);
  }
  if (s.purchaseChannel === 'otherPartner' && hasEnded(timing)) out.push(['note.transferActiveOnly']);
  if (s.purchaseChannel === 'otherPartner' && (timing.phase === 'expired' || other?.phase === 'expired')) {
    out.push(['note.expiredNotShown']);
  }
  return out;
}

/** §5: offer and license count matter where you buy; a transfer or a multi-partner customer changes neither. */
function offerNotes(s: Situation, choice: PathChoice): Draft[] {
  if (choice.path === 'partnerTransfer' || choice.path === 'multiPartner') return [];
  const out: Draft[] = [];
  if (s.offerDiscontinued === 'yes') out.push([choice.path === 'eaChannelTransfer' ? 'note.offerDiscontinuedEa' : 'note.offerDiscontinued']);
  if (s.offerDiscontinued === 'notSure') out.push(['note.checkOfferDiscontinued']);
  if (s.offerPlan === 'different') out.push(['note.differentOffer']);
  if (s.offerPlan === 'notSure') out.push(['note.checkOfferPlan']);
  if (s.licenseCount === 'more') out.push(['note.licenseCountMore']);
  if (s.licenseCount === 'fewer') out.push(['note.licenseCountFewer']);
  if (s.licenseCount === 'notSure') out.push(['note.checkLicenseCount']);
  return out;
}

/** A goal that contradicts the channel: the channel is the fact the path follows, and the card says so. */
function contradicts(s: Situation): boolean {
  if (s.goal === 'fromOtherPartner') return s.purchaseChannel !== 'otherPartner' && s.purchaseChannel !== 'notSure';
  return s.goal === 'fromOtherChannel' && s.purchaseChannel === 'otherPartner';
}

function partnerNotes(s: Situation, steps: readonly Step[]): Draft[] {
  const out: Draft[] = [];
  if (s.partnerRoles.includes('notSure')) out.push(['note.checkRoles']);
  else if (steps.some((st) => st.roleGap)) out.push(['note.rolesMissing']);
  if (s.partnerModel === 'indirectReseller') out.push(['note.youIndirectReseller']);
  if (s.partnerModel === 'notSure') out.push(['note.checkPartnerModel']);
  if (s.delegatedAdmin === 'dap') out.push(['note.dapOnly']);
  if (s.delegatedAdmin === 'notSure') out.push(['note.checkDelegatedAdmin']);
  if (s.resellerRelationship === 'notSure') out.push(['note.checkRelationship']);
  return out;
}

function pathNotes(s: Situation, choice: PathChoice): Draft[] {
  const out: Draft[] = [];
  if (contradicts(s)) out.push(['note.goalChannelMismatch', { goal: s.goal, channel: s.purchaseChannel }]);
  if (asksCloud(s) && s.tenantCloud === 'global') out.push(['note.chinaGlobal']);
  if (choice.path === 'manual' && s.activeSubscriptions === 'over150' && isVolumeChannel(s)) out.push(['note.over150Vl']);
  switch (choice.path) {
    case 'over150':
      out.push(['note.over150']);
      break;
    case 'partnerTransfer':
      out.push(['note.transferBilling']);
      if (s.activeSubscriptions === 'over150') out.push(['note.transferNoDuplicates']);
      break;
    case 'eaChannelTransfer':
      out.push(['note.gdapNoEa']);
      break;
    case 'multiPartner':
      out.push(['note.multiPartnerNothingChanges']);
      break;
  }
  // Your new subscriptions are New Commerce wherever you buy them (§4, §9).
  if (choice.path !== 'partnerTransfer') out.push(['note.nceCancelWindow']);
  return out;
}

function toNote([key, params]: Draft): Note {
  const rule = NOTE_RULES[key];
  return { key, ...(params ? { params } : {}), severity: rule.severity, source: rule.source };
}

/** Severity first, then catalogue order: stable whatever rule emitted what. */
function sorted(notes: Note[]): Note[] {
  return notes.sort((a, b) => rankOf(a) - rankOf(b));
}

// Worked out once: the engine sorts notes on every run, several runs a turn.
const SEVERITY_RANK = new Map<string, number>(SEVERITIES.map((severity, i) => [severity, i]));
const KEY_RANK = new Map<string, number>(NOTE_KEYS.map((key, i) => [key, i]));
const rankOf = (n: Note): number => SEVERITY_RANK.get(n.severity)! * NOTE_KEYS.length + KEY_RANK.get(n.key)!;

export function blockedNotes(s: Situation, blockers: readonly Blocker[]): Note[] {
  const out: Draft[] = [];
  if (blockers.includes('market')) out.push(['blocked.market', { partnerMarket: s.partnerRegion, tenantMarket: s.tenantRegion }]);
  if (blockers.includes('vianet')) out.push(['blocked.vianet']);
  return sorted(out.map(toNote));
}

export function pathNotesFor(s: Situation, choice: PathChoice, timing: Timing | null, steps: readonly Step[]): Note[] {
  return sorted(
    // A multi-partner customer keeps its subscriptions: their dates change nothing you do.
    [...(choice.path === 'multiPartner' ? [] : timingNotes(s, timing)), ...pathNotes(s, choice), ...offerNotes(s, choice), ...partnerNotes(s, steps)].map(toNote),
  );
}
