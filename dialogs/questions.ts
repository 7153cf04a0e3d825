import { z } from 'zod';
import { LRUCache } from 'lru-cache';
import {
  ACTIVE_SUBSCRIPTIONS,
  DATE_KINDS,
  DELEGATED_ADMINS,
  GOALS,
  LICENSE_COUNTS,
  OFFER_DISCONTINUED,
  OFFER_PLANS,
  OTHER_PARTNER_BILLINGS,
  PARTNER_MODELS,
  PARTNER_ROLE_ANSWERS,
  PURCHASE_CHANNELS,
  REGION_ANSWERS,
  RESELLER_RELATIONSHIPS,
  SituationSchema,
  TENANT_CLOUDS,
  asksCloud,
  asksDateKind,
  type Situation,
} from '../src/guidance/index.js';

/**
 * "Same offer, same license count?" in one click: the usual case answers three of the engine's questions at
 * once; "something changes" asks them one by one. Only the conversation knows it: situationOf() expands it.
 */
export const OFFER_SUMMARIES = ['sameOfferSameCount', 'somethingChanges', 'notSure'] as const;
export type OfferSummary = (typeof OFFER_SUMMARIES)[number];

/** What a check has collected so far: any subset of a Situation, and the offer summary. */
export type Answers = Partial<Situation> & { offer?: OfferSummary };

export type QuestionId = keyof Situation | 'offer';

/** Each question's schema: the Situation's own field schemas, and the offer summary's. */
const FIELD_SCHEMAS: Record<QuestionId, z.ZodTypeAny> = { ...SituationSchema.shape, offer: z.enum(OFFER_SUMMARIES) };

export interface Question {
  id: QuestionId;
  /** 'multi' takes several options at once (the partner's roles). */
  input: 'choice' | 'multi' | 'date';
  /** Names the option labels and typed synonyms in locales/<lng>/questions.json (`optionSets.<set>.<option>`). */
  optionSet?: string;
  options: readonly string[];
  optional?: boolean;
  /** Asked only when earlier answers (and today, for dates) make it matter. */
  relevant?: (answers: Answers, today: string) => boolean;
}

/** A move buys new subscriptions unless the customer keeps its partner, or a CSP's active subscriptions transfer. */
function buysNew(a: Answers, today: string): boolean {
  if (a.goal === 'multiPartner') return false;
  if (a.purchaseChannel !== 'otherPartner') return true;
  // From another CSP: a transfer changes no offer or license, unless the subscriptions have already ended.
  return a.renewalDate !== undefined && asksDateKind(a.renewalDate, today) && a.dateKind !== 'renewed';
}

/** The offer or license count changes: ask each of them. */
const offerDetails = (a: Answers, today: string): boolean => buysNew(a, today) && a.offer === 'somethingChanges';

/**
 * Only another CSP's customer may leave it or keep it (multi-partner); every other channel is a move from that
 * channel. "Not sure" where they bought: the goal may tell it apart.
 */
const GOAL_CHANNELS: readonly (Answers['purchaseChannel'] | undefined)[] = ['otherPartner', 'notSure'];

/** Answers implied when a question is not asked (GUIDANCE edition 2): never a guess about a fact the partner knows. */
export function impliedAnswers(a: Answers): Answers {
  const out: Answers = {};
  if (a.purchaseChannel !== undefined && !GOAL_CHANNELS.includes(a.purchaseChannel)) out.goal = 'fromOtherChannel';
  // No reseller relationship yet: GDAP is requested with it (§3 A step 1).
  if (a.resellerRelationship === 'no') out.delegatedAdmin = 'none';
  if (a.offer === 'sameOfferSameCount') Object.assign(out, { offerPlan: 'same', licenseCount: 'same', offerDiscontinued: 'no' });
  if (a.offer === 'notSure') Object.assign(out, { offerPlan: 'notSure', licenseCount: 'notSure', offerDiscontinued: 'notSure' });
  // The same offer can still be bought, so it isn't discontinued; a different one makes it moot.
  if (a.offer === 'somethingChanges' && (a.offerPlan === 'same' || a.offerPlan === 'different')) out.offerDiscontinued = 'no';
  return out;
}

