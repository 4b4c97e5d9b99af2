import { z } from 'zod';
import type { Queue } from './case-file.ts';
import { AGENT_ROLES, CASE_OUTCOMES } from './desk.tables.ts';

/** Response shapes of the desk's routes (docs/desk.md describes them for the web app). */
export const queueSchema = z.enum(['billing', 'security', 'technical', 'general']) satisfies z.ZodType<Queue>;
export const outcomeSchema = z.enum(CASE_OUTCOMES);
export const caseIdParams = z.object({ id: z.string().min(1).max(64) });

export const agentSchema = z.object({
  id: z.string(), name: z.string(), email: z.string(), role: z.enum(AGENT_ROLES), skills: z.array(queueSchema), max_concurrent: z.number().int(),
});

const timerSchema = z.object({ due: z.string(), met_at: z.string().nullable(), remaining_seconds: z.number().int().nullable(), breached: z.boolean() });

export const caseSummarySchema = z.object({
  id: z.string(),
  conversation_id: z.string(),
  account_id: z.string().nullable(),
  queue: queueSchema,
  status: z.enum(['queued', 'assigned', 'escalated', 'resolved']),
  intent: z.string(),
  reason: z.string(),
  assigned_agent: z.object({ id: z.string(), name: z.string() }).nullable(),
  escalation_level: z.number().int(),
  verified: z.boolean(),
  created_at: z.string(),
  queued_at: z.string(),
  waiting_seconds: z.number().int().nullable(),
  sla: z.object({ first_response: timerSchema, resolution: timerSchema }),
  outcome: outcomeSchema.nullable(),
  resolved_at: z.string().nullable(),
});

const authorSchema = z.object({ kind: z.enum(['member', 'visitor', 'assistant', 'agent', 'system']), id: z.string().nullable(), name: z.string() });
export const messageSchema = z.object({
  id: z.string(), seq: z.number().int(), author: authorSchema, body: z.string(),
  payload: z.object({ kind: z.string(), choices: z.array(z.object({ id: z.string(), label: z.string() })).optional(), data: z.record(z.string(), z.unknown()).optional() }).nullable(),
  created_at: z.string(),
});
export const noteSchema = z.object({ id: z.string(), agent: z.object({ id: z.string(), name: z.string() }), body: z.string(), created_at: z.string() });
const stepSchema = z.object({ id: z.string(), kind: z.string(), summary: z.string(), agent_name: z.string().nullable(), at: z.string() });
export const auditSchema = z.object({
  id: z.string(), agent: z.object({ id: z.string(), name: z.string() }).nullable(), case_id: z.string().nullable(), action: z.string(),
  details: z.record(z.string(), z.unknown()), at: z.string(),
});

const snapshotSummarySchema = z.object({
  first_name: z.string().nullable(), role: z.enum(['owner', 'extra_member']), country: z.string(), language: z.string(), plan: z.string().nullable(),
  membership_status: z.string().nullable(), billed_by: z.string().nullable(), devices: z.number().int(), extra_members: z.number().int(),
  same_card_memberships: z.number().int(), security_signals: z.number().int(),
});

export const caseDetailSchema = z.object({
  case: caseSummarySchema.extend({ summary: z.string().nullable() }),
  case_file: z.object({
    intent: z.string(), confidence: z.number(), reason: z.string(), problem: z.string(), tried: z.array(z.string()),
    checklist: z.array(z.object({ item: z.string(), answer: z.string().nullable() })), findings: z.array(z.string()),
    snapshot_summary: snapshotSummarySchema.nullable(), evidence: z.record(z.string(), z.unknown()).nullable(),
    // What waits for verification (tried, answers, findings, evidence), counted; null once verified.
    withheld: z.object({ tried: z.number().int(), checklist_answers: z.number().int(), findings: z.number().int(), evidence: z.boolean() }).nullable(),
  }),
  verification: z.object({
    verified: z.boolean(), account_id: z.string().nullable(), verified_at: z.string().nullable(),
    verified_by: z.object({ id: z.string(), name: z.string() }).nullable(),
    // When the agent asked for the code in the chat (the member's secure field is open); null when nobody waits for it.
    service_code_asked_at: z.string().nullable(),
  }),
  // The support port's AccountSnapshot, as it is (support.ports.ts); null until verified.
  account: z.record(z.string(), z.unknown()).nullable(),
  // The gift balance, what its cards added and how much a supervisor may restore (gift-restore.rules.ts); null until verified.
  gift_balance: z.object({ redeemed: z.number().int(), balance: z.number().int(), restorable: z.number().int(), currency: z.string(), can_restore: z.boolean() }).nullable(),
  refund_policy: z.object({
    membership_id: z.string(), currency: z.string(), one_period_charge: z.number().int(), refunded_on_case: z.number().int(),
    refundable_last_12_months: z.number().int(), your_limit_left: z.number().int(), case_id: z.string(),
  }).nullable(),
  // Before verification a message that may show the account is withheld (body replaced, payload reduced to its kind).
  messages: z.array(messageSchema.extend({ withheld: z.boolean() })),
  notes: z.array(noteSchema),
  steps: z.array(stepSchema),
  audit: z.array(auditSchema),
});

export const queuesSchema = z.object({
  queues: z.array(z.object({
    queue: queueSchema, waiting: z.number().int(), oldest_waiting_seconds: z.number().int().nullable(),
    targets: z.object({ first_response_seconds: z.number(), resolution_seconds: z.number() }),
    cases: z.array(caseSummarySchema),
  })),
  agents: z.array(agentSchema.extend({ load: z.number().int(), on_duty: z.boolean() })).nullable(),
});

export const memberCasesSchema = z.object({
  cases: z.array(z.object({
    id: z.string(), conversation_id: z.string(), queue: queueSchema, status: z.enum(['open', 'resolved']), outcome: outcomeSchema.nullable(),
    summary: z.string().nullable(), opened_at: z.string(), resolved_at: z.string().nullable(),
  })),
});

/** A reason a person reads later on the case: a few words at least. */
export const reasonSchema = z.string().trim().min(3).max(1000);
