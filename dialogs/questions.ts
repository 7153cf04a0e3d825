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

/** What a check has collected so far: any subset of a Situation. */
export type Answers = Partial<Situation>;

export type QuestionId = keyof Situation;

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

// The one description of every question (GUIDANCE edition 2): the guided check walks it in this order
// (what can block the move first, then what decides the path), cards render it, typed answers are read against it.
export const QUESTIONS: readonly Question[] = [
  { id: 'partnerRoles', input: 'multi', optionSet: 'partnerRoles', options: PARTNER_ROLE_ANSWERS },
  { id: 'partnerModel', input: 'choice', optionSet: 'partnerModel', options: PARTNER_MODELS },
  { id: 'partnerRegion', input: 'choice', optionSet: 'region', options: REGION_ANSWERS },
  { id: 'tenantRegion', input: 'choice', optionSet: 'region', options: REGION_ANSWERS },
  { id: 'tenantCloud', input: 'choice', optionSet: 'tenantCloud', options: TENANT_CLOUDS, relevant: (a) => asksCloud(a) },
  { id: 'goal', input: 'choice', optionSet: 'goal', options: GOALS },
  { id: 'purchaseChannel', input: 'choice', optionSet: 'purchaseChannel', options: PURCHASE_CHANNELS },
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
  { id: 'delegatedAdmin', input: 'choice', optionSet: 'delegatedAdmin', options: DELEGATED_ADMINS },
  { id: 'offerPlan', input: 'choice', optionSet: 'offerPlan', options: OFFER_PLANS, relevant: buysNew },
  { id: 'offerDiscontinued', input: 'choice', optionSet: 'yesNo', options: OFFER_DISCONTINUED, relevant: buysNew },
  { id: 'licenseCount', input: 'choice', optionSet: 'licenseCount', options: LICENSE_COUNTS, relevant: buysNew },
];

export const QUESTION_IDS = QUESTIONS.map((q) => q.id);

/** The partner's own questions: asked once per user, kept in the profile, not in each check. */
export const PROFILE_QUESTION_IDS = ['partnerRoles', 'partnerModel', 'partnerRegion'] as const satisfies readonly QuestionId[];

export const isProfileQuestion = (id: QuestionId): boolean => (PROFILE_QUESTION_IDS as readonly QuestionId[]).includes(id);

/** Answers a question never asked gets when the engine needs a value: nothing to compare, so nothing flagged. */
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
export function parseAnswer(question: Question, value: unknown): Situation[QuestionId] | undefined {
  const parsed = SituationSchema.shape[question.id].safeParse(value);
  return parsed.success ? (parsed.data as Situation[QuestionId]) : undefined;
}

/**
 * Only answers this version accepts: state saved by an earlier version (a removed question, an option that
 * no longer exists) loses those answers, and the check asks them again instead of failing.
 */
export function validAnswers(stored: unknown): Answers {
  const out: Record<string, unknown> = {};
  if (typeof stored !== 'object' || stored === null) return out;
  for (const q of QUESTIONS) {
    const value = parseAnswer(q, (stored as Record<string, unknown>)[q.id]);
    if (value !== undefined) out[q.id] = value;
  }
  return out as Answers;
}

/** Drops answers that others made moot, and fills the ones never asked, so the situation carries what applies. */
export function situationOf(answers: Answers, today: string): Answers {
  const kept: Record<string, unknown> = { ...answers };
  for (const q of QUESTIONS) {
    if (!isRelevant(q, answers, today)) delete kept[q.id];
    if (kept[q.id] === undefined && NOT_ASKED[q.id] !== undefined) kept[q.id] = NOT_ASKED[q.id];
  }
  return kept as Answers;
}
