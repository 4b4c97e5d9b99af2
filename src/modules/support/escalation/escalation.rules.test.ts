import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays, billingDisputeUnresolved, deskOrder, dueDates, escalationWish, makeReference, overdueSteps, partnerAdvice, REFERENCE_ALPHABET,
  REFERENCE_PATTERN, refuseStep, statusAfter,
} from './escalation.rules.ts';

const at = (iso: string) => new Date(iso);

describe('escalation rules', () => {
  it('counts working days past weekends, keeping the time of day', () => {
    // Friday noon + 1 working day = Monday noon; + 2 = Tuesday.
    expect(addWorkingDays(at('2026-03-13T12:00:00Z'), 1).toISOString()).toBe('2026-03-16T12:00:00.000Z');
    expect(addWorkingDays(at('2026-03-13T12:00:00Z'), 2).toISOString()).toBe('2026-03-17T12:00:00.000Z');
    // Filed on a Saturday: the first working day is Monday.
    expect(addWorkingDays(at('2026-03-14T09:00:00Z'), 1).toISOString()).toBe('2026-03-16T09:00:00.000Z');
  });

  it('gives a complaint 2 working days to acknowledge and 15 to answer, a specialist request 1 and 5, unless configured', () => {
    const tuesday = at('2026-03-10T12:00:00Z');
    expect(dueDates('complaint', tuesday)).toEqual({ acknowledgeDue: at('2026-03-12T12:00:00Z'), answerDue: at('2026-03-31T12:00:00Z') });
    expect(dueDates('specialist', tuesday)).toEqual({ acknowledgeDue: at('2026-03-11T12:00:00Z'), answerDue: at('2026-03-17T12:00:00Z') });
    const configured = { complaint: { acknowledgeWorkingDays: 1, answerWorkingDays: 40 }, specialist: { acknowledgeWorkingDays: 1, answerWorkingDays: 2 } };
    expect(dueDates('complaint', tuesday, configured).answerDue).toEqual(at('2026-05-05T12:00:00Z'));
  });

  it('makes readable references without look-alike symbols, different every time', () => {
    const references = new Set(Array.from({ length: 2000 }, () => makeReference('complaint', (n) => randomBytes(n))));
    expect(references.size).toBe(2000);
    for (const reference of references) expect(reference).toMatch(REFERENCE_PATTERN);
    expect(makeReference('specialist', (n) => randomBytes(n))).toMatch(/^SPC-/);
    expect(REFERENCE_ALPHABET).not.toMatch(/[01ILOU]/);
  });

  it('skips bytes that would make some symbols likelier (no modulo bias)', () => {
    // 240..255 are skipped; 0 and 30 both map to the first symbol.
    const bytes = [255, 240, 0, 30, 1, 2, 3, 4, 5, 6];
    expect(makeReference('complaint', () => Uint8Array.from(bytes))).toBe('CMP-AABCDEFG');
  });

  it('moves the status with the steps; internal notes change nothing', () => {
    expect(statusAfter('open', 'acknowledged')).toBe('acknowledged');
    expect(statusAfter('open', 'note_to_member')).toBe('acknowledged');
    expect(statusAfter('acknowledged', 'assigned')).toBe('in_progress');
    expect(statusAfter('in_progress', 'internal_note')).toBe('in_progress');
    expect(statusAfter('in_progress', 'proposal')).toBe('proposal');
    expect(statusAfter('proposal', 'resolved')).toBe('resolved');
  });

  it('lets supervisors add any step, agents only on their own escalations and never an assignment', () => {
    const sam = { id: 'agt_sam', role: 'agent' as const };
    const morgan = { id: 'agt_morgan', role: 'supervisor' as const };
    const samsOwn = { status: 'in_progress' as const, assignedAgentId: 'agt_sam' };
    const base = { outcome: null, assigneeId: null };
    expect(refuseStep({ actor: sam, escalation: { status: 'open', assignedAgentId: null }, kind: 'note_to_member', ...base })).toBe('not_yours');
    expect(refuseStep({ actor: sam, escalation: samsOwn, kind: 'assigned', ...base, assigneeId: 'agt_sam' })).toBe('supervisor_only');
    expect(refuseStep({ actor: sam, escalation: samsOwn, kind: 'proposal', ...base })).toBeNull();
    expect(refuseStep({ actor: morgan, escalation: { status: 'open', assignedAgentId: null }, kind: 'assigned', ...base, assigneeId: 'agt_sam' })).toBeNull();
    expect(refuseStep({ actor: morgan, escalation: samsOwn, kind: 'resolved', ...base })).toBe('outcome_needed');
    expect(refuseStep({ actor: morgan, escalation: { status: 'resolved', assignedAgentId: null }, kind: 'note_to_member', ...base })).toBe('resolved');
    expect(refuseStep({ actor: morgan, escalation: { status: 'resolved', assignedAgentId: null }, kind: 'internal_note', ...base })).toBeNull();
  });

  it('lists open escalations first, overdue ones first, then by the nearest due date', () => {
    const now = at('2026-03-20T12:00:00Z');
    const item = (id: string, status: 'open' | 'resolved', answerDue: string, acknowledged = true) => ({
      id, status, answerDue: at(answerDue), acknowledgeDue: at('2026-03-30T00:00:00Z'), acknowledgedAt: acknowledged ? at('2026-03-11T00:00:00Z') : null, createdAt: at('2026-03-10T00:00:00Z'),
    });
    const ordered = deskOrder([item('done', 'resolved', '2026-03-01T00:00:00Z'), item('later', 'open', '2026-03-28T00:00:00Z'), item('late', 'open', '2026-03-19T00:00:00Z'), item('soon', 'open', '2026-03-21T00:00:00Z')], now);
    expect(ordered.map((entry) => entry.id)).toEqual(['late', 'soon', 'later', 'done']);
  });

  it('understands a member asking to complain or to go higher, and not ordinary questions', () => {
    for (const text of ['I want to make a complaint', 'I would like to file a formal complaint', 'I want to complain', 'complaint', 'where is your complaints procedure', 'ich möchte mich beschweren', 'quiero poner una queja', 'quero fazer uma reclamação'])
      expect(escalationWish(text), text).toBe('complaint');
    for (const text of ['escalate this please', 'Can I speak to a supervisor?', 'let me talk to your manager', 'I need a specialist', 'quiero hablar con un supervisor', 'ich möchte mit einem Vorgesetzten sprechen'])
      expect(escalationWish(text), text).toBe('specialist');
    // Describing the problem stays the assistant's: it explains the charge first.
    for (const text of ['why was I charged twice?', 'This is a complaint about the charge on my card', 'my TV says not part of household', 'how do I cancel', 'I want a refund', 'my manager at work shares this account'])
      expect(escalationWish(text), text).toBeNull();
  });

  it('names the partner and what to ask them', () => {
    expect(partnerAdvice('Northwind Mobile', 'billing')).toMatch(/billed by Northwind Mobile.*ask Northwind Mobile for the date and amount/);
    expect(partnerAdvice('Northwind Mobile', 'technical')).toContain('ask Northwind Mobile');
  });

  it('treats a billing dispute as unresolved when not (fully) upheld or past its due date, never other topics', () => {
    const due = at('2026-03-31T12:00:00Z');
    const billing = { topic: 'billing' as const, answerDue: due };
    expect(billingDisputeUnresolved({ ...billing, status: 'resolved', outcome: 'not_upheld' }, at('2026-03-20T00:00:00Z'))).toBe(true);
    expect(billingDisputeUnresolved({ ...billing, status: 'resolved', outcome: 'partly_upheld' }, at('2026-03-20T00:00:00Z'))).toBe(true);
    expect(billingDisputeUnresolved({ ...billing, status: 'resolved', outcome: 'upheld' }, at('2026-04-20T00:00:00Z'))).toBe(false);
    expect(billingDisputeUnresolved({ ...billing, status: 'in_progress', outcome: null }, at('2026-03-20T00:00:00Z'))).toBe(false);
    expect(billingDisputeUnresolved({ ...billing, status: 'in_progress', outcome: null }, at('2026-04-01T00:00:00Z'))).toBe(true);
    expect(billingDisputeUnresolved({ topic: 'technical', answerDue: due, status: 'resolved', outcome: 'not_upheld' }, at('2026-03-20T00:00:00Z'))).toBe(false);
  });

  it('writes each passed date down once, and nothing once answered', () => {
    const open = { status: 'open' as const, acknowledgedAt: null, acknowledgeDue: at('2026-03-12T12:00:00Z'), answerDue: at('2026-03-31T12:00:00Z') };
    expect(overdueSteps(open, [], at('2026-03-12T11:00:00Z'))).toEqual([]);
    expect(overdueSteps(open, [], at('2026-03-13T00:00:00Z'))).toEqual(['acknowledge_overdue']);
    expect(overdueSteps(open, ['acknowledge_overdue'], at('2026-03-13T00:00:00Z'))).toEqual([]);
    expect(overdueSteps(open, ['acknowledge_overdue'], at('2026-04-01T00:00:00Z'))).toEqual(['answer_overdue']);
    expect(overdueSteps({ ...open, acknowledgedAt: at('2026-03-11T00:00:00Z') }, [], at('2026-04-01T00:00:00Z'))).toEqual(['answer_overdue']);
    expect(overdueSteps({ ...open, status: 'resolved' }, [], at('2026-04-01T00:00:00Z'))).toEqual([]);
  });
});
