// Finds the largest result card by hill-climbing over every situation field (random restarts).
// Not a test (about 20 s): run it when the guidance texts grow, then update WORST_CASE in situations.ts.
//   npx tsx test/cards/findLargestResult.ts [locale] [restarts]
import { renderResultCard } from '../../cards/index.js';
import { guide, type Situation } from '../../src/guidance/index.js';
import { FIELD_OPTIONS } from '../guidance/fixtures.js';
import { createTranslator, isLocale } from '../../src/i18n/index.js';
import { cardSizeBytes } from './cardChecks.js';
import { TODAY, inDays } from './situations.js';

// Every field's answers (the guidance fixtures'), with renewal dates around this script's own TODAY.
const FIELDS: Record<string, readonly unknown[]> = {
  ...FIELD_OPTIONS,
  renewalDate: [undefined, inDays(200), inDays(1), TODAY, inDays(-10), inDays(-100)],
};

export function findLargestResultCard(locale = 'en', restarts = 30): { bytes: number; situation: Situation } {
  const t = createTranslator().t(isLocale(locale) ? locale : 'en');
  const size = (s: Record<string, unknown>): number => {
    const situation = Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as Situation;
    return cardSizeBytes(renderResultCard(t, guide(situation, TODAY)));
  };
  let seed = 42;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let best = { bytes: 0, situation: {} as Record<string, unknown> };
  for (let r = 0; r < restarts; r++) {
    let current = Object.fromEntries(Object.entries(FIELDS).map(([k, v]) => [k, v[Math.floor(random() * v.length)]]));
    let bytes = size(current);
    for (let improved = true; improved; ) {
      improved = false;
      for (const [field, values] of Object.entries(FIELDS)) {
        for (const value of values) {
          const next = { ...current, [field]: value };
          const b = size(next);
          if (b > bytes) [current, bytes, improved] = [next, b, true];
        }
      }
    }
    if (bytes > best.bytes) best = { bytes, situation: current };
  }
  return { bytes: best.bytes, situation: best.situation as Situation };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)) {
  const found = findLargestResultCard(process.argv[2], Number(process.argv[3] ?? 30));
  process.stdout.write(`${found.bytes} bytes (UTF-16): ${JSON.stringify(found.situation)}\n`);
}
