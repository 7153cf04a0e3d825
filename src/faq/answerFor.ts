// Which answer a typed question gets: the general one, or, when a guided check is open, the variant for
// what it already knows (GUIDANCE edition 2). Pure: message keys, params and sources out, no text.
import { hasEnded, readKnown, type Known, type KnownAnswers } from './known.js';
import {
  contactParts,
  durationParts,
  lifecycleParts,
  overlapParts,
  refundParts,
  stopRenewalParts,
  userImpactParts,
} from './moneyAndTime.js';
import {
  SRC,
  endedParts,
  general,
  isVolume,
  multiPartnerNothingChanges,
  over150WindowPart,
  transferNothingChanges,
  when,
  type FaqPart,
} from './parts.js';
import { seed2020 } from './sources.js';
import type { TopicId } from './topics.js';

export interface FaqAnswer {
  topic: TopicId;
  /** The paragraphs to show, in order. */
  parts: FaqPart[];
  /** True when the parts were chosen for what the open check knows (not the general answer). */
  situational: boolean;
}

/** The variant for what is known, or undefined for the general answer. */
type Picker = (k: Known) => FaqPart[] | undefined;

/** The blocked result leads with what unblocks it (§3 "Blocked", §6). */
function blockedParts(k: Known): FaqPart[] {
  const out: FaqPart[] = [];
  const { partnerRegion, tenantRegion } = k.s;
  if (partnerRegion !== 'notSure' && tenantRegion !== 'notSure' && partnerRegion !== tenantRegion) {
    out.push(when('region', 'mismatch', [SRC.regional], { partnerMarket: partnerRegion, tenantMarket: tenantRegion }));
  }
  if (k.s.tenantCloud === 'vianet') out.push(when('vianet', 'vianet', [SRC.regional]));
  return out;
}

/** §3: the chosen path's steps in a few sentences, each with its actor. */
function stepsParts(k: Known): FaqPart[] | undefined {
  switch (k.path) {
    case 'blocked':
      return blockedParts(k);
    case 'partnerTransfer':
      return [when('steps', 'partnerTransfer', [SRC.transfer])];
    case 'eaChannelTransfer':
      return [when('steps', 'eaChannelTransfer', [SRC.moveArticle])];
    case 'over150':
      // Volume licensing has no Expired period to buy in (§4): its own manual steps, not "buy after expiry".
      if (!isVolume(k)) return [when('steps', 'over150', [SRC.moveArticle, SRC.lifecycle])];
      return manualParts(k);
    case 'multiPartner':
      return [when('steps', 'multiPartner', [SRC.multiPartner])];
    case 'manual':
      return manualParts(k);
    default:
      return undefined;
  }
}

/** §3 A: who stops renewal depends on the channel; once they have ended there is nothing to stop. */
function manualParts(k: Known): FaqPart[] | undefined {
  if (hasEnded(k)) return [when('steps', 'manualEnded', [SRC.lifecycle]), ...endedParts(k)];
  if (k.channel === 'adminCenter') return [when('steps', 'manualDirect', [SRC.moveArticle, seed2020])];
  if (k.channel === 'openLicense') return [when('steps', 'manualOpen', [SRC.openLicense, seed2020])];
  if (k.channel === 'otherVolumeLicensing') return [when('steps', 'manualVolume', [SRC.moveArticle, SRC.vlEnds])];
  return undefined;
}

