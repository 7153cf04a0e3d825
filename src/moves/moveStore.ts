import type { ConversationReference, Storage } from 'botbuilder';
import type { Guidance } from '../guidance/index.js';
import { isEtagConflict } from '../storage/etags.js';
import { DAY_MS, type RetentionPolicy } from '../state/retention.js';
import { keptUntil } from '../storage/keptUntil.js';
import { planOf, urgentActions, type UrgentAction } from './fromGuidance.js';
import { indexKey, moveIdOf, moveKey, userKeyOf, type UserRef } from './keys.js';
import { checkLabel, type LabelProblem } from './label.js';
import { readItem, readItems, updateItem, writeItem, type Change } from './storedItem.js';
import type { MoveReading, MoveStatus, MoveSummary, TrackedMove } from './types.js';

/** What the index keeps of a move: enough to list it without reading it. */
interface IndexEntry {
  label: string;
  status: MoveStatus;
  /** Its dates still to come when last written (unticked steps' last days and deadlines), sorted; the list picks the next one. */
  dates: string[];
  /**
   * Until when the move is kept active (epoch ms; the stamp it was written with: see {@link moveActiveUntil}).
   * Retention: the index is kept as long as its longest-kept move, and leaves out a move gone by retention.
   */
  activeUntil?: number;
  createdAt: number;
}

/** Per user (`moves/<user>/index`): the moves' summaries and how to reach the user proactively. */
export interface MoveIndex {
  moves: Record<string, IndexEntry>;
  /** The conversation the user last tracked or opened a move in, with its serviceUrl: where reminders go. */
  reference?: Partial<ConversationReference>;
  /** The user's language when last seen, for reminders. */
  locale?: string;
}

/** What the reminder scheduler needs to hear about a move's life (src/reminders implements it). */
export interface MoveReminders {
  /**
   * A move changed from `before` to `after` (undefined: created / deleted): its reminders from now on are those
   * `after` plans (none when closed or deleted); those only `before` planned are cancelled. Idempotent.
   */
  sync(userKey: string, before: TrackedMove | undefined, after: TrackedMove | undefined): Promise<void>;
}

export interface MoveStoreOptions {
  storage: Storage;
  policy: RetentionPolicy;
  reminders?: MoveReminders;
  /** Open and closed moves one user may keep (the index stays a few KB). Default 50. */
  maxMoves?: number;
}

export interface TrackInput {
  /** The same result tracked again gives the same key (the check's identity and a hash of its answers). */
  idempotencyKey: string;
  label: unknown;
  answers: Record<string, unknown>;
  reading?: MoveReading;
  guidance: Guidance;
  today: string;
  reference?: Partial<ConversationReference>;
  locale?: string;
}

export type TrackResult =
  | { outcome: 'created' | 'existing'; move: TrackedMove; urgent: UrgentAction[] }
  | { outcome: 'invalidLabel'; problem: LabelProblem }
  | { outcome: 'tooMany'; max: number };

export type MoveUpdate = { outcome: 'updated'; move: TrackedMove } | { outcome: 'gone' } | { outcome: 'unknownStep' };

/** Dates still ahead of the partner on this move, for the index. */
function datesOf(move: TrackedMove, today: string): string[] {
  const dates = new Set<string>();
  for (const a of move.actions) if (a.due && a.due >= today && !move.ticked.includes(a.key)) dates.add(a.due);
  for (const d of Object.values(move.deadlines)) if (d >= today) dates.add(d);
  return [...dates].sort();
}

const entryOf = (move: TrackedMove, today: string, now: number): IndexEntry => ({
  label: move.label,
  status: move.status,
  dates: datesOf(move, today),
  activeUntil: keptUntil(moveActiveUntil(move), now),
  createdAt: move.createdAt,
});

/** The latest of a move's deadlines and its steps' last days (ticked or not); undefined when it has none. */
export function lastDateOf(move: Pick<TrackedMove, 'actions' | 'deadlines'>): string | undefined {
  const dates = [...move.actions.flatMap((a) => (a.due ? [a.due] : [])), ...Object.values(move.deadlines)];
  return dates.sort().at(-1);
}

/** The end of a day (UTC), epoch ms: a move's last date counts whole. NaN for a malformed day (then ignored). */
const endOfDay = (day: string): number => Date.parse(`${day}T00:00:00Z`) + DAY_MS;

