import {
  BILLING_FREQUENCIES,
  DELEGATED_ADMINS,
  GOALS,
  LICENSE_COUNTS,
  OFFER_DISCONTINUED,
  OFFER_PLANS,
  OTHER_PARTNER_BILLINGS,
  PURCHASE_CHANNELS,
  REGION_ANSWERS,
  RESELLER_RELATIONSHIPS,
  ROLES,
  type Situation,
} from '../src/guidance/index.js';

/** What a check has collected so far: any subset of a Situation. */
export type Answers = Partial<Situation>;

export type QuestionId = Exclude<keyof Situation, 'subscriptionCount'>;

export interface Question {
  id: QuestionId;
  input: 'choice' | 'date';
  /** Names the option labels and typed synonyms in locales/<lng>/questions.json (`optionSets.<set>.<option>`). */
  optionSet?: string;
  options: readonly string[];
  optional?: boolean;
  /** Asked only when earlier answers make it matter. */
  relevant?: (answers: Answers) => boolean;
}

// The one description of every question: the guided check walks it, cards render it, typed answers are read against it.
export const QUESTIONS: readonly Question[] = [
  { id: 'role', input: 'choice', optionSet: 'role', options: ROLES },
  { id: 'goal', input: 'choice', optionSet: 'goal', options: GOALS },
  { id: 'purchaseChannel', input: 'choice', optionSet: 'purchaseChannel', options: PURCHASE_CHANNELS },
  {
    id: 'billingFrequency',
    input: 'choice',
    optionSet: 'billingFrequency',
    options: BILLING_FREQUENCIES,
    relevant: (a) => a.purchaseChannel === 'adminCenter',
  },
  {
    id: 'otherPartnerBilling',
    input: 'choice',
    optionSet: 'otherPartnerBilling',
    options: OTHER_PARTNER_BILLINGS,
    relevant: (a) => a.purchaseChannel === 'otherPartner',
  },
  { id: 'resellerRelationship', input: 'choice', optionSet: 'yesNo', options: RESELLER_RELATIONSHIPS },
  { id: 'offerPlan', input: 'choice', optionSet: 'offerPlan', options: OFFER_PLANS },
  { id: 'offerDiscontinued', input: 'choice', optionSet: 'yesNo', options: OFFER_DISCONTINUED },
  { id: 'licenseCount', input: 'choice', optionSet: 'licenseCount', options: LICENSE_COUNTS },
  { id: 'partnerRegion', input: 'choice', optionSet: 'region', options: REGION_ANSWERS },
  { id: 'tenantRegion', input: 'choice', optionSet: 'region', options: REGION_ANSWERS },
  { id: 'delegatedAdmin', input: 'choice', optionSet: 'delegatedAdmin', options: DELEGATED_ADMINS },
  { id: 'renewalDate', input: 'date', options: [], optional: true },
];

export const QUESTION_IDS = QUESTIONS.map((q) => q.id);

export function questionById(id: string): Question | undefined {
  return QUESTIONS.find((q) => q.id === id);
}

export function isRelevant(question: Question, answers: Answers): boolean {
  return question.relevant?.(answers) ?? true;
}

/** The questions this check will ask, given what is known now (the count shifts as answers change relevance). */
export function relevantQuestions(answers: Answers): Question[] {
  return QUESTIONS.filter((q) => isRelevant(q, answers));
}

/** The first relevant question with no answer yet; undefined once the check is complete. */
export function nextQuestion(answers: Answers, skipped: readonly QuestionId[] = []): Question | undefined {
  return relevantQuestions(answers).find((q) => answers[q.id] === undefined && !skipped.includes(q.id));
}

/** Drops answers that earlier answers made moot, so the situation only carries what applies. */
export function withoutMootAnswers(answers: Answers): Answers {
  const kept: Answers = { ...answers };
  for (const q of QUESTIONS) if (!isRelevant(q, answers)) delete kept[q.id];
  return kept;
}
