import { AS_OF_NOTES, AS_OF_NOTE_IDS, asOfNoteKey, type AsOfNoteId } from './asOfNotes.js';
import type { AsOfNote, Link, SourcedMessage, Step, Warning } from './guidanceSchema.js';
import { LINK_IDS, LINK_URLS, SEED_NEXT_STEP_LINK_IDS, linkTitleKey, type LinkId } from './links.js';

type Sourced = Pick<SourcedMessage, 'source'>;

/** One as-of note per public-doc fact in the output, in catalogue order. */
export function collectAsOfNotes(sourced: readonly Sourced[]): AsOfNote[] {
  const used = new Set<AsOfNoteId>();
  for (const { source } of sourced) if (source.noteId) used.add(source.noteId);
  return AS_OF_NOTE_IDS.filter((id) => used.has(id)).map((id) => {
    const note: { asOf: string; linkId: LinkId; params?: Record<string, number> } = AS_OF_NOTES[id];
    return {
      id,
      key: asOfNoteKey(id),
      ...(note.params ? { params: { ...note.params } } : {}),
      asOf: note.asOf,
      linkId: note.linkId,
    };
  });
}

/** The seed's next-step links always, plus every link something in the output points at. */
export function collectLinks(
  steps: readonly Step[],
  warnings: readonly Warning[],
  creditLinkIds: readonly LinkId[],
  notes: readonly AsOfNote[],
): Link[] {
  const used = new Set<LinkId>([
    ...SEED_NEXT_STEP_LINK_IDS,
    ...creditLinkIds,
    ...steps.flatMap((s) => s.linkIds ?? []),
    ...warnings.flatMap((w) => w.linkIds ?? []),
    ...notes.map((n) => n.linkId),
  ]);
  return LINK_IDS.filter((id) => used.has(id)).map((id) => ({ id, url: LINK_URLS[id], titleKey: linkTitleKey(id) }));
}
