import type { AccountSnapshot } from '../../api/desk.ts';
import type { MembershipView } from '../../api/types.ts';
import { Section } from '../../ui/components.tsx';
import { formatCardBrand, formatDate, formatDateTime } from '../../ui/format.ts';
import { EvidenceTable } from '../chat/evidence-table.tsx';

function membershipFacts(membership: MembershipView) {
  const card = membership.payment_method;
  return [
    ['Plan', membership.state.plan ?? 'None'],
    ['Status', membership.state.status.replace(/_/g, ' ')],
    ['Billed by', membership.billed_by.kind === 'partner' ? membership.billed_by.partner : 'Reelhouse (direct)'],
    ['Card', card ? `${formatCardBrand(card.brand)} ending ${card.last4}` : 'None on file'],
    ['Next billing', membership.state.next_billing_date ? formatDate(membership.state.next_billing_date) : '—'],
  ] as const;
}

/** The verified account, read live: membership, ledger, devices, extra members, other memberships on the same card. */
export function AccountPanel({ snapshot }: { snapshot: AccountSnapshot }) {
  const { account, membership } = snapshot;
  return (
    <Section title="Account">
      <dl className="facts desk-facts">
        <div>
          <dt>Name</dt>
          <dd>{account.name}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{account.email}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>
            {account.role === 'owner' ? 'Owner' : 'Extra member'} · {account.country}
          </dd>
        </div>
        {membership
          ? membershipFacts(membership).map(([term, value]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))
          : null}
      </dl>
      {membership ? (
        <>
          <h3>Ledger</h3>
          <EvidenceTable lines={membership.ledger} caption="The account's ledger" />
        </>
      ) : (
        <p className="muted">No membership on this account.</p>
      )}
      {snapshot.sameCard.length > 0 ? (
        <>
          <h3>Other memberships on the same card</h3>
          <ul className="plain-list desk-items">
            {snapshot.sameCard.map((other) => (
              <li key={other.membershipId}>
                <p>
                  <strong>{other.email}</strong>, joined {formatDate(other.createdAt)} · plan {other.membership.state.plan ?? 'none'} · {other.membership.state.status.replace(/_/g, ' ')}
                </p>
                <details>
                  <summary>Its ledger</summary>
                  <EvidenceTable lines={other.membership.ledger} caption={`Ledger of ${other.email}`} />
                </details>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Devices ({snapshot.devices.length})</h3>
      {snapshot.devices.length > 0 ? (
        <ul className="plain-list desk-items">
          {snapshot.devices.map((device) => (
            <li key={device.id}>
              {device.name} <span className="muted">· {device.type}{device.location ? ` · ${device.location}` : ''} · last used {formatDateTime(device.lastUsedAt)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No devices signed in.</p>
      )}
      <h3>Extra members ({snapshot.extraMembers.length})</h3>
      {snapshot.extraMembers.length > 0 ? (
        <ul className="plain-list desk-items">
          {snapshot.extraMembers.map((member) => (
            <li key={member.accountId}>
              {member.name} <span className="muted">· {member.email}{member.accessUntil ? ` · access until ${formatDate(member.accessUntil)}` : ''}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None.</p>
      )}
      {snapshot.security.signals.length > 0 ? (
        <>
          <h3>Security signals</h3>
          <ul className="plain-list desk-items">
            {snapshot.security.signals.map((signal) => (
              <li key={`${signal.kind}-${signal.at}`} className={`desk-signal desk-signal-${signal.severity}`}>
                {signal.summary} <span className="muted">· {formatDateTime(signal.at)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
