/**
 * Escalations (PRODUCT.md §9), as pure decisions: references, due dates,
 * what each step does to the status, who may add which step, and what the
 * member reads. No I/O; the time is passed in. docs/escalation.md.
 */

export type EscalationKind = 'complaint' | 'specialist';
export const ESCALATION_KINDS = ['complaint', 'specialist'] as const satisfies readonly EscalationKind[];
export type EscalationTopic = 'billing' | 'security' | 'technical' | 'general';
export const ESCALATION_TOPICS = ['billing', 'security', 'technical', 'general'] as const satisfies readonly EscalationTopic[];
export type EscalationStatus = 'open' | 'acknowledged' | 'in_progress' | 'proposal' | 'resolved';
export type EscalationSource = 'chat' | 'contact_page' | 'support_page';
export type EscalationOutcome = 'upheld' | 'partly_upheld' | 'not_upheld' | 'withdrawn';
export const ESCALATION_OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld', 'withdrawn'] as const satisfies readonly EscalationOutcome[];
export type ActorKind = 'member' | 'agent' | 'supervisor' | 'system';

/** Steps people add on the desk; `opened` is written when the member files it. */
export type DeskStepKind = 'acknowledged' | 'assigned' | 'note_to_member' | 'internal_note' | 'proposal' | 'resolved';
export const DESK_STEP_KINDS = ['acknowledged', 'assigned', 'note_to_member', 'internal_note', 'proposal', 'resolved'] as const satisfies readonly DeskStepKind[];
/** Written by the system when a promised date passes (`recordOverdueSteps`). */
export type OverdueStepKind = 'acknowledge_overdue' | 'answer_overdue';
export type StepKind = 'opened' | DeskStepKind | OverdueStepKind;

/** How long we take, in working days (Monday to Friday, UTC), counted from the moment it is filed. */
export type EscalationDeadlines = Record<EscalationKind, { acknowledgeWorkingDays: number; answerWorkingDays: number }>;

/**
 * A complaint is acknowledged within 2 working days and answered within 15
 * (three working weeks); a request for a specialist within 1 and 5. Operators
 * change them with `deadlines` on the support module.
 */
export const DEFAULT_ESCALATION_DEADLINES: EscalationDeadlines = {
  complaint: { acknowledgeWorkingDays: 2, answerWorkingDays: 15 },
  specialist: { acknowledgeWorkingDays: 1, answerWorkingDays: 5 },
};

const DAY_MS = 86_400_000;
const isWeekend = (date: Date): boolean => date.getUTCDay() === 0 || date.getUTCDay() === 6;

/** `days` working days after `from`, at the same time of day; weekends (UTC) are skipped. */
export function addWorkingDays(from: Date, days: number): Date {
  let at = from.getTime();
  let counted = 0;
  while (counted < days) {
    at += DAY_MS;
    if (!isWeekend(new Date(at))) counted += 1;
  }
  return new Date(at);
}

export function dueDates(kind: EscalationKind, openedAt: Date, deadlines: EscalationDeadlines = DEFAULT_ESCALATION_DEADLINES): { acknowledgeDue: Date; answerDue: Date } {
  const rule = deadlines[kind];
  return { acknowledgeDue: addWorkingDays(openedAt, rule.acknowledgeWorkingDays), answerDue: addWorkingDays(openedAt, rule.answerWorkingDays) };
}

/** No 0/O, 1/I/L or U: a reference read out on the phone is not misheard. 30 symbols. */
export const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
export const REFERENCE_LENGTH = 8;
const PREFIX: Record<EscalationKind, string> = { complaint: 'CMP', specialist: 'SPC' };

/**
 * `CMP-7KQ2XW9M`: 8 symbols of 30 (about 6.6 × 10¹¹ values) from random
 * bytes, without modulo bias (bytes ≥ 240 are skipped). `randomBytes` is
 * passed in so that the rule stays pure; give it crypto's.
 */
export function makeReference(kind: EscalationKind, randomBytes: (count: number) => Uint8Array): string {
  const limit = 256 - (256 % REFERENCE_ALPHABET.length);
  let symbols = '';
  while (symbols.length < REFERENCE_LENGTH) {
    for (const byte of randomBytes(16)) {
      if (byte >= limit) continue;
      symbols += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
      if (symbols.length === REFERENCE_LENGTH) break;
    }
  }
  return `${PREFIX[kind]}-${symbols}`;
}

export const REFERENCE_PATTERN = new RegExp(`^(CMP|SPC)-[${REFERENCE_ALPHABET}]{${REFERENCE_LENGTH}}$`);