/**
 * Retention of a move: an open one stays active until the end of its last date, so it is kept (and its
 * reminders with it) however long until then, and goes the state TTL after; a closed or undated one: from now.
 */
export function moveActiveUntil(move: TrackedMove): number | undefined {
  const last = move.status === 'open' ? lastDateOf(move) : undefined;
  return last ? endOfDay(last) : undefined;
}

/** The index is kept as long as its longest-kept move (an entry written before moves were kept: by its dates, when open). */
function indexActiveUntil(index: MoveIndex): number | undefined {
  let until: number | undefined;
  for (const entry of Object.values(index.moves)) {
    const last = entry.status === 'open' ? entry.dates.at(-1) : undefined;
    const end = entry.activeUntil ?? (last ? endOfDay(last) : Number.NaN);
    if (Number.isFinite(end)) until = Math.max(until ?? end, end);
  }
  return until;
}


/**
 * A user's tracked moves in the bot's storage (SQLite or Blob), one item per move plus a small index per user:
 * a move is 1–2 KB (answers and steps), twenty of them in one item would be far past what one turn should
 * read and write, and two moves changed at once (two chats, two instances) must not conflict with each other.
 * Every write is eTag-checked (a lost update would drop a tick); a create is IF_ABSENT, so a second [Track]
 * of the same result finds the first move. Retention: an open move is kept until its last date has passed, then
 * for the state TTL ({@link moveActiveUntil}); the index as long as its longest-lived open move; a closed move,
 * like all other state, goes when not written for the state TTL (read as absent, then swept).
 *
 * Order of writes: the index first, then the move. A crash between them leaves an index entry without a move
 * (shown as gone when opened, and cleaned then), never a move the index (and so `forget`) does not know.
 */
export class MoveStore {
  private readonly storage: Storage;
  private readonly policy: RetentionPolicy;
  private readonly reminders: MoveReminders | undefined;
  readonly maxMoves: number;

  constructor(options: MoveStoreOptions) {
    this.storage = options.storage;
    this.policy = options.policy;
    this.reminders = options.reminders;
    this.maxMoves = options.maxMoves ?? 50;
  }

  async track(user: UserRef, input: TrackInput): Promise<TrackResult> {
    const label = checkLabel(input.label);
    if (!label.ok) return { outcome: 'invalidLabel', problem: label.problem };
    const userKey = userKeyOf(user);
    const id = moveIdOf(userKey, input.idempotencyKey);
    const now = this.policy.now();
    const existing = await readItem<TrackedMove>(this.storage, moveKey(userKey, id), this.policy);
    if (existing.value) {
      await this.updateIndex(userKey, input, existing.value);
      return { outcome: 'existing', move: existing.value, urgent: urgentActions(existing.value, input.today) };
    }
    const move: TrackedMove = {
      id,
      label: label.label,
      answers: input.answers,
      ...(input.reading ? { reading: input.reading } : {}),
      ...planOf(input.guidance),
      ticked: [],
      status: 'open',
      computedFor: input.today,
      createdAt: now,
      updatedAt: now,
    };
    let tooMany = false;
    await this.updateIndexItem(userKey, (index) => {
      const moves = index?.moves ?? {};
      tooMany = !(id in moves) && Object.keys(moves).length >= this.maxMoves;
      if (tooMany) return { keep: true };
      return { write: { ...withReference(index, input), moves: { ...moves, [id]: entryOf(move, input.today, this.policy.now()) } } };
    });
    if (tooMany) return { outcome: 'tooMany', max: this.maxMoves };
    try {
      // An expired move under the same key is replaced (its eTag); a live one created meanwhile wins.
      await writeItem(this.storage, moveKey(userKey, id), move, existing.eTag, this.policy, moveActiveUntil(move));
    } catch (err) {
      if (!isEtagConflict(err)) throw err;
      const winner = await readItem<TrackedMove>(this.storage, moveKey(userKey, id), this.policy);
      if (!winner.value) throw err;
      return { outcome: 'existing', move: winner.value, urgent: urgentActions(winner.value, input.today) };
    }
    await this.reminders?.sync(userKey, undefined, move);
    return { outcome: 'created', move, urgent: urgentActions(move, input.today) };
  }

