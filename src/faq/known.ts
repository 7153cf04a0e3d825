// What an open guided check already knows, read the way the result card reads it: the partial answers
// are completed with "not sure" and run through the guidance engine itself, so the FAQ takes the path,
// the lifecycle phase and its dates from `guide` instead of re-deriving them.
import {
  NOT_SURE,
  SituationSchema,
  guide,
  type PathId,
  type Phase,
  type PurchaseChannel,
  type Situation,
  type Timing,
} from '../guidance/index.js';

/** What a check has collected so far: any subset of a Situation. */
export type KnownAnswers = Partial<Situation>;

/** A question not answered yet is, for the engine, a question answered "not sure". */
const UNKNOWN = {
  partnerRoles: [NOT_SURE],
  partnerModel: NOT_SURE,
  partnerRegion: NOT_SURE,
  goal: NOT_SURE,
  purchaseChannel: NOT_SURE,
  tenantRegion: NOT_SURE,
  resellerRelationship: NOT_SURE,
  delegatedAdmin: NOT_SURE,
  offerPlan: NOT_SURE,
  offerDiscontinued: NOT_SURE,
  licenseCount: NOT_SURE,
} as const;

export interface Known {
  /** The answers as the engine read them (unknown = 'notSure'). */
  s: Situation;
  /** Where the customer bought, when the partner said. */
  channel?: Exclude<PurchaseChannel, 'notSure'>;
  /** The path the result follows, once the answers decide it (the channel, or a multi-partner goal); 'blocked' when it is blocked. */
  path?: PathId | 'blocked';
  /** Where the old subscriptions stand today, only when that is certain (a past date needs "renewed or ended"). */
  timing?: { phase: Phase; date: string; dates: Timing['dates'] };
  /** The date has passed but "renewed or ended?" is not answered: the answer depends on it. */
  dateKindOpen?: string;
  /** The partner named its roles and none of them can do one of its steps. */
  roleGap: boolean;
}

export const VOLUME_CHANNELS: readonly PurchaseChannel[] = ['enterpriseAgreement', 'openLicense', 'otherVolumeLicensing'];

const ENDED: readonly Phase[] = ['expired', 'disabled', 'deleted', 'vlEnded'];

export const hasEnded = (k: Known): boolean => k.timing !== undefined && ENDED.includes(k.timing.phase);

/** What the answers decide, or undefined when they can't be read (then the FAQ gives its general answers). */
export function readKnown(answers: KnownAnswers, today: string): Known | undefined {
  const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined));
  const parsed = SituationSchema.safeParse({ ...UNKNOWN, ...given });
  if (!parsed.success) return undefined;
  const s = parsed.data;
  let g: ReturnType<typeof guide>;
  try {
    g = guide(s, today);
  } catch {
    return undefined; // an invalid `today`: no situation-aware answer rather than a wrong one
  }
  const known: Known = { s, roleGap: g.steps.some((st) => st.roleGap) };
  if (s.purchaseChannel !== NOT_SURE) known.channel = s.purchaseChannel;
  if (g.path === null) known.path = 'blocked';
  else if (known.channel !== undefined || s.goal === 'multiPartner') known.path = g.path;
  const timing = g.timing;
  if (timing && timing.ifEnded === undefined) known.timing = { phase: timing.phase, date: timing.renewalDate, dates: timing.dates };
  else if (timing) known.dateKindOpen = timing.renewalDate;
  return known;
}
