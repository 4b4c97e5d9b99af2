import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { joinMember, openIdentityKit, type Browser, type IdentityKit } from './testing/identity-test-kit.ts';

const MINUTE = 60_000;

describeEachDatabase('identity: login help', (open) => {
  let kit: IdentityKit;
  beforeAll(async () => {
    kit = await openIdentityKit(open);
  });
  afterAll(() => kit.close());

  async function visitor(ip?: string): Promise<Browser> {
    const browser = kit.browser(ip ? { ip } : {});
    await browser.start();
    return browser;
  }

  const tokenIn = (body: string): string => /\/reset\?token=([\w-]+)/.exec(body)?.[1] ?? '';
  const codeIn = (body: string): string => /\b(\d{6})\b/.exec(body)?.[1] ?? '';

  it('answers a reset request the same way whether the login exists or not', async () => {
    await joinMember(kit, { email: 'cat@example.com' });
    const browser = await visitor();
    const known = await browser.request('POST', '/api/login-help/reset', { login: 'cat@example.com', channel: 'email' });
    const unknown = await browser.request('POST', '/api/login-help/reset', { login: 'dog@example.com', channel: 'email' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    const outbox = await kit.server.inject({ method: 'GET', url: '/api/dev/outbox?to=dog@example.com' });
    expect(outbox.json().messages).toEqual([]);
  });

  it('resets by email link: works once, signs in, and the old password stops working', async () => {
    const { browser: old } = await joinMember(kit, { email: 'dan@example.com' });
    const browser = await visitor();
    await browser.request('POST', '/api/login-help/reset', { login: 'dan@example.com', channel: 'email' });
    const message = await kit.lastMessage('dan@example.com');
    expect(message.links[0]).toMatch(/^http:\/\/localhost:3000\/reset\?token=/);
    const token = tokenIn(message.body);
    const confirmed = await browser.request('POST', '/api/login-help/reset/confirm', { token, new_password: 'a brand new secret', sign_out_everywhere: false });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().member.email).toBe('dan@example.com');
    expect((await browser.request('GET', '/api/me/devices')).statusCode).toBe(200);
    // Without "sign out everywhere", the other browser stays signed in.
    expect((await old.request('GET', '/api/me/devices')).statusCode).toBe(200);
    const again = await browser.request('POST', '/api/login-help/reset/confirm', { token, new_password: 'another new secret', sign_out_everywhere: false });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('RESET_INVALID');
    const signIn = await visitor();
    expect((await signIn.request('POST', '/api/sign-in', { login: 'dan@example.com', password: 'correct horse battery' })).statusCode).toBe(401);
    expect((await signIn.request('POST', '/api/sign-in', { login: 'dan@example.com', password: 'a brand new secret' })).statusCode).toBe(200);
  });

  it('refuses a link after 15 minutes', async () => {
    await joinMember(kit, { email: 'eve@example.com' });
    const browser = await visitor();
    await browser.request('POST', '/api/login-help/reset', { login: 'eve@example.com', channel: 'email' });
    const token = tokenIn((await kit.lastMessage('eve@example.com')).body);
    kit.clock.advance(15 * MINUTE);
    const late = await browser.request('POST', '/api/login-help/reset/confirm', { token, new_password: 'a brand new secret', sign_out_everywhere: false });
    expect(late.json().error.code).toBe('RESET_INVALID');
  });

  it('resets by SMS code, where only the newest code works, and can sign out every device', async () => {
    const { browser: old } = await joinMember(kit, { email: 'fay@example.com', phone: '+15550100901' });
    const browser = await visitor();
    await browser.request('POST', '/api/login-help/reset', { login: '+1 555 0100 901', channel: 'sms' });
    const first = codeIn((await kit.lastMessage('+15550100901')).body);
    kit.clock.advance(MINUTE);
    await browser.request('POST', '/api/login-help/reset', { login: 'fay@example.com', channel: 'sms' });
    const sms = await kit.lastMessage('+15550100901');
    expect(sms.channel).toBe('sms');
    const second = codeIn(sms.body);
    if (first !== second) {
      const stale = await browser.request('POST', '/api/login-help/reset/confirm', { login: 'fay@example.com', code: first, new_password: 'fay new password', sign_out_everywhere: true });
      expect(stale.json().error.code).toBe('RESET_INVALID');
    }
    kit.clock.advance(14 * MINUTE);
    const confirmed = await browser.request('POST', '/api/login-help/reset/confirm', { login: '+15550100901', code: second, new_password: 'fay new password', sign_out_everywhere: true });
    expect(confirmed.statusCode).toBe(200);
    expect((await old.request('GET', '/api/me/devices')).statusCode).toBe(401);
    expect((await browser.request('GET', '/api/me/devices')).statusCode).toBe(200);
  });

  it('makes an earlier email link useless once a newer one is sent', async () => {
    await joinMember(kit, { email: 'gus@example.com' });
    const browser = await visitor();
    await browser.request('POST', '/api/login-help/reset', { login: 'gus@example.com', channel: 'email' });
    const older = tokenIn((await kit.lastMessage('gus@example.com')).body);
    await browser.request('POST', '/api/login-help/reset', { login: 'gus@example.com', channel: 'email' });
    const newer = tokenIn((await kit.lastMessage('gus@example.com')).body);
    const refused = await browser.request('POST', '/api/login-help/reset/confirm', { token: older, new_password: 'gus new password', sign_out_everywhere: false });
    expect(refused.json().error.code).toBe('RESET_INVALID');
    const accepted = await browser.request('POST', '/api/login-help/reset/confirm', { token: newer, new_password: 'gus new password', sign_out_everywhere: false });
    expect(accepted.statusCode).toBe(200);
  });

  it('limits reset requests per login from any address, known or not, with the time to wait', async () => {
    await joinMember(kit, { email: 'ramona@example.com' });
    for (const login of ['ramona@example.com', 'nobody-here@example.com']) {
      for (let i = 1; i <= 5; i++) {
        const answer = await (await visitor(`203.0.113.${i}`)).request('POST', '/api/login-help/reset', { login, channel: 'email' });
        expect(answer.statusCode).toBe(202);
      }
      const refused = await (await visitor('203.0.113.99')).request('POST', '/api/login-help/reset', { login, channel: 'email' });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.message).toMatch(/Try again in \d+ minutes?\./);
    }
    const sent = await kit.server.inject({ method: 'GET', url: '/api/dev/outbox?to=ramona@example.com' });
    expect(sent.json().messages).toHaveLength(5);
  });

  it('limits wrong SMS codes so six digits cannot be guessed', async () => {
    await joinMember(kit, { email: 'hal@example.com', phone: '+15550100902' });
    const browser = await visitor('203.0.113.50');
    await browser.request('POST', '/api/login-help/reset', { login: 'hal@example.com', channel: 'sms' });
    const code = codeIn((await kit.lastMessage('+15550100902')).body);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await browser.request('POST', '/api/login-help/reset/confirm', { login: 'hal@example.com', code: wrong, new_password: 'hal new password', sign_out_everywhere: false });
      expect(response.json().error.code).toBe('RESET_INVALID');
    }
    const limited = await browser.request('POST', '/api/login-help/reset/confirm', { login: 'hal@example.com', code, new_password: 'hal new password', sign_out_everywhere: false });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.retry_after_seconds).toBeGreaterThan(0);
  });

  it('finds an account by owner name and card: the login goes only to that account\'s email', async () => {
    await joinMember(kit, { email: 'ida@example.com', name: 'Ida Marsh' });
    const browser = await visitor();
    const found = await browser.request('POST', '/api/login-help/find-account', { owner_name: '  ida  MARSH ', card_last4: '4242', card_exp_month: 12, card_exp_year: 2030, country: 'us' });
    const wrongCard = await browser.request('POST', '/api/login-help/find-account', { owner_name: 'Ida Marsh', card_last4: '1111', card_exp_month: 12, card_exp_year: 2030, country: 'US' });
    expect(found.statusCode).toBe(202);
    expect(found.body).toBe(wrongCard.body);
    expect(found.body).not.toContain('ida@example.com');
    const message = await kit.lastMessage('ida@example.com');
    expect(message.subject).toBe('Your Reelhouse login');
    expect(message.body).toContain('ida@example.com');
    // The login-help page of the members' app (WEB_APP_PATHS), not a path nobody serves.
    expect(message.body).toContain('http://localhost:3000/forgot');
  });

  it('gives the same neutral answer and sends nothing for a partner-billed account', async () => {
    const partnerBilling = {
      join: kit.billing.service.join,
      findByAccount: async (accountId: string) => {
        const view = await kit.billing.service.findByAccount(accountId);
        return view && { ...view, billed_by: { kind: 'partner' as const, partner: 'Northwind Mobile' } };
      },
    };
    const partnerKit = await openIdentityKit(open, { billing: partnerBilling });
    try {
      await joinMember(partnerKit, { email: 'jo@example.com', name: 'Jo Park' });
      const browser = partnerKit.browser();
      await browser.start();
      const outboxBefore = (await partnerKit.server.inject({ method: 'GET', url: '/api/dev/outbox?to=jo@example.com' })).json().messages.length;
      const answer = await browser.request('POST', '/api/login-help/find-account', { owner_name: 'Jo Park', card_last4: '4242', card_exp_month: 12, card_exp_year: 2030, country: 'US' });
      expect(answer.statusCode).toBe(202);
      const outboxAfter = (await partnerKit.server.inject({ method: 'GET', url: '/api/dev/outbox?to=jo@example.com' })).json().messages.length;
      expect(outboxAfter).toBe(outboxBefore);
    } finally {
      await partnerKit.close();
    }
  });

  it('never writes passwords, codes or tokens to the logs', async () => {
    await joinMember(kit, { email: 'kit@example.com', phone: '+15550100903', password: 'super secret kit password' });
    const browser = await visitor();
    await browser.request('POST', '/api/sign-in', { login: 'kit@example.com', password: 'wrong secret guess' });
    await browser.request('POST', '/api/login-help/reset', { login: 'kit@example.com', channel: 'sms' });
    const code = codeIn((await kit.lastMessage('+15550100903')).body);
    await browser.request('POST', '/api/login-help/reset', { login: 'kit@example.com', channel: 'email' });
    const token = tokenIn((await kit.lastMessage('kit@example.com')).body);
    await browser.request('POST', '/api/login-help/reset/confirm', { token, new_password: 'kit brand new password', sign_out_everywhere: false });
    const logs = kit.logs();
    expect(logs).toContain('message stored in the outbox');
    for (const secret of ['super secret kit password', 'wrong secret guess', 'kit brand new password', token, browser.cookies.get('usher_session') ?? 'x', browser.cookies.get('usher_csrf') ?? 'x']) {
      expect(logs).not.toContain(secret);
    }
    expect(logs).not.toMatch(new RegExp(`\\b${code}\\b`));
  });
});
