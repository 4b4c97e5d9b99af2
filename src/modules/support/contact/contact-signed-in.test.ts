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

  it('takes the member as verified by their sign-in, keeps no service code, and shows no number to dial', async () => {
    const member = createHttpClient(t.app.server);
    await member.open();
    expect((await member.post('/api/sign-in', { login: 'ben@demo.reelhouse.example', password: 'reelhouse-demo' })).statusCode).toBe(200);
    const response = await member.request('POST', '/help/contact/call', 'text=I+was+charged+twice+this+month&intent=billing.multiple_charges', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.statusCode, response.body).toBe(201);
    // Digits inside ids (cb_01a2…) are not phone numbers: only a free-standing run counts.
    expect(response.body).not.toMatch(/(?<![\w-])\+?\d[\d\s().-]{8,}\d(?![\w-])/);
    const rows = await sql<Record<string, unknown>>`SELECT * FROM support_callback_requests`.execute(t.database.db);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ account_id: 'acct_demo_ben', verified_with: 'session' });
    expect(rows.rows[0]?.verified_at).not.toBeNull();
    expect(Object.keys(rows.rows[0] ?? {})).not.toContain('service_code');
  });

  it('treats a visitor as a visitor: the code must be typed', async () => {
    const visitor = createHttpClient(t.app.server);
    const response = await visitor.request('POST', '/help/contact/call', 'text=I+was+charged+twice&intent=billing.multiple_charges', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('service code');
  });

  it('checks a visitor\'s typed code with identity when the request is made: a live code verifies, a wrong one is refused and counted', async () => {
    const ben = createHttpClient(t.app.server);
    await ben.open();
    expect((await ben.post('/api/sign-in', { login: 'ben@demo.reelhouse.example', password: 'reelhouse-demo' })).statusCode).toBe(200);
    const { code } = (await ben.get('/api/me/service-code')).json() as { code: string };
    const visitor = createHttpClient(t.app.server);
    const wrongCode = code === '000000' ? '000001' : '000000';
    const wrong = await visitor.request('POST', '/help/contact/call', `text=call+me&intent=contact.agent&service_code=${wrongCode}`, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(wrong.statusCode).toBe(422);
    const right = await visitor.request('POST', '/help/contact/call', `text=call+me&intent=contact.agent&service_code=${code}`, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(right.statusCode, right.body).toBe(201);
    expect(right.body).not.toContain(code);
    const rows = await sql<Record<string, unknown>>`SELECT * FROM support_callback_requests WHERE verified_with = 'service_code'`.execute(t.database.db);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ account_id: 'acct_demo_ben' });
    expect(JSON.stringify(rows.rows)).not.toContain(code);
    const checks = await sql<{ valid: boolean }>`SELECT valid FROM identity_service_code_checks ORDER BY at, id`.execute(t.database.db);
    expect(checks.rows.map((row) => row.valid)).toEqual([false, true]);
  });
});
