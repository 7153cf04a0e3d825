import { z } from 'zod';
import { ACTORS, CREDIT_KEYS, FALLBACK_KEYS, NOTE_KEYS, PATHS, SEVERITIES, STEP_KEYS, VERDICTS } from './catalogue.js';
import { LINK_IDS } from './links.js';
import { PARTNER_ROLES } from './situation.js';
import { SOURCE_KINDS } from './sources.js';
import { PHASES } from './timing.js';
import { IsoDateSchema } from './situation.js';

const nonEmpty = <T extends string>(values: readonly T[]): [T, ...T[]] => values as [T, ...T[]];
const YearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected YYYY-MM');

export const LinkIdSchema = z.enum(nonEmpty(LINK_IDS));

export const SourceSchema = z
  .object({
    kind: z.enum(SOURCE_KINDS),
    doc: LinkIdSchema.optional(),
    since: YearMonthSchema.optional(),
    check: z.literal(true).optional(),
  })
  .strict()
  // A doc fact names its doc; a seed fact is dated by the seed itself.
  .refine((s) => (s.kind === 'doc') === (s.doc !== undefined), { message: 'A doc source names its doc, a seed source none' })
  .refine((s) => s.kind === 'doc' || (s.since === undefined && s.check === undefined), { message: 'Seed sources carry no month' });

const ParamsSchema = z.record(z.union([z.string(), z.number()]));

export const StepSchema = z
  .object({
    key: z.enum(nonEmpty(STEP_KEYS)),
    params: ParamsSchema.optional(),
    actor: z.enum(ACTORS),
    /** Partner Center roles that can do it, when the partner (or its provider) does it. */
    roles: z.array(z.enum(PARTNER_ROLES)).optional(),
    /** The partner said which roles it has, and none of them can do this step. */
    roleGap: z.literal(true).optional(),
    /** The last day to do it. */
    due: IsoDateSchema.optional(),
    /** Not before this day (path D buys after expiry). */
    from: IsoDateSchema.optional(),
    source: SourceSchema,
  })
  .strict();

export const NoteSchema = z
  .object({
    key: z.enum(nonEmpty(NOTE_KEYS)),
    params: ParamsSchema.optional(),
    severity: z.enum(SEVERITIES),
    source: SourceSchema,
  })
  .strict();

export const CreditSchema = z
  .object({
    /** Who contacts Microsoft 365 billing support. */
    contact: z.enum(['you', 'customerBillingAdmin', 'unknown']),
    items: z.array(z.object({ key: z.enum(nonEmpty(CREDIT_KEYS)), source: SourceSchema }).strict()),
  })
  .strict();

const DatesSchema = z
  .object({
    stopRenewalBy: IsoDateSchema.optional(),
    provisionBy: IsoDateSchema.optional(),
    buyFrom: IsoDateSchema.optional(),
    cancelWindowEnds: IsoDateSchema.optional(),
    expiredUntil: IsoDateSchema.optional(),
    dataKeptUntil: IsoDateSchema.optional(),
  })
  .strict();

const ReadingSchema = z.object({ phase: z.enum(PHASES), dates: DatesSchema }).strict();

export const TimingSchema = ReadingSchema.extend({
  renewalDate: IsoDateSchema,
  daysFromToday: z.number().int(),
  ifEnded: ReadingSchema.optional(),
}).strict();

export const LinkSchema = z
  .object({ id: LinkIdSchema, url: z.string().url().startsWith('https://learn.microsoft.com/'), titleKey: z.string() })
  .strict();

export const GuidanceSchema = z
  .object({
    verdict: z.enum(VERDICTS),
    /** The path the steps follow; null when blocked. */
    path: z.enum(PATHS).nullable(),
    /** Where to turn if the path fails (a refused transfer, say). */
    fallback: z.object({ path: z.enum(PATHS), key: z.enum(nonEmpty(FALLBACK_KEYS)), source: SourceSchema }).strict().nullable(),
    /** Blocked: what unblocks it, in order. Otherwise: the path's steps, in the path's order. */
    steps: z.array(StepSchema),
    /** Sorted blocking, urgent, caution, info; catalogue order within a severity. */
    notes: z.array(NoteSchema),
    credit: CreditSchema.nullable(),
    timing: TimingSchema.nullable(),
    /** Every doc a shown fact comes from, plus the move article. */
    links: z.array(LinkSchema),
  })
  .strict();

export type Step = z.infer<typeof StepSchema>;
export type Note = z.infer<typeof NoteSchema>;
export type Credit = z.infer<typeof CreditSchema>;
export type Link = z.infer<typeof LinkSchema>;
export type Guidance = z.infer<typeof GuidanceSchema>;
export type Fallback = NonNullable<Guidance['fallback']>;
