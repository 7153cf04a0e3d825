import { guide, SituationSchema, type Guidance } from '../src/guidance/index.js';
import type { Answers } from './questions.js';
import { withoutMootAnswers } from './questions.js';

/** The one way every surface (guided check, quick form, change an answer, share) turns answers into guidance. */
export function guidanceFor(answers: Answers, today: string): Guidance {
  return guide(SituationSchema.parse(withoutMootAnswers(answers)), today);
}
