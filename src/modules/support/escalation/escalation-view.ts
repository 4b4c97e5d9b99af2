import { z } from 'zod';
import type { Escalation, EscalationStep } from './escalation.repository.ts';
import {
  billingDisputeUnresolved, deadline, ESCALATION_KINDS, ESCALATION_OUTCOMES, ESCALATION_TOPICS, partnerAdvice, type Deadline,
} from './escalation.rules.ts';

/** The member's routes outside us for a country (billing's catalog, `dispute_routes`); null when the country has none. */
export type DisputeRoutesFor = (country: string) => { bank: string; bodies: { name: string; description: string; url?: string }[] } | null;

const deadlineSchema = z.object({ due: z.string(), met_at: z.string().nullable(), remaining_seconds: z.number().int().nullable(), overdue: z.boolean() });
const statusSchema = z.enum(['open', 'acknowledged', 'in_progress', 'proposal', 'resolved']);
const routesSchema = z.object({
  country: z.string(), bank: z.string(), bodies: z.array(z.object({ name: z.string(), description: z.string(), url: z.string().optional() })), partner: z.string().nullable(),
});
const partnerSchema = z.object({ name: z.string(), advice: z.string() });

export const memberStepSchema = z.object({
  kind: z.string(), at: z.string(), by: z.enum(['you', 'agent', 'supervisor', 'system']), by_name: z.string(), summary: z.string(),
  // Every answer of ours names the partner who bills the membership and what to ask them.
  partner_note: z.string().nullable(),
});

export const memberEscalationSchema = z.object({
  reference: z.string(), kind: z.enum(ESCALATION_KINDS), topic: z.enum(ESCALATION_TOPICS), status: statusSchema, description: z.string(),
  opened_at: z.string(), acknowledge_by: z.string(), answer_by: z.string(), acknowledged_at: z.string().nullable(),
  resolved_at: z.string().nullable(), outcome: z.enum(ESCALATION_OUTCOMES).nullable(), conversation_id: z.string().nullable(),
  billing_partner: partnerSchema.nullable(), dispute_routes: routesSchema.nullable(), steps: z.array(memberStepSchema),
});

export const deskSummarySchema = z.object({
  id: z.string(), reference: z.string(), kind: z.enum(ESCALATION_KINDS), topic: z.enum(ESCALATION_TOPICS), status: statusSchema,
  account_id: z.string(), source: z.enum(['chat', 'contact_page', 'support_page']), conversation_id: z.string().nullable(), case_id: z.string().nullable(),
  billing_partner: z.string().nullable(), country: z.string(), assigned_agent: z.object({ id: z.string(), name: z.string() }).nullable(),
  opened_at: z.string(), deadlines: z.object({ acknowledge: deadlineSchema, answer: deadlineSchema }),
  outcome: z.enum(ESCALATION_OUTCOMES).nullable(), resolved_at: z.string().nullable(),
});

export const deskDetailSchema = z.object({
  escalation: deskSummarySchema.extend({ description: z.string(), partner: partnerSchema.nullable(), dispute_routes: routesSchema.nullable() }),
  steps: z.array(z.object({
    id: z.string(), kind: z.string(), at: z.string(), actor: z.object({ kind: z.enum(['member', 'agent', 'supervisor', 'system']), id: z.string().nullable(), name: z.string() }),
    summary: z.string(), visible_to_member: z.boolean(),
  })),
});

const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

function partnerOf(escalation: Escalation): z.infer<typeof partnerSchema> | null {
  return escalation.billingPartner ? { name: escalation.billingPartner, advice: partnerAdvice(escalation.billingPartner, escalation.topic) } : null;
}

function routesOf(escalation: Escalation, now: Date, routesFor: DisputeRoutesFor): z.infer<typeof routesSchema> | null {
  if (!billingDisputeUnresolved(escalation, now)) return null;
  const routes = routesFor(escalation.country);
  if (!routes) return null;
  const bank = escalation.billingPartner
    ? `${escalation.billingPartner} charged you, so first ask ${escalation.billingPartner} to review the charge. If they charged your card and do not settle it: ${routes.bank}`
    : routes.bank;
  return { country: escalation.country, bank, bodies: routes.bodies, partner: escalation.billingPartner };
}

export function memberEscalationView(escalation: Escalation, steps: EscalationStep[], now: Date, routesFor: DisputeRoutesFor): z.infer<typeof memberEscalationSchema> {
  const partner = partnerOf(escalation);
  return {
    reference: escalation.reference, kind: escalation.kind, topic: escalation.topic, status: escalation.status, description: escalation.description,
    opened_at: escalation.createdAt.toISOString(), acknowledge_by: escalation.acknowledgeDue.toISOString(), answer_by: escalation.answerDue.toISOString(),
    acknowledged_at: escalation.acknowledgedAt?.toISOString() ?? null, resolved_at: escalation.resolvedAt?.toISOString() ?? null,
    outcome: escalation.outcome, conversation_id: escalation.conversationId, billing_partner: partner,
    dispute_routes: routesOf(escalation, now, routesFor),
    steps: steps.filter((step) => step.visibleToMember).map((step) => ({
      kind: step.kind, at: step.at.toISOString(),
      by: step.actorKind === 'member' ? 'you' : step.actorKind,
      // Members see people by first name only.
      by_name: step.actorKind === 'member' ? 'You' : step.actorKind === 'system' ? 'Reelhouse' : firstName(step.actorName),
      summary: step.summary,
      partner_note: step.actorKind !== 'member' && partner ? partner.advice : null,
    })),
  };
}

export function deskSummaryView(escalation: Escalation, now: Date): z.infer<typeof deskSummarySchema> {
  const deadlines: { acknowledge: Deadline; answer: Deadline } = {
    acknowledge: deadline(escalation.acknowledgeDue, escalation.acknowledgedAt ?? escalation.resolvedAt, now),
    answer: deadline(escalation.answerDue, escalation.resolvedAt, now),
  };
  return {
    id: escalation.id, reference: escalation.reference, kind: escalation.kind, topic: escalation.topic, status: escalation.status,
    account_id: escalation.accountId, source: escalation.source, conversation_id: escalation.conversationId, case_id: escalation.caseId,
    billing_partner: escalation.billingPartner, country: escalation.country, assigned_agent: escalation.assignedAgent,
    opened_at: escalation.createdAt.toISOString(), deadlines, outcome: escalation.outcome, resolved_at: escalation.resolvedAt?.toISOString() ?? null,
  };
}

export function deskDetailView(escalation: Escalation, steps: EscalationStep[], now: Date, routesFor: DisputeRoutesFor): z.infer<typeof deskDetailSchema> {
  return {
    escalation: { ...deskSummaryView(escalation, now), description: escalation.description, partner: partnerOf(escalation), dispute_routes: routesOf(escalation, now, routesFor) },
    steps: steps.map((step) => ({
      id: step.id, kind: step.kind, at: step.at.toISOString(), actor: { kind: step.actorKind, id: step.actorId, name: step.actorName },
      summary: step.summary, visible_to_member: step.visibleToMember,
    })),
  };
}
