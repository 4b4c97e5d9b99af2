import type { EvidenceLine } from '../../api/chat.ts';
import { formatDate, formatMoney } from '../../ui/format.ts';
import { describeLedgerEntry, ledgerKind } from '../billing/ledger-words.ts';

/** Ledger lines as evidence: date, what it was, amount. Shared by the chat and the desk's case file. */
export function EvidenceTable({ lines, caption, highlight }: { lines: EvidenceLine[]; caption: string; highlight?: string | null }) {
  if (lines.length === 0) return null;
  const sorted = [...lines].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <div className="table-wrap evidence" role="region" aria-label={caption} tabIndex={0}>
      <table className="ledger">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">What</th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((line) => (
            <EvidenceRow key={`${line.id}-${line.date}`} line={line} highlighted={highlight === line.id} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EvidenceRow({ line, highlighted }: { line: EvidenceLine; highlighted: boolean }) {
  const entry = {
    id: line.id, date: line.date, type: line.type, reason: line.reason, amount: line.amount, tax: line.tax ?? null, currency: line.currency,
    period_start: line.period_start ?? null, period_end: line.period_end ?? null, refund_of: null,
  };
  const kind = ledgerKind(entry);
  const words = describeLedgerEntry(entry);
  const money = formatMoney(line.amount, line.currency);
  const className = [`row-${kind}`, highlighted ? 'row-highlight' : ''].join(' ').trim();
  return (
    <tr className={className}>
      <td>{formatDate(line.date)}</td>
      <td>
        <span className={`tag tag-${kind}`}>{words.title}</span>
        {line.account === 'other' ? <span className="tag tag-neutral evidence-other">Other account</span> : null}
        {highlighted ? <span className="tag tag-neutral">The charge asked about</span> : null}
        {words.note ? <span className="muted row-note">{words.note}</span> : null}
        {line.refunded ? <span className="row-note">{formatMoney(line.refunded, line.currency)} refunded</span> : null}
      </td>
      <td className="num">
        {kind === 'failed' || kind === 'authorization' ? <s aria-label={`${money}, not charged`}>{money}</s> : kind === 'refund' ? `−${money}` : money}
      </td>
    </tr>
  );
}
