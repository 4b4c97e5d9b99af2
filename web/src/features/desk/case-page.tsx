import { useCallback, useRef } from 'react';
import type { ConversationStatus } from '../../api/chat.ts';
import { getCase } from '../../api/desk.ts';
import { Link, navigate } from '../../app/router.tsx';
import { LoadError, Loading, Page } from '../../ui/components.tsx';
import { intentWords } from '../chat/intent-words.ts';
import { AccountPanel } from './account-panel.tsx';
import { ActionsPanel } from './actions-panel.tsx';
import { CaseFilePanel } from './case-file-panel.tsx';
import { DeskChat } from './desk-chat.tsx';
import { GiftPanel } from './gift-panel.tsx';
import { useDeskSession } from './desk-session.tsx';
import { QUEUE_NAMES, STATUS_NAMES } from './desk-words.ts';
import { AccountHidden } from './hidden-until-verified.tsx';
import { NotesPanel } from './notes-panel.tsx';
import { ResolvePanel } from './resolve-panel.tsx';
import { RoutePanel } from './route-panel.tsx';
import { SlaClocks } from './sla-timer.tsx';
import { StepsPanel } from './steps-panel.tsx';
import { usePolling } from './use-polling.ts';
import { VerifyBox } from './verify-box.tsx';

const REFRESH_MS = 10_000;

/** `/desk/cases/:id`: the live chat on the left, everything about the case on the right. */
export function CasePage({ id }: { id: string }) {
  const { agent } = useDeskSession();
  const detail = usePolling(useCallback(() => getCase(id), [id]), REFRESH_MS);
  const { reload } = detail;
  const lastStatus = useRef<ConversationStatus | null>(null);
  // The chat's status moves with the case (joined, transferred, closed): read the case again when it does.
  const onStatus = useCallback(
    (status: ConversationStatus | null) => {
      if (status !== null && lastStatus.current !== null && status !== lastStatus.current) reload();
      lastStatus.current = status;
    },
    [reload],
  );

  // An agent loses a case they pass on; a supervisor keeps seeing it.
  const afterMove = () => (agent?.role === 'supervisor' ? reload() : navigate('/desk'));

  if (!detail.data) {
    return (
      <Page title="Case">
        {detail.loading ? <Loading /> : null}
        {detail.error ? <LoadError error={detail.error} retry={reload} /> : null}
      </Page>
    );
  }
  const data = detail.data;
  const item = data.case;
  return (
    <Page title={`Case: ${intentWords(item.intent)}`}>
      <div className="desk-case-bar">
        <p className="desk-case-tags">
          <Link to="/desk">Back to the queues</Link>
          <span className="tag tag-current">{QUEUE_NAMES[item.queue]}</span>
          <span className="tag tag-current">{STATUS_NAMES[item.status]}</span>
          {item.escalation_level > 0 ? <span className="tag tag-neutral">Escalation level {item.escalation_level}</span> : null}
          {item.assigned_agent ? <span className="muted">Assigned to {item.assigned_agent.name}</span> : null}
        </p>
        <SlaClocks sla={item.sla} />
      </div>
      {detail.error ? <LoadError error={detail.error} retry={reload} /> : null}
      <div className="desk-case">
        <div className="desk-left">
          <DeskChat conversationId={item.conversation_id} detail={data} onStatus={onStatus} onUnknown={reload} />
        </div>
        <div className="desk-right">
          <VerifyBox detail={data} onVerified={reload} />
          <CaseFilePanel file={data.case_file} />
          {data.account ? <AccountPanel snapshot={data.account} /> : !data.verification.verified ? <AccountHidden /> : null}
          {data.gift_balance && data.account?.membership ? <GiftPanel caseId={item.id} gift={data.gift_balance} membership={data.account.membership} disabled={item.status === 'resolved'} onDone={reload} /> : null}
          <ActionsPanel detail={data} onDone={reload} />
          <NotesPanel detail={data} onAdded={reload} />
          {item.status !== 'resolved' ? <RoutePanel detail={data} onMoved={afterMove} /> : null}
          <ResolvePanel detail={data} onResolved={reload} />
          <StepsPanel steps={data.steps} />
        </div>
      </div>
    </Page>
  );
}
