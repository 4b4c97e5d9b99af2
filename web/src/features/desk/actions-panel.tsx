import { useState, type ReactNode } from 'react';
import type { ChargeExplanation } from '../../api/chat.ts';
import { cancelDuplicate, removeExtraMember, signOutDevices, type CaseDetail } from '../../api/desk.ts';
import { Button, ErrorAlert, Notice, Section } from '../../ui/components.tsx';
import { formatDate } from '../../ui/format.ts';
import { useAction } from '../../ui/hooks.ts';
import { ConfirmButton } from './fields.tsx';
import { RefundForm } from './refund-form.tsx';

/** What the desk may do to the verified account, each after a confirmation, each showing the server's refusal as it is. */
export function ActionsPanel({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const snapshot = detail.account;
  const closed = detail.case.status === 'resolved';
  const disabled = !detail.verification.verified || closed;
  const evidence = detail.case_file.evidence as ChargeExplanation | null;
  return (
    <Section title="Actions">
      {!detail.verification.verified ? (
        <p className="alert alert-warning desk-locked" id="actions-locked">
          Verify the member's service code first.
        </p>
      ) : null}
      {closed ? <p className="muted">The case is resolved: no more actions.</p> : null}
      {closed ? null : snapshot ? (
        <fieldset disabled={disabled} className="desk-actions">
          <Action title="Refund a charge">
            <RefundForm caseId={detail.case.id} snapshot={snapshot} policy={detail.refund_policy} disputedId={evidence?.disputedCharge?.id ?? null} disabled={disabled} onDone={onDone} />
          </Action>
          {snapshot.sameCard.length > 0 ? (
            <Action title="Cancel the duplicate membership">
              {snapshot.sameCard.map((other) => (
                <OneAction
                  key={other.membershipId}
                  label={`Cancel the membership of ${other.email}`}
                  question={`Cancel the membership of ${other.email} (joined ${formatDate(other.createdAt)}), paid with the same card?`}
                  confirmLabel="Yes, cancel it"
                  disabled={disabled}
                  run={async () => {
                    const answer = await cancelDuplicate(detail.case.id, other.membershipId);
                    return `Cancelled${answer.access_until ? `: access ends ${formatDate(answer.access_until)}` : ''}.`;
                  }}
                  onDone={onDone}
                />
              ))}
            </Action>
          ) : null}
          {snapshot.extraMembers.length > 0 ? (
            <Action title="Remove an extra member">
              {snapshot.extraMembers.map((member) => (
                <OneAction
                  key={member.accountId}
                  label={`Remove ${member.name}`}
                  question={`Remove ${member.name} (${member.email}) from this account?`}
                  confirmLabel="Yes, remove"
                  disabled={disabled}
                  run={async () => {
                    const answer = await removeExtraMember(detail.case.id, member.accountId);
                    return `${member.name} is removed; access ends ${formatDate(answer.access_until)}.`;
                  }}
                  onDone={onDone}
                />
              ))}
            </Action>
          ) : null}
          <Action title="Sign out all devices">
            <OneAction
              label="Sign out all devices"
              question="Every device on this account signs out; the member signs in again with their password."
              confirmLabel="Yes, sign out everywhere"
              disabled={disabled}
              run={async () => {
                const answer = await signOutDevices(detail.case.id);
                return `Signed out ${answer.signed_out} session${answer.signed_out === 1 ? '' : 's'}.`;
              }}
              onDone={onDone}
            />
          </Action>
        </fieldset>
      ) : (
        <LockedActions detail={detail} />
      )}
    </Section>
  );
}

function Action({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="desk-action">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

function OneAction({ label, question, confirmLabel, disabled, run, onDone }: { label: string; question: string; confirmLabel: string; disabled: boolean; run: () => Promise<string>; onDone: () => void }) {
  const [done, setDone] = useState<string | null>(null);
  const action = useAction(async () => {
    setDone(await run());
    onDone();
  });
  return (
    <div className="desk-one-action">
      <ConfirmButton label={label} question={question} confirmLabel={confirmLabel} danger disabled={disabled} busy={action.busy} onConfirm={() => action.run()} />
      <ErrorAlert error={action.error} />
      <Notice>{done}</Notice>
    </div>
  );
}

/** Before verification: the same actions, shown but off, so the agent sees what opens up. */
function LockedActions({ detail }: { detail: CaseDetail }) {
  const summary = detail.case_file.snapshot_summary;
  const names = ['Refund', ...(summary && summary.same_card_memberships > 0 ? ['Cancel the duplicate membership'] : []), ...(summary && summary.extra_members > 0 ? ['Remove an extra member'] : []), 'Sign out all devices'];
  return (
    <div className="actions desk-actions-locked" aria-describedby="actions-locked">
      {names.map((name) => (
        <Button key={name} variant="secondary" disabled aria-describedby="actions-locked">
          {name}
        </Button>
      ))}
    </div>
  );
}
