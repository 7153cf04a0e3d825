import { guide, type Guidance, type SituationInput } from '../src/guidance/index.js';
import { situationOf, type Answers } from './questions.js';

/** The one way every surface (guided check, quick form, change an answer, share) turns answers into guidance. */
export function guidanceFor(answers: Answers, today: string): Guidance {
  return guide(situationOf(answers, today) as SituationInput, today);
}
