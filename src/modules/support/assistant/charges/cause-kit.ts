import type { Catalog } from '../../../billing/index.ts';
import type { SameCardMembership } from '../../support.ports.ts';
import { longDate } from './charge-dates.ts';
import type { DisputedCharge } from './charge-matching.ts';
import type { ChargeCause, ChargeFinding, ChargeQuestionDetail, EvidenceDate, EvidenceLine, JsonValue } from './charge-types.ts';
import type { LedgerLine, MembershipReading } from './membership-reading.ts';

/** What every cause rule reads. */
export type CauseContext = {
  reading: MembershipReading;
  disputed: DisputedCharge | null;
  question: ChargeQuestionDetail | undefined;
  sameCard: readonly SameCardMembership[];
  catalog: Catalog | undefined;
};

/** A finding and what the member can do about it. */
export type Found = { finding: ChargeFinding; advice: string[] };

export function found(cause: ChargeCause, parts: {
  title: string;
  headline: string;
  sentences: readonly string[];
  about: boolean;
  lines?: readonly EvidenceLine[];
  dates?: readonly EvidenceDate[];
  data?: { [key: string]: JsonValue };
  advice?: readonly string[];
}): Found {
  return {
    finding: {
      cause,
      title: parts.title,
      headline: parts.headline,
      explanation: parts.sentences.filter((sentence) => sentence.length > 0).join(' '),
      aboutDisputedCharge: parts.about,
      evidence: { lines: [...(parts.lines ?? [])], dates: [...(parts.dates ?? [])] },
      data: parts.data ?? {},
    },
    advice: [...(parts.advice ?? [])],
  };
}

/** Is this line of the member's own ledger the one they asked about? */
export function isDisputed(ctx: CauseContext, line: LedgerLine): boolean {
  return ctx.disputed?.account === 'this' && ctx.disputed.line.id === line.id;
}

/** Lines worth explaining: in the last three months, or the one asked about. */
export function relevant(ctx: CauseContext, line: LedgerLine): boolean {
  return ctx.reading.inWindow(line.date) || isDisputed(ctx, line);
}

/** " (including $1.84 tax)" when the line has tax. */
export function taxPart(ctx: CauseContext, line: { tax: number | null; currency: string }): string {
  return line.tax ? ` (including ${ctx.reading.money(line.tax, line.currency)} tax)` : '';
}

export function rateText(rate: number): string {
  return `${Number((rate * 100).toFixed(3))}%`;
}

/** "$19.59 on October 24, 2026 and $19.59 on November 24, 2026", grouped by amount when it repeats. */
export function chargesText(ctx: CauseContext, lines: readonly { amount: number; currency: string; date: string }[]): string {
  const groups = new Map<string, { amount: number; currency: string; dates: string[] }>();
  for (const line of lines) {
    const key = `${line.currency}:${line.amount}`;
    const group = groups.get(key) ?? { amount: line.amount, currency: line.currency, dates: [] };
    group.dates.push(line.date);
    groups.set(key, group);
  }
  const parts = [...groups.values()].map((group) => {
    const dates = group.dates.map(longDate);
    const when = dates.length === 1 ? dates[0] : `${dates.slice(0, -1).join(', ')} and ${dates[dates.length - 1]}`;
    return `${ctx.reading.money(group.amount, group.currency)} on ${when}`;
  });
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join('; ')}; and ${parts[parts.length - 1]}`;
}