/** The status after a step; internal notes change nothing. */
export function statusAfter(current: EscalationStatus, step: StepKind): EscalationStatus {
  switch (step) {
    case 'opened': return 'open';
    case 'acknowledged': return current === 'open' ? 'acknowledged' : current;
    case 'assigned': return current === 'proposal' ? 'proposal' : 'in_progress';
    case 'note_to_member': return current === 'open' ? 'acknowledged' : current;
    case 'proposal': return 'proposal';
    case 'resolved': return 'resolved';
    case 'internal_note': return current;
    case 'acknowledge_overdue': return current;
    case 'answer_overdue': return current;
  }
}

/** Whether the member reads the step on their support page. */
export const visibleToMember = (step: StepKind): boolean => step !== 'internal_note';

export type StepRefusal = 'not_yours' | 'supervisor_only' | 'resolved' | 'outcome_needed' | 'assignee_needed';

/**
 * Who may add which step: a supervisor any step on any escalation; an agent
 * only on one assigned to them, and never an assignment. Once resolved only
 * internal notes are added. A resolution names its outcome.
 */
export function refuseStep(options: {
  actor: { id: string; role: 'agent' | 'supervisor' | 'security' };
  escalation: { status: EscalationStatus; assignedAgentId: string | null };
  kind: DeskStepKind; outcome: EscalationOutcome | null; assigneeId: string | null;
}): StepRefusal | null {
  const { actor, escalation, kind } = options;
  if (actor.role !== 'supervisor') {
    if (kind === 'assigned') return 'supervisor_only';
    if (escalation.assignedAgentId !== actor.id) return 'not_yours';
  }
  if (escalation.status === 'resolved' && kind !== 'internal_note') return 'resolved';
  if (kind === 'resolved' && options.outcome === null) return 'outcome_needed';
  if (kind === 'assigned' && options.assigneeId === null) return 'assignee_needed';
  return null;
}

export type Deadline = { due: string; met_at: string | null; remaining_seconds: number | null; overdue: boolean };

export function deadline(due: Date, metAt: Date | null, now: Date): Deadline {
  const overdue = metAt ? metAt.getTime() > due.getTime() : now.getTime() > due.getTime();
  return { due: due.toISOString(), met_at: metAt?.toISOString() ?? null, remaining_seconds: metAt ? null : Math.round((due.getTime() - now.getTime()) / 1000), overdue };
}

type Sortable = { status: EscalationStatus; answerDue: Date; acknowledgeDue: Date; acknowledgedAt: Date | null; createdAt: Date };

/** The desk's order: open ones first, the overdue among them first, then the nearest due date; resolved ones last, newest first. */
export function deskOrder<T extends Sortable>(items: readonly T[], now: Date): T[] {
  const nextDue = (item: T): number => (item.acknowledgedAt === null ? Math.min(item.acknowledgeDue.getTime(), item.answerDue.getTime()) : item.answerDue.getTime());
  return [...items].sort((a, b) => {
    const aOpen = a.status !== 'resolved';
    const bOpen = b.status !== 'resolved';
    if (aOpen !== bOpen) return aOpen ? -1 : 1;
    if (!aOpen) return b.createdAt.getTime() - a.createdAt.getTime();
    const aLate = nextDue(a) < now.getTime();
    const bLate = nextDue(b) < now.getTime();
    if (aLate !== bLate) return aLate ? -1 : 1;
    return nextDue(a) - nextDue(b);
  });
}

/**
 * What a member whose membership a partner bills should ask the partner:
 * we cannot see or change their charges, so every answer says it.
 */
export function partnerAdvice(partner: string, topic: EscalationTopic): string {
  const ask = topic === 'billing'
    ? `ask ${partner} for the date and amount of each Reelhouse charge on your bill, whether they can refund it, and to confirm the subscription is cancelled or changed on their side if that is what you want`
    : `for anything about payment, ask ${partner}: they hold the subscription and the payment details`;
  return `Your membership is billed by ${partner}, not by us: charges, refunds and payment changes go through them. To settle the billing part, ${ask}. Quote your ${partner} account number and this reference.`;
}

/**
 * A billing dispute that stays unresolved: answered with less than the member
 * asked for (partly or not upheld), or still without an answer after its due
 * date. Then the member is told the routes outside us.
 */
export function billingDisputeUnresolved(escalation: { topic: EscalationTopic; status: EscalationStatus; outcome: EscalationOutcome | null; answerDue: Date }, now: Date): boolean {
  if (escalation.topic !== 'billing') return false;
  if (escalation.status === 'resolved') return escalation.outcome === 'partly_upheld' || escalation.outcome === 'not_upheld';
  return now.getTime() > escalation.answerDue.getTime();
}

