// Order matters: warnings are listed in this order, and the verdict reads it.
export const SEVERITIES = ['blocking', 'data-loss', 'caution', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const VERDICTS = ['blocked', 'ready-with-cautions', 'ready'] as const;
export type Verdict = (typeof VERDICTS)[number];
