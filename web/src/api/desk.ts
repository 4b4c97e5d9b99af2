import type { ChatMessage } from './chat.ts';
import { request } from './client.ts';
import type { GiftBalanceView } from './desk-gift.ts';
import type { IsoDate, IsoDateTime, MembershipView } from './types.ts';

/** The agent desk's routes (src/modules/support/desk/*.routes.ts, docs/desk.md). */

export type Queue = 'billing' | 'security' | 'technical' | 'general';
export const QUEUES: readonly Queue[] = ['billing', 'security', 'technical', 'general'];
export type CaseOutcome = 'refund' | 'cancellation' | 'correction' | 'information' | 'no_action' | 'referred';
export const CASE_OUTCOMES: readonly CaseOutcome[] = ['refund', 'cancellation', 'correction', 'information', 'no_action', 'referred'];

export type Agent = { id: string; name: string; email: string; role: 'agent' | 'supervisor' | 'security'; skills: Queue[]; max_concurrent: number };
export type AgentLoad = Agent & { load: number; on_duty: boolean };

export type SlaTimer = { due: IsoDateTime; met_at: IsoDateTime | null; remaining_seconds: number | null; breached: boolean };

export type CaseSummary = {
  id: string;
  conversation_id: string;
  account_id: string | null;
  queue: Queue;
  status: 'queued' | 'assigned' | 'escalated' | 'resolved';
  intent: string;
  reason: string;
  assigned_agent: { id: string; name: string } | null;
  escalation_level: number;
  verified: boolean;
  created_at: IsoDateTime;
  queued_at: IsoDateTime;
  waiting_seconds: number | null;
  sla: { first_response: SlaTimer; resolution: SlaTimer };
  outcome: CaseOutcome | null;
  resolved_at: IsoDateTime | null;
};

export type QueueView = {
  queue: Queue;
  waiting: number;
  oldest_waiting_seconds: number | null;
  targets: { first_response_seconds: number; resolution_seconds: number };
  cases: CaseSummary[];
};
export type QueuesAnswer = { queues: QueueView[]; agents: AgentLoad[] | null };

export type SnapshotSummary = {
  /** Null until the member is verified. */
  first_name: string | null;
  role: 'owner' | 'extra_member';
  country: string;
  language: string;
  plan: string | null;
  membership_status: string | null;
  billed_by: string | null;
  devices: number;
  extra_members: number;
  same_card_memberships: number;
  security_signals: number;
};

/** The support port's AccountSnapshot as the server sends it: camelCase outside, billing's snake_case membership inside. */
export type AccountSnapshot = {
  takenAt: IsoDateTime;
  account: { id: string; name: string; email: string; country: string; language: string; role: 'owner' | 'extra_member'; ownerAccountId: string };
  membership: MembershipView | null;
  sameCard: { membershipId: string; accountId: string; email: string; maskedEmail: string; createdAt: IsoDateTime; membership: MembershipView }[];
  devices: { id: string; accountId: string; type: string; name: string; networkId: string | null; location: string | null; lastUsedAt: IsoDateTime; removedAt: IsoDateTime | null }[];
  household: { primaryNetwork: string | null; devicesOutside: number };
  extraMembers: { accountId: string; name: string; email: string; accessUntil: IsoDate | null }[];
  invitations: { id: string; name: string; email: string; status: string }[];
  security: { signals: { kind: string; at: IsoDateTime; summary: string; severity: string }[]; steps: string[] };
};

export type CaseFileView = {
  intent: string;
  confidence: number;
  reason: string;
  problem: string;
  tried: string[];
  checklist: { item: string; answer: string | null }[];
  findings: string[];
  snapshot_summary: SnapshotSummary | null;
  evidence: Record<string, unknown> | null;
  /** How much waits for verification (tried, findings, checklist answers are empty until then); null once verified. */
  withheld: { tried: number; checklist_answers: number; findings: number; evidence: boolean } | null;
};

