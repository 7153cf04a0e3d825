import type { QuickFormField } from '../cards/actions.js';
import type { QuickFormQuestion } from '../cards/index.js';
import { QUESTIONS, isRelevant, parseAnswer, type Answers, type QuestionId } from './questions.js';

// The form shows every question at once, so conditional ones say when they apply.
const ONLY_IF: Partial<Record<QuestionId, QuickFormQuestion['onlyIf']>> = {
  goal: 'otherPartner',
  otherPartnerBilling: 'otherPartner',
  tenantCloud: 'china',
  activeSubscriptions: 'notEa',
  dateKind: 'pastDate',
  delegatedAdmin: 'hasRelationship',
  offer: 'buying',
  offerPlan: 'offerChanges',
  offerDiscontinued: 'offerChanges',
  licenseCount: 'offerChanges',
};

export const QUICK_FORM_QUESTIONS: readonly QuickFormQuestion[] = QUESTIONS.map((q) => ({ ...q, onlyIf: ONLY_IF[q.id] }));

export interface QuickFormReading {
  answers: Answers;
  /** Relevant questions left empty or answered with something we don't accept. */
  missing: QuestionId[];
  /** The questions that apply, in catalogue order (the history a guided check would have). */
  asked: QuestionId[];
}

/** Validates a quick-form submit field by field with the Situation's own schemas. */
export function readQuickForm(fields: Partial<Record<QuickFormField, string>>, today: string): QuickFormReading {
  const answers: Answers = {};
  const record = answers as Record<string, unknown>;
  for (const q of QUESTIONS) {
    const parsed = fields[q.id] ? parseAnswer(q, fields[q.id]) : undefined;
    if (parsed !== undefined) record[q.id] = parsed;
  }
  const missing: QuestionId[] = [];
  const asked: QuestionId[] = [];
  for (const q of QUESTIONS) {
    if (!isRelevant(q, answers, today)) {
      delete record[q.id];
      continue;
    }
    asked.push(q.id);
    const given = fields[q.id];
    if (record[q.id] === undefined && (!q.optional || given)) missing.push(q.id);
  }
  return { answers, missing, asked };
}
