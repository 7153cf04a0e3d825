import { AS_OF_NOTES, type AsOfNoteId } from './asOfNotes.js';

export const SOURCE_TAGS = ['seed-2020', 'seed-2017', 'public-doc'] as const;
export type SourceTag = (typeof SOURCE_TAGS)[number];

/** How a rule names its source: a seed article, or a public doc through its as-of note. */
export type SourceRef = 'seed-2020' | 'seed-2017' | { note: AsOfNoteId };

export interface Source {
  tag: SourceTag;
  /** 'YYYY-MM'; present exactly when tag is 'public-doc'. */
  asOf?: string;
  /** The as-of note that states this public-doc fact (also in Guidance.asOfNotes). */
  noteId?: AsOfNoteId;
}

export function resolveSource(ref: SourceRef): Source {
  if (typeof ref === 'string') return { tag: ref };
  return { tag: 'public-doc', asOf: AS_OF_NOTES[ref.note].asOf, noteId: ref.note };
}