// The one description of every question (GUIDANCE edition 2): the guided check walks it in this order
// (what can block the move first, then what decides the path), cards render it, typed answers are read against it.
export const QUESTIONS: readonly Question[] = [
  { id: 'partnerRoles', input: 'multi', optionSet: 'partnerRoles', options: PARTNER_ROLE_ANSWERS },
  { id: 'partnerModel', input: 'choice', optionSet: 'partnerModel', options: PARTNER_MODELS },
  { id: 'partnerRegion', input: 'choice', optionSet: 'region', options: REGION_ANSWERS },
  { id: 'tenantRegion', input: 'choice', optionSet: 'region', options: REGION_ANSWERS },
  { id: 'tenantCloud', input: 'choice', optionSet: 'tenantCloud', options: TENANT_CLOUDS, relevant: (a) => asksCloud(a) },
  { id: 'purchaseChannel', input: 'choice', optionSet: 'purchaseChannel', options: PURCHASE_CHANNELS },
  { id: 'goal', input: 'choice', optionSet: 'goal', options: GOALS, relevant: (a) => GOAL_CHANNELS.includes(a.purchaseChannel) },
  {
    id: 'otherPartnerBilling',
    input: 'choice',
    optionSet: 'otherPartnerBilling',
    options: OTHER_PARTNER_BILLINGS,
    relevant: (a) => a.purchaseChannel === 'otherPartner' && a.goal !== 'multiPartner',
  },
  {
    id: 'activeSubscriptions',
    input: 'choice',
    optionSet: 'activeSubscriptions',
    options: ACTIVE_SUBSCRIPTIONS,
    // EA has its own path, and a multi-partner customer keeps what it has.
    relevant: (a) => a.goal !== 'multiPartner' && a.purchaseChannel !== 'enterpriseAgreement',
  },
  { id: 'renewalDate', input: 'date', options: [], optional: true, relevant: (a) => a.goal !== 'multiPartner' },
  {
    id: 'dateKind',
    input: 'choice',
    optionSet: 'dateKind',
    options: DATE_KINDS,
    relevant: (a, today) => a.goal !== 'multiPartner' && asksDateKind(a.renewalDate, today),
  },
  { id: 'resellerRelationship', input: 'choice', optionSet: 'yesNo', options: RESELLER_RELATIONSHIPS },
  { id: 'delegatedAdmin', input: 'choice', optionSet: 'delegatedAdmin', options: DELEGATED_ADMINS, relevant: (a) => a.resellerRelationship !== 'no' },
  { id: 'offer', input: 'choice', optionSet: 'offer', options: OFFER_SUMMARIES, relevant: buysNew },
  { id: 'offerPlan', input: 'choice', optionSet: 'offerPlan', options: OFFER_PLANS, relevant: offerDetails },
  {
    id: 'offerDiscontinued',
    input: 'choice',
    optionSet: 'yesNo',
    options: OFFER_DISCONTINUED,
    relevant: (a, today) => offerDetails(a, today) && (a.offerPlan === 'equivalent' || a.offerPlan === 'notSure'),
  },
  { id: 'licenseCount', input: 'choice', optionSet: 'licenseCount', options: LICENSE_COUNTS, relevant: offerDetails },
];

export const QUESTION_IDS = QUESTIONS.map((q) => q.id);
const QUESTION_ID_SET: ReadonlySet<string> = new Set(QUESTION_IDS);

/** The partner's own questions: asked once per user, kept in the profile, not in each check. */
export const PROFILE_QUESTION_IDS = ['partnerRoles', 'partnerModel', 'partnerRegion'] as const satisfies readonly QuestionId[];

export const isProfileQuestion = (id: QuestionId): boolean => (PROFILE_QUESTION_IDS as readonly QuestionId[]).includes(id);

/** Answers a question never asked gets when the engine needs a value (a transfer, multi-partner): nothing bought, nothing to compare. */
const NOT_ASKED: Partial<Record<QuestionId, string>> = { offerPlan: 'same', offerDiscontinued: 'no', licenseCount: 'same' };