/** Asking to complain, not describing a problem ("this is a complaint about the charge" stays the assistant's). */
const COMPLAINT_WISH = new RegExp([
  String.raw`\b(?:make|file|lodge|raise|submit|open|register|put in|start)\s+(?:a\s+|an\s+|my\s+)?(?:formal\s+|official\s+)?complaint\b`,
  String.raw`\bformal(?:ly)?\s+complain`,
  String.raw`\b(?:want|wish|like|need|going|have)\s+to\s+complain\b`,
  String.raw`\bcomplaints?\s+(?:department|team|process|procedure|form)\b`,
  String.raw`^\s*(?:a\s+)?complaint\s*[.!]*\s*$`,
  String.raw`\b(?:mich\s+beschweren|beschwerde\s+(?:einreichen|einlegen|machen)|formelle\s+beschwerde)`,
  String.raw`\b(?:poner|presentar|hacer)\s+una\s+(?:queja|reclamaci[oó]n)|\bquiero\s+quejarme`,
  String.raw`\b(?:fazer|abrir|registrar)\s+uma\s+reclama[cç][aã]o|\bquero\s+reclamar`,
].join('|'), 'i');

/** Someone higher: a role asked for, or "escalate". */
const ESCALATE = /\bescalat(?:e|ion|ing)\b|\beskalier\w*/i;
const HIGHER_ROLE = /\b(?:supervisor|manager|specialist|someone (?:more )?senior|somebody senior|higher up|team lead(?:er)?|vorgesetzt\w*|spezialist\w*|especialista|gerente|encargad[oa]|superior)\b/i;
const ASKING = /\b(?:speak|talk|chat|want|need|get|give|ask(?:ing)? for|transfer|connect|put me through|bring|let me|can i|could i|hablar|quiero|falar|quero|sprechen|möchte|will)\b/i;

/**
 * The member asks to complain or to go higher, in so many words ("I want to
 * make a complaint", "escalate this", "speak to a supervisor"). A complaint
 * wins when both are named.
 */
export function escalationWish(text: string): EscalationKind | null {
  if (COMPLAINT_WISH.test(text)) return 'complaint';
  if (ESCALATE.test(text) || (HIGHER_ROLE.test(text) && ASKING.test(text))) return 'specialist';
  return null;
}

export const KIND_NAMES: Record<EscalationKind, string> = { complaint: 'formal complaint', specialist: 'request for a specialist' };

/** A due date as the member reads it: its UTC day. */
export const day = (date: Date): string => date.toISOString().slice(0, 10);

/** The first words the member reads under a new escalation. */
export function openedSummary(kind: EscalationKind, reference: string, acknowledgeDue: Date, answerDue: Date): string {
  return `Your ${KIND_NAMES[kind]} ${reference} is registered. We will acknowledge it by ${day(acknowledgeDue)} and give you our answer by ${day(answerDue)} (UTC).`;
}

/**
 * The system's steps a passed date calls for, once each: the acknowledgement
 * not given by its date, the answer not given by its date.
 */
export function overdueSteps(escalation: { status: EscalationStatus; acknowledgedAt: Date | null; acknowledgeDue: Date; answerDue: Date }, recorded: readonly string[], now: Date): OverdueStepKind[] {
  if (escalation.status === 'resolved') return [];
  const due: OverdueStepKind[] = [];
  if (escalation.acknowledgedAt === null && now.getTime() > escalation.acknowledgeDue.getTime() && !recorded.includes('acknowledge_overdue')) due.push('acknowledge_overdue');
  if (now.getTime() > escalation.answerDue.getTime() && !recorded.includes('answer_overdue')) due.push('answer_overdue');
  return due;
}

/** What the member reads when we miss a date we gave them. */
export function overdueSummary(kind: OverdueStepKind, escalation: { kind: EscalationKind; topic: EscalationTopic; acknowledgeDue: Date; answerDue: Date }): string {
  if (kind === 'acknowledge_overdue') return `We did not acknowledge your ${KIND_NAMES[escalation.kind]} by ${day(escalation.acknowledgeDue)} as we said we would. A supervisor has been told; you do not need to do anything.`;
  const routes = escalation.topic === 'billing' ? ' You can also take the billing dispute further now: see "If this is still not settled".' : '';
  return `We have not given our answer by ${day(escalation.answerDue)} as we said we would. We are sorry; a supervisor has been told and it stays open until we answer.${routes}`;
}
