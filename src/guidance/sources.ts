import type { LinkId } from './links.js';

/**
 * When the facts were checked against the live docs (GUIDANCE edition 2, "Sources"). Shown in the
 * result's footnote: a doc fact with no month of its own is dated by this, never by a made-up month.
 */
export const CONTENT_CHECKED = '2026-12';

export const SOURCE_KINDS = ['seed-2020', 'seed-2017', 'doc'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * Where a fact comes from: one of the seed articles, or a current doc (its link). `since` is the month
 * the fact took effect, only where edition 2 gives one; `check` marks a detail edition 2 flags ⚠
 * (unverified or docs disagree): the card says "check the live page".
 */
export interface Source {
  kind: SourceKind;
  doc?: LinkId;
  since?: string;
  check?: true;
}

export const seed2020: Source = { kind: 'seed-2020' };
export const seed2017: Source = { kind: 'seed-2017' };
export const doc = (id: LinkId, extra: { since?: string; check?: true } = {}): Source => ({ kind: 'doc', doc: id, ...extra });
