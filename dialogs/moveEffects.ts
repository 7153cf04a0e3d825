// The edge of tracked moves: runs a decision's effect against the store (src/moves) and says what it found.
// Which effect and what the partner then sees are decided purely (dialogs/core/moves.ts).
import type { ConversationReference } from 'botbuilder';
import { addDays, daysBetween } from '../src/guidance/index.js';
import type { Locale } from '../src/i18n/index.js';
import { userKeyOf, type MoveStore, type TrackedMove, type UserRef } from '../src/moves/index.js';
import { reminderTimeOf, type ReminderBook } from '../src/reminders/index.js';
import { guidanceOfMove, type MoveEffect, type MoveOutcome } from './core/moves.js';
import type { Answers } from './questions.js';

export interface MoveServices {
  store: MoveStore;
  book: ReminderBook;
}

export interface EffectContext {
  user: UserRef;
  /** Where reminders can reach the user: a personal chat only (a group chat may include the customer). */
  reference: Partial<ConversationReference> | undefined;
  locale: Locale;
  today: string;
}

export async function runMoveEffect(services: MoveServices, effect: MoveEffect, ctx: EffectContext): Promise<MoveOutcome> {
  const { store } = services;
  const { user, today } = ctx;
  const reached = async (): Promise<void> => {
    if (ctx.reference) await store.noteReference(user, ctx.reference, ctx.locale);
  };
  switch (effect.kind) {
    case 'track': {
      const result = await store.track(user, {
        idempotencyKey: effect.key,
        label: effect.label,
        answers: effect.answers as Record<string, unknown>,
        ...(effect.reading ? { reading: effect.reading } : {}),
        guidance: guidanceOfMove(effect.answers, effect.reading, today),
        today,
        ...(ctx.reference ? { reference: ctx.reference } : {}),
        locale: ctx.locale,
      });
      const reachable = ctx.reference !== undefined || (await store.indexOf(userKeyOf(user)))?.reference !== undefined;
      return { kind: 'tracked', result, reachable };
    }
    case 'list': {
      await reached();
      const all = await store.list(user, today, { includeClosed: true });
      const closed = all.filter((m) => m.status === 'closed').length;
      return { kind: 'listed', moves: effect.includeClosed ? all : all.filter((m) => m.status === 'open'), closed };
    }
    case 'open':
      await reached();
      return { kind: 'move', move: await store.get(user, effect.id) };
    case 'tick': {
      const update = await store.tick(user, effect.id, effect.step, effect.done, today);
      // A step the move no longer has (recomputed meanwhile): the move as it is now.
      return { kind: 'move', move: update.outcome === 'updated' ? update.move : update.outcome === 'gone' ? undefined : await store.get(user, effect.id) };
    }
    case 'recompute': {
      const move = await store.get(user, effect.id);
      if (!move) return { kind: 'move', move };
      const update = await store.recompute(user, effect.id, guidanceOfMove(move.answers as Answers, move.reading, today), today);
      return { kind: 'move', move: update.outcome === 'updated' ? update.move : undefined };
    }
    case 'status': {
      const update = await store.setStatus(user, effect.id, effect.status, today);
      return { kind: 'move', move: update.outcome === 'updated' ? update.move : undefined };
    }
    case 'delete': {
      const move = await store.get(user, effect.id);
      await store.delete(user, effect.id);
      return { kind: 'deleted', label: move?.label };
    }
    case 'forget':
      return { kind: 'forgotten', moves: await store.forget(user) };
    case 'language':
      await store.noteLocale(user, effect.locale);
      return { kind: 'noted' };
    case 'reminderDone': {
      let move = await store.get(user, effect.id);
      for (const step of dueOn(move, effect.date)) {
        const update = await store.tick(user, effect.id, step, true, today);
        move = update.outcome === 'updated' ? update.move : move;
      }
      return { kind: 'move', move };
    }
    case 'snooze': {
      const move = await store.get(user, effect.id);
      const steps = dueOn(move, effect.date);
      // Put off a day, at most to the deadline's own morning: never past the date it is about.
      const day = addDays(today, 1) <= effect.date ? addDays(today, 1) : undefined;
      if (!move || move.status !== 'open' || steps.length === 0 || !day) return { kind: 'snoozed', move };
      await reached();
      const userKey = userKeyOf(user);
      const kinds = Object.entries(move.deadlines)
        .filter(([, date]) => date === effect.date)
        .map(([kind]) => kind) as Array<keyof TrackedMove['deadlines']>;
      await services.book.snooze(
        { user: userKey, move: move.id, date: effect.date, kinds, steps, daysBefore: Math.max(0, daysBetween(day, effect.date)) },
        reminderTimeOf(day),
      );
      return { kind: 'snoozed', move, until: day };
    }
  }
}

/** The move's unticked steps due on `date`. */
const dueOn = (move: TrackedMove | undefined, date: string): string[] =>
  move ? move.actions.filter((a) => a.due === date && !move.ticked.includes(a.key)).map((a) => a.key) : [];
