// Markets: country and market names (locales/<lng>/describe.json `markets`, plus the region option words
// of questions.json that are long enough to mean a place in running text) mapped to REGIONS ids. Whose
// market it is comes from the subject: the tenant's or the customer's (tenantRegion), or the partner
// typing ("we're in Europe": partnerRegion). A place said of neither (an office, the other partner, a
// language) is left alone.
import { resources } from '../../src/i18n/resources.js';
import { LOCALES } from '../../src/i18n/index.js';
import { REGIONS, type RegionId } from '../../src/guidance/index.js';
import type { Lexicon } from '../lexicon.js';
import type { Finding } from './finding.js';
import type { Subjects } from './subjects.js';
import { comparableWord, negatedAt, type Segment, type Text } from './text.js';

/** A place name and its market; null for names that span several markets ("Asia", "South America"). */
type Place = [word: string, region: RegionId | null];

interface DescribeFile {
  markets: Record<string, { words: string[] }>;
}

const isRegion = (id: string): id is RegionId => (REGIONS as readonly string[]).includes(id);
const isLatin = (w: string) => /^[a-z0-9 .'-]+$/.test(w);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function placesOf(lexicon: Lexicon): Place[] {
  const ambiguous = new Set<string>();
  const places = new Map<string, RegionId | null>();
  for (const locale of LOCALES) {
    const { markets } = (resources[locale] as unknown as { describe: DescribeFile }).describe;
    for (const w of markets['ambiguous']?.words ?? []) ambiguous.add(comparableWord(w));
    for (const [id, entry] of Object.entries(markets)) {
      if (isRegion(id)) for (const w of entry.words) places.set(comparableWord(w), id);
    }
  }
  // Option words typed as an answer ("us", "ca", "eu") are too short to mean a place in a sentence.
  for (const [word, id] of lexicon.options.get('region') ?? []) {
    const w = comparableWord(word);
    const long = isLatin(w) ? w.length >= 4 : w.length >= 2;
    if (long && isRegion(id) && !places.has(w)) places.set(w, id);
  }
  for (const w of ambiguous) places.set(w, null);
  // "US" in capitals; checked against the original text.
  places.set('us', 'unitedStates');
  return [...places].sort((a, b) => b[0].length - a[0].length);
}

const cache = new WeakMap<Lexicon, { re: RegExp; places: Map<string, RegionId | null> }>();

function matcher(lexicon: Lexicon) {
  let m = cache.get(lexicon);
  if (!m) {
    const places = placesOf(lexicon);
    const alternatives = places.map(([w]) => (isLatin(w) ? `(?<![a-z0-9])${escape(w)}(?![a-z0-9])` : escape(w)));
    m = { re: new RegExp(alternatives.join('|'), 'g'), places: new Map(places) };
    cache.set(lexicon, m);
  }
  return m;
}

// What makes a place name a location: "in Japan", "tenant: Japan", "租户在日本", "是日本的", "UK based".
const LOCATED_BEFORE =
  /(?:\b(?:in|at|from|is|are|'s|sits in|based in|located in|hosted in|registered in|homed in)\s+(?:the\s+)?|[:=]\s*|(?:在|位于|是|为|属于|于|开在|设在|放在)\s*|\b(?:tenant|tenants|customer|client|cust)\s+|(?:租户|租用户|客户)\s*)$/;
const LOCATED_AFTER = /^(?:\s*-?\s*based\b|\s*的(?!客户|租户|租用户|公司|企业|合作伙伴|经销商))/;

export interface MarketMention {
  region: RegionId;
  start: number;
  end: number;
}

/** Every market named in the text, with where (for tests and for the looks-like check). */
export function marketMentions(t: Text, lexicon: Lexicon): Array<MarketMention & { text: string }> {
  const { re, places } = matcher(lexicon);
  const out: Array<MarketMention & { text: string }> = [];
  for (const m of t.text.matchAll(re)) {
    const region = places.get(m[0]);
    if (!region) continue;
    const end = m.index + m[0].length;
    if (m[0] === 'us' && !/^(?:US|U\.S)/.test(t.source.slice(t.origin[m.index]))) continue;
    out.push({ region, start: m.index, end, text: m[0] });
  }
  return out;
}

/** tenantRegion and partnerRegion as the text states them. */
export function readMarkets(t: Text, segments: readonly Segment[], subjects: Subjects, lexicon: Lexicon): Finding[] {
  const out: Finding[] = [];
  for (const mention of marketMentions(t, lexicon)) {
    const seg = segments.find((s) => mention.start >= s.start && mention.start < s.end);
    // "We also have an office in Hong Kong", "在香港也有据点": where someone has a branch is no market.
    if (!seg || seg.hedged || negatedAt(seg, mention.start, t.text) || subjects.officeIn(mention.start)) continue;
    let subject = subjects.after(mention.end);
    if (subject === undefined) {
      const before = t.text.slice(seg.start, mention.start);
      const after = t.text.slice(mention.end, seg.end);
      if (!LOCATED_BEFORE.test(before) && !LOCATED_AFTER.test(after)) continue;
      subject = subjects.before(mention.start);
    }
    if (subject === 'tenant') out.push({ questionId: 'tenantRegion', value: mention.region, at: mention.start, rank: 2 });
    else if (subject === 'customer') out.push({ questionId: 'tenantRegion', value: mention.region, at: mention.start, rank: 1 });
    else if (subject === 'self') out.push({ questionId: 'partnerRegion', value: mention.region, at: mention.start, rank: 1 });
  }
  return out;
}
