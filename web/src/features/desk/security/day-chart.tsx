import { useId } from 'react';
import { formatShortDate } from '../../../ui/format.ts';

const BAR = 10;
const GAP = 3;
const HEIGHT = 48;

/** Reports per day as small bars: an SVG image with a title and a description, and the same facts as text beside it. */
export function DayChart({ days, label }: { days: { day: string; count: number }[]; label: string }) {
  const titleId = useId();
  const descId = useId();
  if (days.length === 0) return null;
  const max = Math.max(1, ...days.map((entry) => entry.count));
  const peak = days.reduce((best, entry) => (entry.count > best.count ? entry : best), days[0]!);
  const total = days.reduce((sum, entry) => sum + entry.count, 0);
  const summary = `${total} report${total === 1 ? '' : 's'} over ${days.length} day${days.length === 1 ? '' : 's'}, from ${formatShortDate(days[0]!.day)} to ${formatShortDate(days[days.length - 1]!.day)}; most on ${formatShortDate(peak.day)} (${peak.count}).`;
  const width = days.length * (BAR + GAP);
  return (
    <figure className="security-chart">
      <svg role="img" aria-labelledby={`${titleId} ${descId}`} width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`}>
        <title id={titleId}>{label}</title>
        <desc id={descId}>{summary}</desc>
        {days.map((entry, index) => {
          const height = entry.count === 0 ? 1 : Math.max(3, Math.round((entry.count / max) * (HEIGHT - 2)));
          return (
            <rect key={entry.day} x={index * (BAR + GAP)} y={HEIGHT - height} width={BAR} height={height} className={entry.count === 0 ? 'security-bar-empty' : 'security-bar'}>
              <title>{`${entry.day}: ${entry.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="row-note">{summary}</figcaption>
    </figure>
  );
}