  /** The user's moves, open ones first, each group soonest date first (undated last), then oldest first. */
  async list(user: UserRef, today: string, options: { includeClosed?: boolean } = {}): Promise<MoveSummary[]> {
    const { value: index } = await readItem<MoveIndex>(this.storage, indexKey(userKeyOf(user)), this.policy);
    const summaries: MoveSummary[] = Object.entries((index && this.live(index))?.moves ?? {})
      .filter(([, e]) => options.includeClosed || e.status === 'open')
      .map(([id, e]) => {
        const summary: MoveSummary = { id, label: e.label, status: e.status, createdAt: e.createdAt };
        const next = e.dates.find((d) => d >= today);
        if (next) summary.next = next;
        return summary;
      });
    const rank = (s: MoveSummary) => (s.status === 'open' ? 0 : 1);
    return summaries.sort(
      (a, b) => rank(a) - rank(b) || compareDates(a.next, b.next) || a.createdAt - b.createdAt || a.id.localeCompare(b.id),
    );
  }

  /** One move, or undefined when it was deleted, expired or never existed (an index entry left without it is dropped). */
  async get(user: UserRef, id: string): Promise<TrackedMove | undefined> {
    const userKey = userKeyOf(user);
    const { value } = await readItem<TrackedMove>(this.storage, moveKey(userKey, id), this.policy);
    if (!value) await this.dropFromIndex(userKey, id);
    return value;
  }

  /** Ticks (or unticks) one step. A step the move does not have is refused, not added. */
  tick(user: UserRef, id: string, stepKey: string, done: boolean, today: string): Promise<MoveUpdate> {
    return this.change(user, id, today, (move) => {
      if (!move.actions.some((a) => a.key === stepKey)) return undefined;
      const ticked = move.ticked.filter((k) => k !== stepKey);
      if (done) ticked.push(stepKey);
      return { ...move, ticked };
    });
  }

  /** The move's guidance worked out again (dates move with today): its steps and dates replaced, ticks kept for steps it still has. */
  async recompute(user: UserRef, id: string, guidance: Guidance, today: string): Promise<MoveUpdate> {
    return this.change(user, id, today, (move) => {
      const plan = planOf(guidance);
      const keys = new Set(plan.actions.map((a) => a.key));
      return { ...move, ...plan, ticked: move.ticked.filter((k) => keys.has(k)), computedFor: today };
    });
  }

  setStatus(user: UserRef, id: string, status: MoveStatus, today: string): Promise<MoveUpdate> {
    return this.change(user, id, today, (move) => ({ ...move, status }));
  }

  /** Deletes one move and its reminders. False when there was none. */
  async delete(user: UserRef, id: string): Promise<boolean> {
    const userKey = userKeyOf(user);
    const { value } = await readItem<TrackedMove>(this.storage, moveKey(userKey, id), this.policy);
    if (value) await this.reminders?.sync(userKey, value, undefined);
    await this.storage.delete([moveKey(userKey, id)]);
    const listed = await this.dropFromIndex(userKey, id);
    return value !== undefined || listed;
  }

  /** Deletes every move of the user, their reminders and the index (with the stored conversation reference). Returns how many moves. */
  async forget(user: UserRef): Promise<number> {
    const userKey = userKeyOf(user);
    const { value: index } = await readItem<MoveIndex>(this.storage, indexKey(userKey), this.policy);
    const ids = Object.keys(index?.moves ?? {});
    const moves = await readItems<TrackedMove>(this.storage, ids.map((id) => moveKey(userKey, id)), this.policy);
    for (const { value } of Object.values(moves)) if (value) await this.reminders?.sync(userKey, value, undefined);
    await this.storage.delete([...ids.map((id) => moveKey(userKey, id)), indexKey(userKey)]);
    return ids.length;
  }

  /** The index of a user by key, for the reminder sender (who has no UserRef, only the key a reminder carries). */
  async indexOf(userKey: string): Promise<MoveIndex | undefined> {
    return (await readItem<MoveIndex>(this.storage, indexKey(userKey), this.policy)).value;
  }

  async moveOf(userKey: string, id: string): Promise<TrackedMove | undefined> {
    return (await readItem<TrackedMove>(this.storage, moveKey(userKey, id), this.policy)).value;
  }

  /** Forgets where to reach the user (they blocked or removed the bot): no reminder is tried again until they come back. */
  async dropReference(userKey: string): Promise<void> {
    await this.updateIndexItem(userKey, (index) => {
      if (!index?.reference) return { keep: true };
      const { reference: _gone, ...rest } = index;
      return { write: rest };
    });
  }

