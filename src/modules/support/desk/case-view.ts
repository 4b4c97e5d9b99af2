import type { ChatMessage } from '../chat/chat.types.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import type { Agent } from './agents.repository.ts';
import type { CaseFile } from './case-file.ts';
import type { AuditEntry, CaseStep, Note } from './case-records.repository.ts';
import type { DeskCase } from './cases.repository.ts';
import { firstName } from './desk-context.ts';
import { caseTimers, waitingSeconds } from './sla.rules.ts';
import { messageBeforeVerification, withheldOf } from './verification-view.rules.ts';

/** What the agent may see of the account before the member is verified: enough to greet and orient, nothing to act on. */
export type SnapshotSummary = {
  /** Null until the member is verified: a name is an account fact. */
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

export function summarizeSnapshot(snapshot: AccountSnapshot | null, verified: boolean): SnapshotSummary | null {
  if (!snapshot) return null;
  const membership = snapshot.membership;
  return {
    first_name: verified ? firstName(snapshot.account.name) : null,
    role: snapshot.account.role,
    country: snapshot.account.country,
    language: snapshot.account.language,
    plan: membership?.state.plan ?? null,
    membership_status: membership?.state.status ?? null,
    billed_by: membership ? (membership.billed_by.kind === 'partner' ? membership.billed_by.partner : 'direct') : null,
    devices: snapshot.devices.length,
    extra_members: snapshot.extraMembers.length,
    same_card_memberships: snapshot.sameCard.length,
    security_signals: snapshot.security.signals.length,
  };
}

/**
 * The case file at the level verification allows (verification-view.rules.ts):
 * before it, the kind of problem, the member's own words, the checklist's
 * questions and a summary of the account without a name, with counts of what
 * waits (`withheld`); after it, everything the assistant found, its answers
 * and evidence (the account itself is read live, beside it).
 */
export function caseFileView(caseFile: CaseFile, verified: boolean) {
  return {
    intent: caseFile.intent,
    confidence: caseFile.confidence,
    reason: caseFile.reason,
    problem: caseFile.problem,
    tried: verified ? caseFile.tried : [],
    checklist: verified ? caseFile.checklist : caseFile.checklist.map((entry) => ({ item: entry.item, answer: null })),
    findings: verified ? caseFile.findings : [],
    snapshot_summary: summarizeSnapshot(caseFile.snapshot, verified),
    evidence: verified ? (caseFile.evidence ?? null) : null,
    withheld: verified ? null : withheldOf(caseFile),
  };
}

export function caseSummaryView(deskCase: DeskCase, agents: ReadonlyMap<string, Pick<Agent, 'id' | 'name'>>, now: Date) {
  const agent = deskCase.assignedAgentId === null ? null : agents.get(deskCase.assignedAgentId);
  const waiting = deskCase.assignedAgentId === null && deskCase.status !== 'resolved';
  return {
    id: deskCase.id,
    conversation_id: deskCase.conversationId,
    account_id: deskCase.accountId,
    queue: deskCase.queue,
    status: deskCase.status,
    intent: deskCase.caseFile.intent,
    reason: deskCase.caseFile.reason,
    assigned_agent: agent ? { id: agent.id, name: agent.name } : null,
    escalation_level: deskCase.escalationLevel,
    verified: deskCase.verifiedAccountId !== null,
    created_at: deskCase.createdAt.toISOString(),
    queued_at: deskCase.queuedAt.toISOString(),
    waiting_seconds: waiting ? waitingSeconds(deskCase.queuedAt, now) : null,
    sla: caseTimers(deskCase, now),
    outcome: deskCase.outcome,
    resolved_at: deskCase.resolvedAt?.toISOString() ?? null,
  };
}

export const messageView = (message: ChatMessage) => ({
  id: message.id, seq: message.seq, author: message.author, body: message.body, payload: message.payload, created_at: message.createdAt,
});

/** The conversation in a case's view: before verification the assistant's account answers are withheld and the member is not named. */
export const caseMessageView = (message: ChatMessage, verified: boolean) => {
  const shown = verified ? { ...message, withheld: false } : messageBeforeVerification(message);
  return { ...messageView(shown), withheld: shown.withheld };
};

export const noteView = (note: Note) => ({ id: note.id, agent: { id: note.agentId, name: note.agentName }, body: note.body, created_at: note.createdAt.toISOString() });

export const stepView = (step: CaseStep) => ({ id: step.id, kind: step.kind, summary: step.summary, agent_name: step.agentName, at: step.at.toISOString() });

export const auditView = (entry: AuditEntry) => ({
  id: entry.id, agent: entry.agentId === null ? null : { id: entry.agentId, name: entry.agentName ?? '' }, case_id: entry.caseId,
  action: entry.action, details: entry.details, at: entry.at.toISOString(),
});

export const agentView = (agent: Agent) => ({
  id: agent.id, name: agent.name, email: agent.email, role: agent.role, skills: agent.skills, max_concurrent: agent.maxConcurrent,
});
