import type { ColumnType, Kysely } from 'kysely';
import type { CaseFile, Queue } from './case-file.ts';

/** `security`: the security team, who review phishing reports (docs/safety.md, "Security team"); for cases they count as agents. */
export type AgentRole = 'agent' | 'supervisor' | 'security';
export const AGENT_ROLES = ['agent', 'supervisor', 'security'] as const satisfies readonly AgentRole[];
export type CaseStatus = 'queued' | 'assigned' | 'escalated' | 'resolved';
export const CASE_OUTCOMES = ['refund', 'cancellation', 'correction', 'information', 'no_action', 'referred'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** jsonb: written as a JSON string, read back parsed by both drivers. */
type Json<T> = ColumnType<T, string, string>;

export type AgentRow = {
  id: string;
  name: string;
  email: string;
  role: AgentRole;
  skills: Json<Queue[]>;
  max_concurrent: number;
  password_hash: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  last_assigned_at: Date | null;
  created_at: Date;
};

export type AgentSessionRow = { token_hash: string; agent_id: string; created_at: Date; expires_at: Date };

export type SignInFailureRow = { id: string; subject: string; at: Date };

export type CaseRow = {
  id: string;
  conversation_id: string;
  account_id: string | null;
  queue: Queue;
  status: CaseStatus;
  case_file: Json<CaseFile>;
  assigned_agent_id: string | null;
  assigned_at: Date | null;
  verified_account_id: string | null;
  verified_at: Date | null;
  verified_by: string | null;
  /** The agent asked the member for their service code (0007): the chat's secure field is open until verification. */
  service_code_asked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  service_code_asked_by: ColumnType<string | null, string | null | undefined, string | null>;
  escalation_level: ColumnType<number, number | undefined, number>;
  created_at: Date;
  queued_at: Date;
  first_response_due: Date;
  resolution_due: Date;
  first_response_at: Date | null;
  resolved_at: Date | null;
  outcome: CaseOutcome | null;
  summary: string | null;
  updated_at: Date;
};

export type CaseStepRow = { id: string; case_id: string; kind: string; summary: string; agent_id: string | null; at: Date };

export type NoteRow = { id: string; case_id: string; agent_id: string; body: string; created_at: Date };

export type AuditRow = {
  id: string;
  agent_id: string | null;
  case_id: string | null;
  action: string;
  details: Json<Record<string, unknown>>;
  idempotency_key: string | null;
  at: Date;
};

/** An agent's refund between its limit check and billing's answer (0005_desk_refund_reservations.sql). */
export type RefundReservationRow = {
  id: string;
  case_id: string;
  agent_id: string;
  idempotency_key: string;
  membership_id: string;
  charge_id: string;
  charge_date: string;
  amount: number;
  currency: string;
  reason: string;
  created_at: Date;
};

export type DeskTables = {
  desk_agents: AgentRow;
  desk_agent_sessions: AgentSessionRow;
  desk_sign_in_failures: SignInFailureRow;
  desk_cases: CaseRow;
  desk_case_steps: CaseStepRow;
  desk_notes: NoteRow;
  desk_audit_log: AuditRow;
  desk_refund_reservations: RefundReservationRow;
};
export type DeskDb = Kysely<DeskTables>;
