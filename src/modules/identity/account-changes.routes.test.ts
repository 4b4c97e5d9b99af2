import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { joinMember, openIdentityKit, type IdentityKit } from './testing/identity-test-kit.ts';

const DAY = 24 * 60 * 60_000;
const undoTokenIn = (body: string): string => /\/security\/undo\?token=([\w-]+)/.exec(body)?.[1] ?? '';

describeEachDatabase('identity: email, phone and password changes', (open) => {
  let kit: IdentityKit;
  beforeAll(async () => {
    kit = await openIdentityKit(open);
  });
  afterAll(() => kit.close());

  it('alerts the old email with an undo link that restores it and signs out everywhere', async () => {
    const { browser } = await joinMember(kit, { email: 'lea@example.com' });
    const changed = await browser.request('POST', '/api/me/email', { new_email: 'lea.new@example.com', current_password: 'correct horse battery' });
    expect(changed.statusCode).toBe(200);
    expect((await browser.request('GET', '/api/session')).json().member.email).toBe('lea.new@example.com');
    const alert = await kit.lastMessage('lea@example.com');
    expect(alert.subject).toBe('Your Reelhouse email address was changed');
    expect(alert.links[0]).toMatch(/^http:\/\/localhost:3000\/security\/undo\?token=/);

    const other = kit.browser();
    await other.start();
    kit.clock.advance(6 * DAY);
    const undone = await other.request('POST', '/api/security/undo', { token: undoTokenIn(alert.body) });
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toEqual({ restored: 'email', signed_out_everywhere: true });
    expect((await browser.request('GET', '/api/me/devices')).statusCode).toBe(401);
    const signIn = await other.request('POST', '/api/sign-in', { login: 'lea@example.com', password: 'correct horse battery' });
    expect(signIn.statusCode).toBe(200);
    const again = await other.request('POST', '/api/security/undo', { token: undoTokenIn(alert.body) });
    expect(again.json().error.code).toBe('UNDO_INVALID');
  });

  it('refuses an undo link after 7 days', async () => {
    const { browser } = await joinMember(kit, { email: 'max@example.com' });
    await browser.request('POST', '/api/me/email', { new_email: 'max.new@example.com', current_password: 'correct horse battery' });
    const token = undoTokenIn((await kit.lastMessage('max@example.com')).body);
    kit.clock.advance(7 * DAY);
    expect((await browser.request('POST', '/api/security/undo', { token })).json().error.code).toBe('UNDO_INVALID');
  });

  it('needs the current password, and refuses an email another account uses', async () => {
    await joinMember(kit, { email: 'ned@example.com' });
    const { browser } = await joinMember(kit, { email: 'ora@example.com' });
    const wrong = await browser.request('POST', '/api/me/email', { new_email: 'ora2@example.com', current_password: 'not my password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'current_password' });
    const taken = await browser.request('POST', '/api/me/email', { new_email: 'NED@example.com', current_password: 'correct horse battery' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('EMAIL_TAKEN');
  });

  it('undoes a password change: the old password works again', async () => {
    const { browser } = await joinMember(kit, { email: 'pat@example.com' });
    await browser.request('POST', '/api/me/password', { new_password: 'intruder password', current_password: 'correct horse battery' });
    const alert = await kit.lastMessage('pat@example.com');
    expect(alert.subject).toBe('Your Reelhouse password was changed');
    await browser.request('POST', '/api/security/undo', { token: undoTokenIn(alert.body) });
    const signIn = kit.browser();
    await signIn.start();
    expect((await signIn.request('POST', '/api/sign-in', { login: 'pat@example.com', password: 'intruder password' })).statusCode).toBe(401);
    expect((await signIn.request('POST', '/api/sign-in', { login: 'pat@example.com', password: 'correct horse battery' })).statusCode).toBe(200);
  });

  it('alerts the old phone by SMS when the phone number changes', async () => {
    const { browser } = await joinMember(kit, { email: 'quy@example.com', phone: '+15550100911' });
    expect((await browser.request('POST', '/api/me/phone', { new_phone: '+1 555 0100 912', current_password: 'correct horse battery' })).statusCode).toBe(200);
    const sms = await kit.lastMessage('+15550100911');
    expect(sms.channel).toBe('sms');
    expect(sms.body).toContain('/security/undo?token=');
    expect((await browser.request('GET', '/api/session')).json().member.phone).toBe('+15550100912');
  });
});
