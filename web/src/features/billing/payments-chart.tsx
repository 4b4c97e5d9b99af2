import { useId } from 'react';
import type { LedgerEntry } from '../../api/types.ts';
import { formatDate, formatMoney, formatShortDate } from '../../ui/format.ts';
import { giftSplit, giftTotals } from './gift-split.ts';
import { describeLedgerEntry, ledgerKind, type LedgerKind } from './ledger-words.ts';

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { left: 56, right: 16, top: 16, bottom: 36 };
const AXIS_Y = PAD.top + (HEIGHT - PAD.top - PAD.bottom) * 0.62;

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/**
 * Charges above the axis; refunds and failed payments below; temporary card
 * checks in grey. The part of a charge paid from the gift balance (and the part
 * of a refund returned to it) is drawn hatched, next to the axis; a redeemed
 * gift card is a dot on the axis (it is not a payment). The `title` and `desc`
 * carry the same facts as the table.
 */
export function PaymentsChart({ ledger, currency }: { ledger: LedgerEntry[]; currency: string }) {
  const titleId = useId();
  const descId = useId();
  if (!ledger.length) return null;

  const times = ledger.map((entry) => day(entry.date));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(last - first, 86_400_000 * 28);
  const start = first - span * 0.04;
  const end = first + span * 1.04;
  const x = (iso: string) => PAD.left + ((day(iso) - start) / (end - start)) * (WIDTH - PAD.left - PAD.right);
  // A redeemed gift card is a dot, not a bar: its value must not flatten the charges.
  const max = Math.max(...ledger.filter((entry) => entry.type !== 'gift_card').map((entry) => Math.abs(entry.amount)), 1);
  const up = AXIS_Y - PAD.top;
  const down = HEIGHT - PAD.bottom - AXIS_Y - 14;
  const barWidth = Math.max(6, Math.min(18, (WIDTH - PAD.left - PAD.right) / (ledger.length * 2)));

  const totals: Record<LedgerKind, { count: number; sum: number }> = {
    charge: { count: 0, sum: 0 },
    refund: { count: 0, sum: 0 },
    failed: { count: 0, sum: 0 },
    authorization: { count: 0, sum: 0 },
    gift: { count: 0, sum: 0 },
  };
  for (const entry of ledger) {
    const total = totals[ledgerKind(entry)];
    total.count += 1;
    total.sum += Math.abs(entry.amount);
  }
  const money = (amount: number) => formatMoney(amount, currency);
  const description =
    `From ${formatDate(new Date(first).toISOString())} to ${formatDate(new Date(last).toISOString())}: ` +
    `${totals.charge.count} charge${totals.charge.count === 1 ? '' : 's'} totalling ${money(totals.charge.sum)}; ` +
    `${totals.refund.count} refund${totals.refund.count === 1 ? '' : 's'} totalling ${money(totals.refund.sum)}; ` +
    `${totals.failed.count} failed payment${totals.failed.count === 1 ? '' : 's'}; ` +
    `${totals.authorization.count} temporary card check${totals.authorization.count === 1 ? '' : 's'} (not charges).` +
    giftDescription(ledger, money) +
    ' The table below lists each one.';
  // useId's colons or guillemets have no place in a `url(#…)` reference.
  const hatchId = `gift-hatch-${titleId.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const hasGift = totals.gift.count > 0 || ledger.some((entry) => (entry.gift ?? 0) > 0);

  const ticks = monthTicks(first, last).filter((tick) => tick >= start && tick <= end);
  const firstTick = ticks[0];
  // Lines on the same day are drawn side by side rather than on top of each other.
  const sameDay = new Map<string, number>();

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`} preserveAspectRatio="xMidYMid meet">
        <title id={titleId}>Payments over time</title>
        <desc id={descId}>{description}</desc>
        <defs>
          <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="hatch-ground" />
            <rect width="3" height="6" className="hatch-stripe" />
          </pattern>
        </defs>
        <text x={PAD.left - 8} y={PAD.top + 10} className="chart-label" textAnchor="end">
          {money(max)}
        </text>
        <text x={PAD.left - 8} y={AXIS_Y + 4} className="chart-label" textAnchor="end">
          0
        </text>
        {ticks.map((tick) => {
          const iso = new Date(tick).toISOString().slice(0, 10);
          if (tick < start || tick > end) return null;
          return (
            <g key={tick}>
              <line x1={x(iso)} x2={x(iso)} y1={PAD.top} y2={HEIGHT - PAD.bottom} className="chart-grid" />
              <text x={x(iso)} y={HEIGHT - PAD.bottom + 18} className="chart-label" textAnchor="middle">
                {new Intl.DateTimeFormat(undefined, new Date(tick).getUTCMonth() === 0 || tick === firstTick ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' }).format(tick)}
              </text>
            </g>
          );
        })}
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={AXIS_Y} y2={AXIS_Y} className="chart-axis" />
        {ledger.map((entry) => {
          const kind = ledgerKind(entry);
          const offset = sameDay.get(entry.date) ?? 0;
          sameDay.set(entry.date, offset + 1);
          const cx = x(entry.date) + offset * (barWidth + 2);
          const { title } = describeLedgerEntry(entry);
          if (kind === 'gift') {
            return (
              <circle key={entry.id} cx={cx} cy={AXIS_Y} r={Math.max(5, barWidth / 2)} className="dot-gift">
                <title>{`${formatShortDate(entry.date)}: ${title}, ${money(entry.amount)} added to your gift balance`}</title>
              </circle>
            );
          }
          const above = kind === 'charge' || (kind === 'authorization' && entry.type === 'authorization');
          const height = Math.max(kind === 'authorization' ? 8 : 3, (Math.abs(entry.amount) / max) * (above ? up : down));
          const y = above ? AXIS_Y - height : AXIS_Y;
          const split = giftSplit(entry);
          const label = `${formatShortDate(entry.date)}: ${title}, ${money(entry.amount)}`;
          if (!split || split.gift === 0) {
            return (
              <rect key={entry.id} x={cx - barWidth / 2} y={y} width={barWidth} height={height} rx={2} className={`bar bar-${kind}`}>
                <title>{label}</title>
              </rect>
            );
          }
          // The gift part sits against the axis, the card part beyond it.
          const giftHeight = split.card === 0 ? height : Math.max(2, height * (split.gift / Math.abs(entry.amount)));
          const giftY = above ? AXIS_Y - giftHeight : AXIS_Y;
          const cardY = above ? y : AXIS_Y + giftHeight;
          const giftWords = kind === 'refund' ? 'back to your gift balance' : 'from your gift balance';
          const cardWords = kind === 'refund' ? 'back to your card' : 'on your card';
          return (
            <g key={entry.id}>
              {split.card > 0 ? (
                <rect x={cx - barWidth / 2} y={cardY} width={barWidth} height={height - giftHeight} rx={2} className={`bar bar-${kind}`}>
                  <title>{`${label}: ${money(split.card)} ${cardWords}`}</title>
                </rect>
              ) : null}
              <rect x={cx - barWidth / 2} y={giftY} width={barWidth} height={giftHeight} rx={2} className="bar bar-gift" fill={`url(#${hatchId})`}>
                <title>{`${label}: ${money(split.gift)} ${giftWords}`}</title>
              </rect>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        <span>
          <i className="swatch bar-charge" aria-hidden="true" /> Charges (above the line)
        </span>
        <span>
          <i className="swatch bar-refund" aria-hidden="true" /> Refunds (below)
        </span>
        <span>
          <i className="swatch bar-failed" aria-hidden="true" /> Failed payments (below, not charged)
        </span>
        <span>
          <i className="swatch bar-authorization" aria-hidden="true" /> Temporary card checks
        </span>
        {hasGift ? (
          <>
            <span>
              <i className="swatch swatch-gift" aria-hidden="true" /> Part paid from (or returned to) your gift balance
            </span>
            <span>
              <i className="swatch swatch-gift-dot" aria-hidden="true" /> Gift card redeemed (on the line)
            </span>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}

function monthTicks(first: number, last: number): number[] {
  const ticks: number[] = [];
  const date = new Date(first);
  let cursor = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const months = Math.max(1, Math.round((last - first) / (86_400_000 * 30)));
  const step = months > 10 ? 3 : months > 5 ? 2 : 1;
  while (cursor <= last + 86_400_000 * 31) {
    ticks.push(cursor);
    const next = new Date(cursor);
    cursor = Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + step, 1);
  }
  return ticks;
}

function giftDescription(ledger: LedgerEntry[], money: (amount: number) => string): string {
  const totals = giftTotals(ledger);
  if (totals.redeemedCount === 0 && totals.paidFromGift === 0 && totals.returnedToGift === 0) return '';
  const parts = [
    ` ${totals.redeemedCount} gift card${totals.redeemedCount === 1 ? '' : 's'} redeemed, adding ${money(totals.redeemed)} to your gift balance;`,
    ` of the charges, ${money(totals.paidFromGift)} was paid from the gift balance and ${money(totals.paidByCard)} by card`,
  ];
  if (totals.returnedToGift > 0) parts.push(`; refunds returned ${money(totals.returnedToGift)} to the gift balance and ${money(totals.returnedToCard)} to the card`);
  return `${parts.join('')}.`;
}
