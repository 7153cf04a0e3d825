/** The longest label a partner may give a move: a short name of their own for the customer ("Contoso"). */
export const MAX_LABEL_CHARS = 40;

export type LabelProblem = 'empty' | 'tooLong' | 'control';

export type LabelCheck = { ok: true; label: string } | { ok: false; problem: LabelProblem };

// Line breaks, other C0/C1 controls, and the invisible bidi overrides/isolates that can make a label
// read differently from what it holds. Emoji joiners (ZWJ) are allowed: they are part of ordinary names.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/**
 * The label as it will be stored, or why it is refused. Markup is kept as typed (a partner may well call a
 * customer "R&D <EU>") and escaped wherever it is shown (cards/escape.ts), so it can never become a card
 * element; control characters are refused, not silently dropped, so what is stored is what was typed.
 * Length counts characters as a person does (code points, after NFC), so 40 CJK characters fit.
 */
export function checkLabel(raw: unknown): LabelCheck {
  if (typeof raw !== 'string') return { ok: false, problem: 'empty' };
  const label = raw.normalize('NFC').trim();
  if (label.length === 0) return { ok: false, problem: 'empty' };
  if (FORBIDDEN.test(label)) return { ok: false, problem: 'control' };
  if ([...label].length > MAX_LABEL_CHARS) return { ok: false, problem: 'tooLong' };
  return { ok: true, label };
}