const PICKERS: { readonly [T in TopicId]: Picker } = {
  roles: (k) => {
    const reseller = k.s.partnerModel === 'indirectReseller' ? [when('roles', 'indirectReseller', [SRC.relationship])] : [];
    if (k.roleGap) return [when('roles', 'roleGap', [SRC.relationship, SRC.gdap]), ...reseller];
    return reseller.length ? [general('roles'), ...reseller] : undefined;
  },
  steps: stepsParts,
  resellerRelationship: (k) =>
    k.s.partnerModel === 'indirectReseller' ? [when('resellerRelationship', 'indirectReseller', [SRC.relationship])] : undefined,
  gdap: (k) => {
    const extra = [
      ...(k.s.delegatedAdmin === 'gdapOther' ? [when('gdap', 'missingRole', [SRC.gdapCheck])] : []),
      ...(k.channel === 'enterpriseAgreement' ? [when('gdap', 'ea', [SRC.gdap])] : []),
    ];
    if (k.s.delegatedAdmin === 'dap') return [when('gdap', 'dap', [SRC.gdapSince]), ...extra];
    return extra.length ? [general('gdap'), ...extra] : undefined;
  },
  billingSupport: contactParts,
  refunds: refundParts,
  overlap: overlapParts,
  stopRenewal: stopRenewalParts,
  lifecycle: lifecycleParts,
  duration: durationParts,
  dataLoss: (k) => userImpactParts('dataLoss', k),
  downtime: (k) => userImpactParts('downtime', k),
  offers: (k) => {
    if (k.path === 'partnerTransfer' || k.path === 'multiPartner') return [transferOrMultiPartner(k)];
    if (k.s.offerDiscontinued === 'yes') {
      return k.path === 'eaChannelTransfer' ? [when('offers', 'discontinuedEa', [SRC.moveArticle])] : [when('offers', 'discontinued', [seed2020])];
    }
    return k.s.offerPlan === 'different' ? [when('offers', 'different', [seed2020, SRC.gdap])] : undefined;
  },
  licenseCount: (k) => {
    if (k.path === 'partnerTransfer' || k.path === 'multiPartner') return [transferOrMultiPartner(k)];
    if (k.s.licenseCount === 'fewer') return [when('licenseCount', 'fewer', [seed2020])];
    return k.s.licenseCount === 'more' ? [when('licenseCount', 'more', [seed2020, SRC.gdap])] : undefined;
  },
  partnerTransfer: (k) => {
    if (k.channel === 'otherPartner' && hasEnded(k)) return [when('partnerTransfer', 'ended', [SRC.transferCheck], { date: k.timing!.date })];
    if (k.channel !== undefined && k.channel !== 'otherPartner') return [when('partnerTransfer', 'notFromPartner', [SRC.transfer])];
    const extra = [
      ...(k.s.otherPartnerBilling === 'indirectReseller' ? [when('partnerTransfer', 'indirectSource', [SRC.transfer])] : []),
      ...(k.s.partnerModel === 'indirectReseller' ? [when('partnerTransfer', 'yourProvider', [SRC.transferCheck])] : []),
      ...(k.s.activeSubscriptions === 'over150' ? [when('partnerTransfer', 'over150', [SRC.moveArticle])] : []),
    ];
    return extra.length ? [general('partnerTransfer'), ...extra] : undefined;
  },
  multiPartner: () => undefined,
  channels: (k) => {
    if (k.channel === 'enterpriseAgreement') return [when('channels', 'ea', [SRC.moveArticle, SRC.vlEnds, SRC.gdap])];
    if (k.channel === 'openLicense') return [when('channels', 'openLicense', [SRC.openLicense])];
    if (k.channel === 'otherVolumeLicensing') return [when('channels', 'otherVolumeLicensing', [SRC.moveArticle, SRC.vlEnds])];
    return undefined;
  },
  subscriptionLimit: (k) => {
    if (k.s.activeSubscriptions === 'upTo150') return [when('subscriptionLimit', 'upTo150', [SRC.moveArticle])];
    if (k.s.activeSubscriptions !== 'over150') return undefined;
    if (k.path === 'partnerTransfer') return [when('subscriptionLimit', 'transfer', [SRC.moveArticle, SRC.transfer])];
    const window = k.path === 'over150' ? over150WindowPart(k) : undefined;
    return window ? [general('subscriptionLimit'), window] : undefined;
  },
  region: (k) => {
    if (k.s.partnerRegion === 'notSure' || k.s.tenantRegion === 'notSure') return undefined;
    if (k.s.partnerRegion !== k.s.tenantRegion) return blockedParts({ ...k, s: { ...k.s, tenantCloud: undefined } });
    return [when('region', 'same', [SRC.regional], { market: k.s.tenantRegion })];
  },
  vianet: (k) => {
    if (k.s.tenantCloud === 'vianet') return [when('vianet', 'vianet', [SRC.regional])];
    return k.s.tenantCloud === 'global' ? [when('vianet', 'global', [SRC.regional])] : undefined;
  },
  azurePlan: () => undefined,
};

/** A transfer or a multi-partner customer changes no offer and no license count. */
const transferOrMultiPartner = (k: Known): FaqPart => (k.path === 'partnerTransfer' ? transferNothingChanges() : multiPartnerNothingChanges());

/**
 * The answer to show for a topic. Without a situation (no check open), the general answer. With one, the
 * variant for what the check already knows (`answers` as the check holds them, `today` as 'YYYY-MM-DD'),
 * or the general answer when nothing known changes it.
 */
export function answerFor(topic: TopicId, situation?: { answers: KnownAnswers; today: string }): FaqAnswer {
  const known = situation ? readKnown(situation.answers, situation.today) : undefined;
  const picked = known ? PICKERS[topic](known) : undefined;
  if (picked && picked.length > 0) return { topic, parts: dedupe(picked), situational: true };
  return { topic, parts: [general(topic)], situational: false };
}

const dedupe = (parts: FaqPart[]): FaqPart[] => parts.filter((p, i) => parts.findIndex((q) => q.key === p.key) === i);
