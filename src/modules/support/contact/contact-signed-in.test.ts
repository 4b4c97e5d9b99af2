import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../platform/testing/http-client.ts';
import { openTestApp, type TestApp } from '../../../platform/testing/test-app.ts';

describe('contact page for a signed-in member, through the real identity module', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A Wednesday afternoon in New York: calls are open for US members.
    t = await openTestApp({ today: '2026-11-25T19:00:00Z' });
  });
  afterAll(() => t?.close());

  it('attaches a fresh service code to the call request without asking the member for it, and shows no number to dial', async () => {
    const member = createHttpClient(t.app.server);
    await member.open();
    expect((await member.post('/api/sign-in', { login: 'ben@demo.reelhouse.example', password: 'reelhouse-demo' })).statusCode).toBe(200);
    const response = await member.request('POST', '/help/contact/call', 'text=I+was+charged+twice+this+month&intent=billing.multiple_charges', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.statusCode, response.body).toBe(201);
    // Digits inside ids (cb_01a2…) are not phone numbers: only a free-standing run counts.
    expect(response.body).not.toMatch(/(?<![\w-])\+?\d[\d\s().-]{8,}\d(?![\w-])/);
    const rows = await sql<{ account_id: string | null; service_code: string | null }>`SELECT * FROM support_callback_requests`.execute(t.database.db);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ account_id: 'acct_demo_ben', service_code: expect.stringMatching(/^\d{6}$/) });
  });

  it('treats a visitor as a visitor: the code must be typed', async () => {
    const visitor = createHttpClient(t.app.server);
    const response = await visitor.request('POST', '/help/contact/call', 'text=I+was+charged+twice&intent=billing.multiple_charges', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('service code');
  });
});
