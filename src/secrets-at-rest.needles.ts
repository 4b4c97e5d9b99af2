/**
 * What secrets-at-rest.test.ts types and looks for: the secrets in their
 * usual wording, the patterns that find them in any column, and the places
 * one is kept on purpose.
 */
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Needle } from './platform/testing/database-scan.ts';
import type { TestApp } from './platform/testing/test-app.ts';
import { STORED_TEXT_COLUMNS } from './stored-text-columns.ts';

export const CARD_SPACED = '4111 1111 1111 1111';
export const CARD_DASHED = '5555-5555-5555-4444';
export const PASSWORD = 'hunter2-Secret!';
export const ONE_TIME_CODE = '739214';
export const CVC = '731';

/** Digits alone, not glued to other digits, letters or the separators of a time or a decimal (a timestamp's fraction is not a code). */
const standalone = (digits: string) => new RegExp(`(?<![0-9A-Za-z.:_-])${digits}(?![0-9A-Za-z])`);
const cardPattern = (groups: string[]) => new RegExp(groups.join('[ -]?'));

export function needles(serviceCode: string): Needle[] {
  return [
    { name: 'card number (spaces)', pattern: cardPattern(CARD_SPACED.split(' ')) },
    { name: 'card number (dashes)', pattern: cardPattern(CARD_DASHED.split('-')) },
    { name: 'password', pattern: /hunter2/i },
    { name: 'one-time code', pattern: standalone(ONE_TIME_CODE) },
    { name: 'service code', pattern: standalone(serviceCode) },
    { name: 'cvc', pattern: standalone(CVC) },
  ];
}

/** The sentences a member types, each a secret in its usual wording. */
export function phrases(serviceCode: string): string[] {
  return [
    `card ${CARD_SPACED} cvc ${CVC}`,
    `Visa ${CARD_DASHED}`,
    `my password is ${PASSWORD}`,
    `the code you sent me is ${ONE_TIME_CODE}`,
    `my service code is ${serviceCode}`,
  ];
}

/** Everything in one message, for fields that take a paragraph. */
export const paragraph = (serviceCode: string) => `Hello, ${phrases(serviceCode).join(', and ')}.`;

/**
 * Where one secret is kept on purpose, each with the condition that makes it
 * acceptable, checked whenever the secret is found there.
 */
export const EXCEPTIONS: { column: string; needle: string; why: string; holds: (t: TestApp, serviceCode: string) => Promise<void> }[] = [
  ...['support_messages.body', 'support_conversations.first_message'].map((column) => ({
    column, needle: 'service code',
    why: 'the chat keeps a service code the member typed until the desk has checked it (the agent reads it there); verifying or resolving the case removes it',
    holds: async (t: TestApp, serviceCode: string) => {
      const { rows } = await sql<{ id: string; status: string; verified: boolean }>`
        select c.id, c.status, exists (select 1 from desk_cases d where d.conversation_id = c.id and d.verified_at is not null) as verified
        from support_conversations c
        where c.first_message ~ ${serviceCode} or exists (select 1 from support_messages m where m.conversation_id = c.id and m.body ~ ${serviceCode})`.execute(t.database.db);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.status, row.id).not.toBe('closed');
        expect(row.verified, row.id).toBe(false);
      }
    },
  })),
];

/**
 * Every column classified as typed words must show a removal token after the
 * channels ran (proof that a channel reached it and redaction happened), but
 * these, for the reason given.
 */
const NOT_REACHED: Record<string, string> = {
  'desk_refund_reservations.reason': 'a reservation is deleted once its refund is recorded; the same reason is checked in desk_audit_log.details and billing_ledger.note',
  'safety_reports.reporter_note': 'only a mail forwarded to the reporting address (SMTP) carries a note; src/modules/safety/reports/smtp-listener.test.ts checks it is redacted',
  'safety_reports.review_reason': "set by the security team's desk through setReportStatus; reports.service.test.ts checks it is redacted",
  'safety_reports.links': "a secret shows in a link only when the scammer's link carries it; report.rules.test.ts checks keepAsEvidence on links",
  'safety_reports.signals': "evidence quotes only the words a sign rests on, a secret only when it is in them; report.rules.test.ts checks keepAsEvidence on it",
};
export const MUST_SHOW_REDACTION = Object.entries(STORED_TEXT_COLUMNS).filter(([column, kind]) => kind.kind === 'redacted' && !(column in NOT_REACHED)).map(([column]) => column);
