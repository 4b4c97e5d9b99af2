import { request } from './client.ts';
import type { IsoDateTime } from './types.ts';

/** Complaints and specialist requests (src/modules/support/escalation/escalation.routes.ts, docs/escalation.md). */

export type EscalationKind = 'complaint' | 'specialist';
export type EscalationTopic = 'billing' | 'security' | 'technical' | 'general';
export type EscalationStatus = 'open' | 'acknowledged' | 'in_progress' | 'proposal' | 'resolved';
export type EscalationOutcome = 'upheld' | 'partly_upheld' | 'not_upheld' | 'withdrawn';
export type DeskStepKind = 'acknowledged' | 'assigned' | 'note_to_member' | 'internal_note' | 'proposal' | 'resolved';

export type DisputeRoutes = { country: string; bank: string; bodies: { name: string; description: string; url?: string }[]; partner: string | null };

export type MemberEscalation = {
  reference: string; kind: EscalationKind; topic: EscalationTopic; status: EscalationStatus; description: string;
  opened_at: IsoDateTime; acknowledge_by: IsoDateTime; answer_by: IsoDateTime; acknowledged_at: IsoDateTime | null;
  resolved_at: IsoDateTime | null; outcome: EscalationOutcome | null; conversation_id: string | null;
  billing_partner: { name: string; advice: string } | null; dispute_routes: DisputeRoutes | null;
  steps: { kind: string; at: IsoDateTime; by: 'you' | 'agent' | 'supervisor' | 'system'; by_name: string; summary: string; partner_note: string | null }[];
};

export type Deadline = { due: IsoDateTime; met_at: IsoDateTime | null; remaining_seconds: number | null; overdue: boolean };

export type DeskEscalation = {
  id: string; reference: string; kind: EscalationKind; topic: EscalationTopic; status: EscalationStatus; account_id: string;
  source: 'chat' | 'contact_page' | 'support_page'; conversation_id: string | null; case_id: string | null; billing_partner: string | null;
  country: string; assigned_agent: { id: string; name: string } | null; opened_at: IsoDateTime;
  deadlines: { acknowledge: Deadline; answer: Deadline }; outcome: EscalationOutcome | null; resolved_at: IsoDateTime | null;
};

export type DeskEscalationDetail = {
  escalation: DeskEscalation & { description: string; partner: { name: string; advice: string } | null; dispute_routes: DisputeRoutes | null };
  steps: { id: string; kind: string; at: IsoDateTime; actor: { kind: 'member' | 'agent' | 'supervisor' | 'system'; id: string | null; name: string }; summary: string; visible_to_member: boolean }[];
};

export const listMyEscalations = () => request<{ escalations: MemberEscalation[] }>('GET', '/api/me/support/escalations');
export const fileEscalation = (body: { kind: EscalationKind; topic: EscalationTopic; description: string; conversation_id?: string }) =>
  request<{ escalation: MemberEscalation; repeated: boolean }>('POST', '/api/me/support/escalations', { body });

export const listDeskEscalations = (state: 'open' | 'resolved' = 'open') => request<{ escalations: DeskEscalation[] }>('GET', `/api/desk/escalations?state=${state}`);
export const getDeskEscalation = (id: string) => request<DeskEscalationDetail>('GET', `/api/desk/escalations/${encodeURIComponent(id)}`);
export const addEscalationStep = (id: string, body: { kind: DeskStepKind; summary?: string; outcome?: EscalationOutcome; assignee_id?: string }) =>
  request<DeskEscalationDetail>('POST', `/api/desk/escalations/${encodeURIComponent(id)}/steps`, { body });

export const KIND_NAMES: Record<EscalationKind, string> = { complaint: 'Formal complaint', specialist: 'Specialist request' };
export const TOPIC_NAMES: Record<EscalationTopic, string> = { billing: 'Billing', security: 'Account security', technical: 'Watching and apps', general: 'Something else' };
export const STATUS_NAMES: Record<EscalationStatus, string> = { open: 'Received', acknowledged: 'Acknowledged', in_progress: 'Being handled', proposal: 'Proposal made', resolved: 'Final answer given' };
export const OUTCOME_NAMES: Record<EscalationOutcome, string> = { upheld: 'Upheld', partly_upheld: 'Partly upheld', not_upheld: 'Not upheld', withdrawn: 'Withdrawn' };
export const STEP_NAMES: Record<string, string> = {
  opened: 'Filed', acknowledge_overdue: 'Late: not acknowledged in time', answer_overdue: 'Late: no answer in time', acknowledged: 'Acknowledged', assigned: 'Assigned', note_to_member: 'Message', internal_note: 'Internal note', proposal: 'Proposal', resolved: 'Final answer',
};
