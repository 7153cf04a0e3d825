// One virtual partner walking the guided check as Teams would send it: card submits only, chosen from
// the real question catalogue, and what the bot must answer with next. Pure: no I/O, seeded randomness.
import { commandData, answerData, skipData, type SubmitData } from '../cards/actions.js';
import { addDays } from '../src/guidance/index.js';
import { PROFILE_QUESTION_IDS, isProfileQuestion, situationOf, type Answers, type Question, type QuestionId } from '../dialogs/questions.js';
import { knownBlocked, nextPosition, withProbes } from '../dialogs/core/flow.js';

/** What the last card of the bot's reply must be. */
export type Expectation = { kind: 'question'; questionId: string } | { kind: 'result' };

export interface PlannedTurn {
  /** The Action.Submit value Teams would post (the action's data merged with the card's inputs). */
  value: SubmitData;
  expect: Expectation;
}

/** Teams locales the virtual partners use, spread evenly over the pool. */
export const BENCH_LOCALES = ['en-US', 'zh-CN', 'zh-TW'] as const;

/** mulberry32: small, fast and good enough to pick answers reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pending {
  answers: Answers;
  skipped: QuestionId[];
  done: boolean;
}

export class ConversationWalker {
  private state: 'new' | 'asking' | 'done' = 'new';
  private answers: Answers = {};
  private skipped: QuestionId[] = [];
  private pending: Pending | undefined;
  /** Completed checks (result cards reached). */
  results = 0;

  constructor(
    private readonly random: () => number,
    /** Today as YYYY-MM-DD: renewal dates are picked around it. */
    private readonly today: string,
  ) {}

  /** The next submit and the card it must bring back. Call advance() once the bot answered as expected. */
  plan(): PlannedTurn {
    if (this.state === 'asking') {
      const question = nextOf(this.answers, this.skipped, this.today);
      if (question) return this.planAnswer(question);
    }
    // A new partner clicks Start on the welcome card; after a result (or a failed turn) they start over,
    // and the bot remembers their own answers (roles, CSP model, market) from the last check.
    const kept = this.state === 'new' ? {} : profileOf(this.answers);
    this.pending = { answers: kept, skipped: [], done: false };
    return { value: commandData(this.state === 'new' ? 'start' : 'restart'), expect: questionExpectation(kept, [], this.today) };
  }

  advance(): void {
    const p = this.pending;
    if (!p) throw new Error('advance() without plan()');
    this.pending = undefined;
    this.answers = p.answers;
    this.skipped = p.skipped;
    if (p.done) this.results += 1;
    this.state = p.done ? 'done' : 'asking';
  }

  /** The bot answered something else: start over on the next turn. */
  resync(): void {
    this.pending = undefined;
    if (this.state === 'asking') this.state = 'done';
  }

  /** The answers so far, without those that later answers made moot (what the bot turns into a Situation). */
  situation(): Answers {
    // A blocked verdict comes before every question is answered: the bot reads the rest as "not sure".
    return situationOf(withProbes(this.answers), this.today);
  }

  private planAnswer(question: Question): PlannedTurn {
    const answers: Answers = { ...this.answers };
    const skipped = [...this.skipped];
    let value: SubmitData;
    if (question.input === 'date') {
      // Half skip the optional date, half give one between a month ago and a year ahead.
      if (question.optional && this.random() < 0.5) {
        value = skipData(question.id);
        skipped.push(question.id);
      } else {
        const date = addDays(this.today, Math.floor(this.random() * 396) - 30);
        value = answerData(question.id, date);
        (answers as Record<string, unknown>)[question.id] = date;
      }
    } else {
      // Partners mostly serve customers in their own market: most checks run past the market question.
      const sameMarket = question.id === 'tenantRegion' && typeof answers.partnerRegion === 'string' && this.random() < 0.85;
      const option = sameMarket ? answers.partnerRegion! : question.options[Math.floor(this.random() * question.options.length)]!;
      value = answerData(question.id, option);
      // A multi-select answer is stored as the list the card's 'a,b' becomes.
      (answers as Record<string, unknown>)[question.id] = question.input === 'multi' ? [option] : option;
    }
    const expect = questionExpectation(answers, skipped, this.today);
    this.pending = { answers, skipped, done: expect.kind === 'result' };
    return { value, expect };
  }
}

const profileOf = (answers: Answers): Answers =>
  Object.fromEntries(Object.entries(answers).filter(([id]) => (PROFILE_QUESTION_IDS as readonly string[]).includes(id))) as Answers;

/** The question the bot asks next, as its pure core decides it (a blocked move or nothing left to ask: none). */
function nextOf(answers: Answers, skipped: QuestionId[], today: string): Question | undefined {
  const check = {
    status: 'active' as const,
    answers: Object.fromEntries(Object.entries(answers).filter(([id]) => !isProfileQuestion(id as QuestionId))) as Answers,
    history: [],
    skipped,
  };
  const profile = { partner: profileOf(answers) };
  if (knownBlocked(check, profile, today)) return undefined;
  return nextPosition(check, profile, today)?.question;
}

function questionExpectation(answers: Answers, skipped: QuestionId[], today: string): Expectation {
  const next = nextOf(answers, skipped, today);
  return next ? { kind: 'question', questionId: next.id } : { kind: 'result' };
}