  /** Stores where the user is now (a turn with them): reminders follow them to the conversation and serviceUrl they last used. */
  async noteReference(user: UserRef, reference: Partial<ConversationReference>, locale?: string): Promise<void> {
    await this.updateIndexItem(userKeyOf(user), (index) => {
      // Most turns find the user where they were: nothing to write.
      const same =
        index?.reference?.conversation?.id === reference.conversation?.id && index?.reference?.serviceUrl === reference.serviceUrl && index?.locale === locale;
      return index && !same ? { write: withReference(index, { reference, locale }) } : { keep: true };
    });
  }

  /** The user chose another language: their reminders are written in it (nothing is written for a user with no moves). */
  async noteLocale(user: UserRef, locale: string): Promise<void> {
    await this.updateIndexItem(userKeyOf(user), (index) => (index && index.locale !== locale ? { write: { ...index, locale } } : { keep: true }));
  }

  private async change(user: UserRef, id: string, today: string, apply: (move: TrackedMove) => TrackedMove | undefined): Promise<MoveUpdate> {
    const userKey = userKeyOf(user);
    let unknownStep = false;
    let before: TrackedMove | undefined;
    const written = await updateItem<TrackedMove>(this.storage, moveKey(userKey, id), this.policy, (move) => {
      unknownStep = false;
      before = move;
      if (!move) return { keep: true };
      const next = apply(move);
      if (!next) {
        unknownStep = true;
        return { keep: true };
      }
      return { write: { ...next, updatedAt: this.policy.now() } };
    }, moveActiveUntil);
    if (!written) {
      await this.dropFromIndex(userKey, id);
      return { outcome: 'gone' };
    }
    if (unknownStep) return { outcome: 'unknownStep' };
    await this.updateIndexItem(userKey, (index) => ({
      write: { ...index, moves: { ...index?.moves, [id]: entryOf(written, today, this.policy.now()) } },
    }));
    // Every change, a tick included, re-plans the reminders (a ticked step's go, a recompute's new dates come).
    await this.reminders?.sync(userKey, before, written);
    return { outcome: 'updated', move: written };
  }

  private async updateIndex(userKey: string, input: Pick<TrackInput, 'reference' | 'locale' | 'today'>, move: TrackedMove): Promise<void> {
    await this.updateIndexItem(userKey, (index) => ({
      write: { ...withReference(index, input), moves: { ...index?.moves, [move.id]: entryOf(move, input.today, this.policy.now()) } },
    }));
  }

  /**
   * Every write of the index goes here: `decide` sees it without the entries of moves gone by retention (they
   * leave with this write, and count against no limit), and it is kept as long as its longest-kept move.
   */
  private updateIndexItem(userKey: string, decide: (index: MoveIndex | undefined) => Change<MoveIndex>): Promise<MoveIndex | undefined> {
    return updateItem<MoveIndex>(this.storage, indexKey(userKey), this.policy, (index) => decide(index && this.live(index)), indexActiveUntil);
  }

  /** The index without the entries of moves that retention has taken (read as absent, swept): the moves it really lists. */
  private live(index: MoveIndex): MoveIndex {
    const now = this.policy.now();
    const gone = (e: IndexEntry) => e.activeUntil !== undefined && now - e.activeUntil >= this.policy.ttlMs;
    return { ...index, moves: Object.fromEntries(Object.entries(index.moves).filter(([, e]) => !gone(e))) };
  }

  /** True when the index listed it. */
  private async dropFromIndex(userKey: string, id: string): Promise<boolean> {
    let listed = false;
    await this.updateIndexItem(userKey, (index) => {
      listed = index !== undefined && id in index.moves;
      if (!index || !listed) return { keep: true };
      const { [id]: _gone, ...moves } = index.moves;
      return { write: { ...index, moves } };
    });
    return listed;
  }
}

function withReference(index: MoveIndex | undefined, input: { reference?: Partial<ConversationReference>; locale?: string }): MoveIndex {
  const out: MoveIndex = { moves: index?.moves ?? {} };
  const reference = input.reference ?? index?.reference;
  if (reference) out.reference = reference;
  const locale = input.locale ?? index?.locale;
  if (locale) out.locale = locale;
  return out;
}

function compareDates(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

