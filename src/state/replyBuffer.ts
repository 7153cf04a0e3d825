import { ActivityTypes, type Activity, type ConversationReference, type ResourceResponse, type TurnContext } from 'botbuilder';

type SendHandler = (context: TurnContext, activities: Array<Partial<Activity>>, next: () => Promise<ResourceResponse[]>) => Promise<ResourceResponse[]>;
type Held = () => Promise<unknown>;

/**
 * Holds what a turn sends, updates or deletes until its state is saved, so that a turn retried after an
 * eTag conflict (or one that fails) has said nothing the stored state does not back up.
 *
 * The same in every delivery mode. With `expectReplies` botbuilder collects replies until the turn ends
 * anyway; with a real connector (Teams) a reply would otherwise be posted at once, and a retried turn would
 * post a second, possibly different, answer. The cost: a turn's messages leave together at its end (no
 * "typing…" first) — our turns are short. Invoke responses pass straight through: they only set the HTTP
 * answer, which leaves after the turn anyway, and a retry starts from a clean turn state.
 *
 * Holding must be the last step before the wire, after any send handler the bot registers during the turn
 * (the Universal Action handler takes cards out of the sends to return them in the invoke response). So
 * this takes over `context.onSendActivities` for the turn: handlers registered later run, in order, inside
 * ours, before the hold — and are dropped with the attempt that registered them.
 */
export class ReplyBuffer {
  private held: Held[] = [];
  /** How many of `held` are new messages (the rest update or delete messages already in the chat). */
  private heldSends = 0;
  private late: SendHandler[] = [];
  private passThrough = false;
  /** This attempt set the invoke's HTTP answer (which leaves with the response, after the turn). */
  private answeredInvoke = false;

  /** `onReplayError`: an update or delete that fails when released (best effort, like most card updates) is reported here, not thrown. */
  constructor(context: TurnContext, private readonly onReplayError: (err: unknown) => void = () => {}) {
    context.onSendActivities((ctx, activities, next) => {
      const step = (i: number): Promise<ResourceResponse[]> => {
        const handler = this.late[i];
        if (handler) return handler(ctx, activities, () => step(i + 1));
        if (activities.length === 0) return Promise.resolve([]); // a handler took them all: adapters refuse an empty send
        if (this.passThrough) return next();
        if (activities.every((a) => a.type === ActivityTypes.InvokeResponse)) {
          this.answeredInvoke = true;
          return next();
        }
        const copies = activities.map((a) => ({ ...a }));
        this.held.push(() => ctx.sendActivities(copies));
        this.heldSends += 1;
        return Promise.resolve(copies.map(() => ({ id: '' })));
      };
      return step(0);
    });
    context.onSendActivities = (handler: SendHandler) => {
      this.late.push(handler);
      return context;
    };
    context.onUpdateActivity(async (ctx, activity, next) => {
      if (this.passThrough) return next();
      const copy: Partial<Activity> = { ...activity };
      this.held.push(() => ctx.updateActivity(copy).catch(this.onReplayError));
    });
    context.onDeleteActivity(async (ctx, reference, next) => {
      if (this.passThrough) return next();
      const copy: Partial<ConversationReference> = { ...reference };
      this.held.push(() => ctx.deleteActivity(copy).catch(this.onReplayError));
    });
  }

  /** Forgets what this attempt would have said and the send handlers it registered (the turn runs again). */
  discard(): void {
    this.held = [];
    this.heldSends = 0;
    this.late = [];
    this.answeredInvoke = false;
  }

  /** True when this attempt has something for the user that is not out yet: held sends, updates, deletes, or an invoke answer. */
  get holding(): boolean {
    return this.held.length > 0 || this.answeredInvoke;
  }

  /** True when what is held only changes messages already in the chat (a card updated in place), nothing new. */
  get holdingOnlyChanges(): boolean {
    return this.held.length > 0 && this.heldSends === 0 && !this.answeredInvoke;
  }

  /** Sends everything held, in order; from now on everything goes straight out. */
  async release(): Promise<void> {
    this.passThrough = true;
    const held = this.held;
    this.held = [];
    this.heldSends = 0;
    for (const send of held) await send();
  }

  /** The attempt is abandoned: drops what it held, and lets later sends (an error message) straight out. */
  open(): void {
    this.discard();
    this.passThrough = true;
  }
}