export function questionById(id: string): Question | undefined {
  return QUESTIONS.find((q) => q.id === id);
}

export function isRelevant(question: Question, answers: Answers, today: string): boolean {
  return question.relevant?.(answers, today) ?? true;
}

/** The questions this check will ask, given what is known now (the count shifts as answers change relevance). */
export function relevantQuestions(answers: Answers, today: string): Question[] {
  return QUESTIONS.filter((q) => isRelevant(q, answers, today));
}

/** The first relevant question with no answer yet; undefined once the check is complete. */
export function nextQuestion(answers: Answers, today: string, skipped: readonly QuestionId[] = []): Question | undefined {
  return relevantQuestions(answers, today).find((q) => answers[q.id] === undefined && !skipped.includes(q.id));
}

/** One answer as its field's schema reads it (a card's 'a,b' becomes a list); undefined when not acceptable. */
export function parseAnswer(question: Question, value: unknown): Answers[QuestionId] | undefined {
  const key = memoKeyOf(question.id, value);
  if (key === undefined) return parseWithSchema(question.id, value);
  let known = parsedAnswers.get(key);
  if (known === undefined) {
    known = { value: parseWithSchema(question.id, value) };
    parsedAnswers.set(key, known);
  }
  // A list is copied: callers may change what they get.
  return Array.isArray(known.value) ? ([...known.value] as Answers[QuestionId]) : known.value;
}

function parseWithSchema(id: QuestionId, value: unknown): Answers[QuestionId] | undefined {
  const parsed = FIELD_SCHEMAS[id].safeParse(value);
  return parsed.success ? (parsed.data as Answers[QuestionId]) : undefined;
}

/**
 * Every turn reads its stored answers back through their schemas (state from an older version, or tampered
 * with, must not pass), and the same few values come back turn after turn: a schema's verdict on a short
 * string, or a list of them, is remembered (the 5,000 most recently used); anything else is parsed each time.
 */
const parsedAnswers = new LRUCache<string, { value: Answers[QuestionId] | undefined }>({ max: 5_000 });

function memoKeyOf(id: QuestionId, value: unknown): string | undefined {
  if (typeof value === 'string') return value.length <= 128 ? `${id}\n${value}` : undefined;
  if (Array.isArray(value) && value.length <= 16 && value.every((v) => typeof v === 'string' && v.length <= 64)) return `${id}\n${JSON.stringify(value)}`;
  return undefined;
}

/**
 * Only answers this version accepts: state saved by an earlier version (a removed question, an option that
 * no longer exists) loses those answers, and the check asks them again instead of failing.
 */
export function validAnswers(stored: unknown): Answers {
  const out: Record<string, unknown> = {};
  if (typeof stored !== 'object' || stored === null) return out;
  for (const q of QUESTIONS) {
    const raw = (stored as Record<string, unknown>)[q.id];
    // Most questions have no answer yet: don't ask the schema to reject an undefined (its error costs).
    if (raw === undefined) continue;
    const value = parseAnswer(q, raw);
    if (value !== undefined) out[q.id] = value;
  }
  return out as Answers;
}

/** Drops answers that others made moot, and fills the ones never asked, so the situation carries what applies. */
export function situationOf(answers: Answers, today: string): Partial<Situation> {
  // Built up, never deleted from: an object that loses properties becomes a slow dictionary for V8, and the
  // engine reads this one's fields many times per run (several runs a turn).
  const kept: Record<string, unknown> = {};
  const given = answers as Record<string, unknown>;
  for (const key of Object.keys(given)) if (!QUESTION_ID_SET.has(key) && given[key] !== undefined) kept[key] = given[key];
  const implied = impliedAnswers(answers) as Record<string, unknown>;
  for (const q of QUESTIONS) {
    if (q.id === 'offer') continue;
    const value = (isRelevant(q, answers, today) ? given[q.id] : undefined) ?? implied[q.id] ?? NOT_ASKED[q.id];
    if (value !== undefined) kept[q.id] = value;
  }
  return kept as Partial<Situation>;
}
