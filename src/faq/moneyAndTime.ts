// The answers about money and time (GUIDANCE edition 2 §3, §4, §7): refunds, paying twice, how long,
// who stops renewal, where the old subscriptions stand, and what users notice. Each picks the variant
// for what the open check knows, with the guidance engine's dates, or undefined for the general answer.
import { hasEnded, type Known } from './known.js';
import {
  SRC,
  dateKindOpenPart,
  endedParts,
  general,
  isVolume,
  multiPartnerNothingChanges,
  over150WindowPart,
  part,
  phasePart,
  renewedParts,
  transferBilling,
  transferNothingChanges,
  upcoming,
  volumeBeforeEnd,
  when,
  type FaqPart,
} from './parts.js';
import { seed2020 } from './sources.js';

/** Who contacts Microsoft 365 billing support, from the GDAP answer (§7). */
export function contactParts(k: Known): FaqPart[] | undefined {
  switch (k.s.delegatedAdmin) {
    case 'gdapSupport':
      return [when('billingSupport', 'you', [SRC.gdap])];
    case 'gdapOther':
      return [when('billingSupport', 'addRole', [SRC.gdapCheck])];
    case 'dap':
      return [when('billingSupport', 'dap', [SRC.gdapSince])];
    case 'none':
      return [when('billingSupport', 'none', [SRC.gdap])];
    default:
      return undefined;
  }
}

/** §7 and §4: a refund or credit only inside the cancellation window; nothing once expired; none needed for a transfer. */
export function refundParts(k: Known): FaqPart[] | undefined {
  if (k.path === 'multiPartner') return [when('refunds', 'multiPartner', [SRC.multiPartner])];
  if (isVolume(k)) return [when('refunds', 'volume', [SRC.moveArticle])];
  if (hasEnded(k)) return [when('refunds', 'ended', [SRC.cancelSubscription], { date: k.timing!.date })];
  const renewed = renewedParts(k);
  if (renewed) return k.channel === 'adminCenter' ? [...renewed, ...(contactParts(k) ?? [])] : renewed;
  if (k.path === 'partnerTransfer') return [when('refunds', 'transfer', [SRC.transfer]), transferBilling()];
  if (k.channel === 'adminCenter') {
    return [when('refunds', 'direct', [SRC.directCancel]), ...(contactParts(k) ?? [general('billingSupport')])];
  }
  return undefined;
}

/** §3 A step 2: who stops renewal in this channel, and what it is called there; undefined when the channel is unknown. */
function stopRenewalChannelPart(k: Known): FaqPart | undefined {
  if (k.path === 'partnerTransfer') return when('stopRenewal', 'transfer', [SRC.transfer]);
  if (k.channel === 'adminCenter') return when('stopRenewal', 'direct', [SRC.moveArticle]);
  if (k.channel === 'otherPartner') return when('stopRenewal', 'partner', [SRC.moveArticle]);
  if (k.channel === 'openLicense') return when('stopRenewal', 'openLicense', [SRC.openLicense]);
  if (isVolume(k)) return when('stopRenewal', 'volume', [SRC.moveArticle]);
  return undefined;
}

/** The last day to stop renewal, where there is a renewal to stop (§4 table: the day before the date). */
function stopRenewalDeadline(k: Known): FaqPart[] {
  const due = upcoming(k)?.dates.stopRenewalBy;
  if (!due || k.path === 'partnerTransfer' || k.channel === 'openLicense') return [];
  return [when('stopRenewal', 'deadline', [SRC.moveArticle], { stopRenewalBy: due })];
}

export function stopRenewalParts(k: Known): FaqPart[] | undefined {
  if (k.path === 'multiPartner') return [when('stopRenewal', 'multiPartner', [SRC.multiPartner])];
  if (hasEnded(k)) return [when('stopRenewal', 'ended', [SRC.lifecycle], { date: k.timing!.date }), ...endedParts(k)];
  const renewed = renewedParts(k);
  if (renewed) return renewed;
  const main = stopRenewalChannelPart(k);
  const deadline = stopRenewalDeadline(k);
  if (!main) return deadline.length ? [general('stopRenewal'), ...deadline] : undefined;
  return [main, ...deadline];
}

