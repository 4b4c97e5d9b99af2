import { useId } from 'react';
import type { LedgerEntry } from '../../api/types.ts';
import { formatDate, formatMoney, formatShortDate } from '../../ui/format.ts';
import { describeLedgerEntry, ledgerKind, type LedgerKind } from './ledger-words.ts';

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { left: 56, right: 16, top: 16, bottom: 36 };
const AXIS_Y = PAD.top + (HEIGHT - PAD.top - PAD.bottom) * 0.62;

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/**
 * Charges above the axis; refunds and failed payments below; temporary card
 * checks in grey. The `title` and `desc` carry the same facts as the table.
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
  const max = Math.max(...ledger.map((entry) => Math.abs(entry.amount)), 1);
  const up = AXIS_Y - PAD.top;
  const down = HEIGHT - PAD.bottom - AXIS_Y - 14;
  const barWidth = Math.max(6, Math.min(18, (WIDTH - PAD.left - PAD.right) / (ledger.length * 2)));

  const totals: Record<LedgerKind, { count: number; sum: number }> = {
    charge: { count: 0, sum: 0 },
    refund: { count: 0, sum: 0 },
    failed: { count: 0, sum: 0 },
    authorization: { count: 0, sum: 0 },
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
    `${totals.authorization.count} temporary card check${totals.authorization.count === 1 ? '' : 's'} (not charges). The table below lists each one.`;

  const ticks = monthTicks(first, last).filter((tick) => tick >= start && tick <= end);
  const firstTick = ticks[0];
  // Lines on the same day are drawn side by side rather than on top of each other.
  const sameDay = new Map<string, number>();

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`} preserveAspectRatio="xMidYMid meet">
        <title id={titleId}>Payments over time</title>
        <desc id={descId}>{description}</desc>
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
          const above = kind === 'charge' || (kind === 'authorization' && entry.type === 'authorization');
          const height = Math.max(kind === 'authorization' ? 8 : 3, (Math.abs(entry.amount) / max) * (above ? up : down));
          const y = above ? AXIS_Y - height : AXIS_Y;
          const { title } = describeLedgerEntry(entry);
          return (
            <rect key={entry.id} x={cx - barWidth / 2} y={y} width={barWidth} height={height} rx={2} className={`bar bar-${kind}`}>
              <title>{`${formatShortDate(entry.date)}: ${title}, ${money(entry.amount)}`}</title>
            </rect>
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