export type RefundPolicy = {
  membership_id: string;
  currency: string;
  one_period_charge: number;
  refunded_on_case: number;
  refundable_last_12_months: number;
  your_limit_left: number;
  case_id: string;
};

export type Note = { id: string; agent: { id: string; name: string }; body: string; created_at: IsoDateTime };
export type CaseStep = { id: string; kind: string; summary: string; agent_name: string | null; at: IsoDateTime };

export type CaseDetail = {
  case: CaseSummary & { summary: string | null };
  case_file: CaseFileView;
  verification: {
    verified: boolean; account_id: string | null; verified_at: IsoDateTime | null; verified_by: { id: string; name: string } | null;
    /** When the agent asked for the code in the chat (the member's secure field is open); null when nobody waits for it. */
    service_code_asked_at: IsoDateTime | null;
  };
  account: AccountSnapshot | null;
  refund_policy: RefundPolicy | null;
  /** The gift balance (null until verified); `can_restore` for a supervisor. */
  gift_balance: GiftBalanceView | null;
  /** Before verification a message that may show the account comes `withheld`: a fixed body, its payload's kind only. */
  messages: (Omit<ChatMessage, 'client_id'> & { withheld: boolean })[];
  notes: Note[];
  steps: CaseStep[];
};

export const getDeskSession = () => request<{ csrf_token: string; agent: Agent | null }>('GET', '/api/desk/session');
export const deskSignIn = (email: string, password: string) => request<{ agent: Agent }>('POST', '/api/desk/sign-in', { body: { email, password } });
export const deskSignOut = () => request<void>('POST', '/api/desk/sign-out');

export const getQueues = () => request<QueuesAnswer>('GET', '/api/desk/queues');
export const getMyCases = (state: 'open' | 'resolved' = 'open') => request<{ cases: CaseSummary[] }>('GET', `/api/desk/cases?state=${state}`);
export const getCase = (id: string) => request<CaseDetail>('GET', `/api/desk/cases/${encodeURIComponent(id)}`);

const casePath = (id: string, action: string) => `/api/desk/cases/${encodeURIComponent(id)}/${action}`;

export const verifyMember = (id: string, code: string) =>
  request<{ verified: true; account_id: string; verified_at: IsoDateTime }>('POST', casePath(id, 'verify'), { body: { code } });
export const askForServiceCode = (id: string) => request<{ asked_at: IsoDateTime }>('POST', casePath(id, 'ask-service-code'), { body: {} });
export const addNote = (id: string, body: string) => request<{ note: Note }>('POST', casePath(id, 'notes'), { body: { body } });
export const transferCase = (id: string, queue: Queue, reason: string) => request<unknown>('POST', casePath(id, 'transfer'), { body: { queue, reason } });
export const escalateCase = (id: string, reason: string) => request<unknown>('POST', casePath(id, 'escalate'), { body: { reason } });
export const resolveCase = (id: string, outcome: CaseOutcome, summary: string) => request<unknown>('POST', casePath(id, 'resolve'), { body: { outcome, summary } });

export type RefundRequest = { membership_id?: string; charge_id: string; amount: number; reason: string; idempotency_key: string };
export const refundCharge = (id: string, body: RefundRequest) =>
  request<{ membership_id: string; charge_id: string; charge_date: IsoDate; amount: number; currency: string; repeated: boolean }>('POST', casePath(id, 'actions/refund'), { body });
export const cancelDuplicate = (id: string, membershipId: string) =>
  request<{ membership_id: string; status: string; access_until: IsoDate | null }>('POST', casePath(id, 'actions/cancel-duplicate'), { body: { membership_id: membershipId } });
export const removeExtraMember = (id: string, memberAccountId: string) =>
  request<{ member_account_id: string; access_until: IsoDate }>('POST', casePath(id, 'actions/remove-extra-member'), { body: { member_account_id: memberAccountId } });
export const signOutDevices = (id: string) => request<{ signed_out: number }>('POST', casePath(id, 'actions/sign-out-devices'), { body: {} });