/** §4: where the old subscriptions stand, with the engine's dates. */
export function lifecycleParts(k: Known): FaqPart[] | undefined {
  if (hasEnded(k)) return endedParts(k);
  const next = upcoming(k);
  if (next && isVolume(k)) return [when('lifecycle', 'upcomingVolume', [SRC.vlEnds], { date: next.date })];
  if (next) return [when('lifecycle', 'upcoming', [SRC.lifecycle], { date: next.date, expiredUntil: next.dates.expiredUntil! })];
  if (isVolume(k)) return [volumeBeforeEnd()];
  const open = dateKindOpenPart(k);
  return open.length ? [general('lifecycle'), ...open] : undefined;
}

/** What users notice (§3 B, E; §4; §5): shared by "lose data?" and "downtime?". */
export function userImpactParts(topic: 'dataLoss' | 'downtime', k: Known): FaqPart[] | undefined {
  if (k.path === 'partnerTransfer') return [transferNothingChanges()];
  if (k.path === 'multiPartner') return [multiPartnerNothingChanges()];
  if (hasEnded(k)) return endedParts(k);
  if (isVolume(k)) return [volumeBeforeEnd()];
  if (k.path === 'over150') {
    const window = over150WindowPart(k);
    return [when('downtime', 'over150', [SRC.moveArticle, SRC.lifecycle]), ...(window ? [window] : [])];
  }
  const extra = topic === 'dataLoss' && k.s.offerPlan === 'different' ? [when('offers', 'different', [seed2020, SRC.gdap])] : [];
  const next = upcoming(k);
  if (next) return [part('shared.beforeEnd', [seed2020], { date: next.date }), ...extra];
  const open = dateKindOpenPart(k);
  if (open.length || extra.length) return [general(topic), ...extra, ...open];
  return undefined;
}

/** There is no duration in the docs: say what it depends on, and the deadline the dates give (§3, §4). */
export function durationParts(k: Known): FaqPart[] | undefined {
  if (k.path === 'partnerTransfer') return [when('duration', 'transfer', [SRC.relationship, SRC.transfer])];
  if (k.path === 'multiPartner') return [when('duration', 'multiPartner', [SRC.relationship, SRC.multiPartner])];
  if (hasEnded(k)) return endedParts(k);
  const renewed = renewedParts(k);
  if (renewed) return renewed;
  const next = upcoming(k);
  const window = over150WindowPart(k);
  if (next && k.path === 'over150' && window) {
    const stop = stopRenewalChannelPart(k);
    return [when('duration', 'noFixedTime', [SRC.relationship]), ...(stop ? [stop, ...stopRenewalDeadline(k)] : []), window];
  }
  if (next) {
    // Who stops renewal, and by when, in the words of the stopRenewal answer for this channel.
    const stop = stopRenewalChannelPart(k);
    const deadline = [when('duration', 'deadline', [SRC.relationship, SRC.moveArticle], { provisionBy: next.dates.provisionBy! })];
    return stop ? [...deadline, stop, ...stopRenewalDeadline(k)] : deadline;
  }
  return undefined;
}

/** §3 A vs B vs D: old and new side by side means paying for both until the old ones end. */
export function overlapParts(k: Known): FaqPart[] | undefined {
  if (k.path === 'partnerTransfer') return [when('overlap', 'transfer', [SRC.transfer]), transferBilling()];
  if (k.path === 'multiPartner') return [multiPartnerNothingChanges()];
  if (hasEnded(k)) {
    const urgent = k.timing!.phase === 'disabled' || k.timing!.phase === 'vlEnded' ? [phasePart(k)!] : [];
    return [when('overlap', 'ended', [SRC.lifecycle], { date: k.timing!.date }), ...urgent];
  }
  if (k.path === 'over150' && !isVolume(k)) {
    const window = over150WindowPart(k);
    return [when('overlap', 'over150', [SRC.moveArticle]), ...(window ? [window] : [])];
  }
  const renewed = renewedParts(k);
  if (renewed) return renewed;
  const next = upcoming(k);
  const stop = stopRenewalChannelPart(k);
  if (next && !isVolume(k) && stop) {
    return [when('overlap', 'upcoming', [SRC.moveArticle, SRC.nceCancel], { date: next.date }), stop, ...stopRenewalDeadline(k)];
  }
  return undefined;
}
