import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { DEMO_AGENT_KEY } from './index.ts';
import { sha256 } from './secrets.ts';
import { joinMember, openIdentityKit, type IdentityKit } from './testing/identity-test-kit.ts';

/** How many answers had each status code. */
const tally = (codes: readonly number[]): Record<number, number> =>
  codes.reduce<Record<number, number>>((counts, code) => ({ ...counts, [code]: (counts[code] ?? 0) + 1 }), {});

describeEachDatabase('identity: attempts sent all at once', (open) => {
  let kit: IdentityKit;
  beforeAll(async () => {
    kit = await openIdentityKit(open);
  });
  afterAll(() => kit.close());

  it('checks no more than five passwords when fifteen wrong ones for one login arrive at once', async () => {
    await joinMember(kit, { email: 'uma@example.com', password: 'uma password 1' });
    const browser = kit.browser({ ip: '198.51.100.21' });
    await browser.start();
    const answers = await Promise.all(Array.from({ length: 15 }, (_, index) =>
      browser.request('POST', '/api/sign-in', { login: 'uma@example.com', password: `guess number ${index}` })));
    const counts = tally(answers.map((answer) => answer.statusCode));
    expect(counts[401] ?? 0).toBeLessThanOrEqual(5);
    expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(15);
    // Every answer is one of the two neutral ones.
    for (const answer of answers) expect(['INVALID_CREDENTIALS', 'RATE_LIMITED']).toContain(answer.json().error.code);
    // The limit is reached: even the right password waits now.
    expect((await browser.request('POST', '/api/sign-in', { login: 'uma@example.com', password: 'uma password 1' })).statusCode).toBe(429);
  });

  it('gives a right password\'s attempt back: it does not count against the address', async () => {
    await joinMember(kit, { email: 'vic@example.com', password: 'vic password 1' });
    const browser = kit.browser({ ip: '198.51.100.22' });
    await browser.start();
    for (let attempt = 0; attempt < 25; attempt += 1) {
      expect((await browser.request('POST', '/api/sign-in', { login: 'vic@example.com', password: 'vic password 1' })).statusCode).toBe(200);
    }
    const { rows } = await sql<{ n: string }>`select count(*) as n from identity_attempt_failures where subject = ${sha256('198.51.100.22')}`.execute(kit.database.db);
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('compares no more than five reset codes when fifteen wrong ones arrive at once', async () => {
    await joinMember(kit, { email: 'wes@example.com', phone: '+15550100931' });
    const browser = kit.browser({ ip: '198.51.100.23' });
    await browser.start();
    await browser.request('POST', '/api/login-help/reset', { login: 'wes@example.com', channel: 'sms' });
    const code = /\b(\d{6})\b/.exec((await kit.lastMessage('+15550100931')).body)?.[1] ?? '';
    const wrong = (index: number) => String((Number(code) + 1 + index) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all(Array.from({ length: 15 }, (_, index) =>
      browser.request('POST', '/api/login-help/reset/confirm', { login: 'wes@example.com', code: wrong(index), new_password: 'wes new password', sign_out_everywhere: false })));
    const codes = answers.map((answer) => answer.json().error.code as string);
    expect(codes.filter((error) => error === 'RESET_INVALID').length).toBeLessThanOrEqual(5);
    expect(codes.every((error) => error === 'RESET_INVALID' || error === 'RATE_LIMITED')).toBe(true);
    const right = await browser.request('POST', '/api/login-help/reset/confirm', { login: 'wes@example.com', code, new_password: 'wes new password', sign_out_everywhere: false });
    expect(right.statusCode).toBe(429);
  });

  it('checks no more than ten unknown service codes from one address when fifteen arrive at once', async () => {
    const before = await sql<{ n: string }>`select count(*) as n from identity_service_code_checks`.execute(kit.database.db);
    const answers = await Promise.all(Array.from({ length: 15 }, (_, index) => kit.server.inject({
      method: 'POST', url: '/api/agent/service-codes/verify', remoteAddress: '198.51.100.24',
      headers: { 'x-agent-key': DEMO_AGENT_KEY }, payload: { code: String(900_000 + index) },
    })));
    const counts = tally(answers.map((answer) => answer.statusCode));
    expect(counts[200] ?? 0).toBeLessThanOrEqual(10);
    expect((counts[200] ?? 0) + (counts[429] ?? 0)).toBe(15);
    const after = await sql<{ n: string }>`select count(*) as n from identity_service_code_checks`.execute(kit.database.db);
    expect(Number(after.rows[0]?.n) - Number(before.rows[0]?.n)).toBe(counts[200] ?? 0);
  });

  it('checks no more than five current passwords when fifteen wrong ones arrive at once', async () => {
    const { browser } = await joinMember(kit, { email: 'xia@example.com' }, { ip: '198.51.100.25' });
    const answers = await Promise.all(Array.from({ length: 15 }, (_, index) =>
      browser.request('POST', '/api/me/email', { new_email: `xia${index}@example.com`, current_password: `not my password ${index}` })));
    const counts = tally(answers.map((answer) => answer.statusCode));
    expect(counts[400] ?? 0).toBeLessThanOrEqual(5);
    expect((counts[400] ?? 0) + (counts[429] ?? 0)).toBe(15);
  });
});
