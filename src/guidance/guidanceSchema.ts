import { z } from 'zod';
import { AS_OF_NOTE_IDS } from './asOfNotes.js';
import { EMITTED_KEYS, STEP_ORDER, WARNING_IDS } from './catalogue/index.js';
import { LINK_IDS } from './links.js';
import { SEVERITIES, VERDICTS } from './severity.js';
import { SOURCE_TAGS } from './sources.js';
import { IsoDateSchema } from './situation.js';

const YearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected YYYY-MM');
const MessageKeySchema = z.string().refine((key) => EMITTED_KEYS.includes(key), {
  message: 'Not a key of the guidance catalogue',
});
const nonEmpty = <T extends string>(values: readonly T[]): [T, ...T[]] => values as [T, ...T[]];
const StepIdSchema = z.enum(nonEmpty(STEP_ORDER));
const WarningIdSchema = z.enum(nonEmpty(WARNING_IDS));

export const LinkIdSchema = z.enum(nonEmpty(LINK_IDS));
export const AsOfNoteIdSchema = z.enum(nonEmpty(AS_OF_NOTE_IDS));

export const SourceSchema = z
  .object({
    tag: z.enum(SOURCE_TAGS),
    asOf: YearMonthSchema.optional(),
    noteId: AsOfNoteIdSchema.optional(),
  })
  .strict()
  // A public-doc fact always says how current it is; a seed fact is dated by the seed itself.
  .refine(
    (s) =>
      s.tag === 'public-doc'
        ? s.asOf !== undefined && s.noteId !== undefined
        : s.asOf === undefined && s.noteId === undefined,
    {
      message: 'asOf and noteId are required for public-doc sources and forbidden otherwise',
    },
  );

const messageShape = {
  key: MessageKeySchema,
  params: z.record(z.union([z.string(), z.number()])).optional(),
};

export const MessageSchema = z.object(messageShape).strict();

const SourcedMessageSchema = z.object({ ...messageShape, source: SourceSchema }).strict();

export const StepSchema = z
  .object({ ...messageShape, id: StepIdSchema, source: SourceSchema, linkIds: z.array(LinkIdSchema).optional() })
  .strict();

export const WarningSchema = z
  .object({
    ...messageShape,
    id: WarningIdSchema,
    severity: z.enum(SEVERITIES),
    source: SourceSchema,
    linkIds: z.array(LinkIdSchema).optional(),
  })
  .strict();

export const CreditGuidanceSchema = z
  .object({
    contact: z.enum(['partner', 'customer', 'unknown']),
    items: z.array(SourcedMessageSchema),
    linkIds: z.array(LinkIdSchema),
  })
  .strict();

export const TIMING_STATUSES = ['upcoming', 'dueToday', 'expiredInWindow', 'expiredPastWindow'] as const;

export const TimingSchema = z
  .object({
    status: z.enum(TIMING_STATUSES),
    renewalDate: IsoDateSchema,
    /** Negative once the renewal date has passed. */
    daysLeft: z.number().int(),
    /** Last day to provision the new subscriptions before the old ones expire. */
    provisionBy: IsoDateSchema.optional(),
    /** Last day of the Expired window (only once expired). */
    windowEndsOn: IsoDateSchema.optional(),
    items: z.array(SourcedMessageSchema),
  })
  .strict();

export const AsOfNoteSchema = z
  .object({ ...messageShape, id: AsOfNoteIdSchema, asOf: YearMonthSchema, linkId: LinkIdSchema })
  .strict();

export const LinkSchema = z
  .object({ id: LinkIdSchema, url: z.string().url().startsWith('https://'), titleKey: MessageKeySchema })
  .strict();

export const GuidanceSchema = z
  .object({
    verdict: z.enum(VERDICTS),
    /** Ids of the warnings that decided the verdict. */
    reasons: z.array(WarningIdSchema),
    steps: z.array(StepSchema),
    credit: CreditGuidanceSchema.nullable(),
    /** Sorted blocking, data-loss, caution, info; catalogue order within a severity. */
    warnings: z.array(WarningSchema),
    timing: TimingSchema.nullable(),
    asOfNotes: z.array(AsOfNoteSchema),
    links: z.array(LinkSchema),
  })
  .strict();

export type Message = z.infer<typeof MessageSchema>;
export type SourcedMessage = z.infer<typeof SourcedMessageSchema>;
export type Step = z.infer<typeof StepSchema>;
export type Warning = z.infer<typeof WarningSchema>;
export type CreditGuidance = z.infer<typeof CreditGuidanceSchema>;
export type Timing = z.infer<typeof TimingSchema>;
export type TimingStatus = (typeof TIMING_STATUSES)[number];
export type AsOfNote = z.infer<typeof AsOfNoteSchema>;
export type Link = z.infer<typeof LinkSchema>;
export type Guidance = z.infer<typeof GuidanceSchema>;
