import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { openHouseholdKit, type HouseholdKit } from './testing/household-test-kit.ts';

const MINUTE = 60 * 1000;

function codeIn(kit: HouseholdKit, to: string): string {
  const match = /\b(\d{6})\b/.exec(kit.mailer.lastTo(to).body);
  if (!match) throw new Error('no code in the message');
  return match[1];
}

describeEachDatabase('household and the simulated TV', (open) => {
  async function kitWithOwner(): Promise<{ kit: HouseholdKit; owner: ReturnType<HouseholdKit['identity']['contextOf']>; email: string }> {
    const kit = await openHouseholdKit(open, { today: '2026-03-01T10:00:00Z' });
    await kit.joinOwner({ accountId: 'acct_tv', phone: '+15550001111' });
    return { kit, owner: kit.identity.contextOf('acct_tv'), email: 'acct_tv@example.test' };
  }

  it('makes the first TV ever signed in the household, and tells a TV on another network it is not part of it', async () => {
    const { kit, owner } = await kitWithOwner();
    const first = await kit.household.household.startTv({ member: owner, deviceName: 'Living room', networkId: 'net_home' });
    expect(first.status).toBe('in_household');
    const away = await kit.household.household.startTv({ member: owner, deviceName: 'Cabin TV', networkId: 'net_cabin' });
    expect(away).toMatchObject({ status: 'not_in_household' });
    expect(away.message).toContain("This TV isn't part of your household");
    const view = await kit.household.household.describeHousehold(owner);
    expect(view.primary_network).toEqual({ id: 'net_home', name: 'Home' });
    expect(view.devices.map((device) => [device.name, device.in_household])).toEqual([['Living room', true], ['Cabin TV', false]]);
  });

  it('moves the household to the TV\'s network with a code entered within 15 minutes', async () => {
    const { kit, owner, email } = await kitWithOwner();
    await kit.household.household.startTv({ member: owner, deviceName: 'Old flat', networkId: 'net_old_flat' });
    const tv = await kit.household.household.startTv({ member: owner, deviceName: 'New home TV', networkId: 'net_new_home' });
    await kit.household.household.requestUpdateCode({ member: owner, deviceId: tv.device_id, channel: 'email' });
    const message = kit.mailer.lastTo(email);
    expect(message).toMatchObject({ channel: 'email', subject: 'Your household update code' });
    kit.clock.advance(14 * MINUTE);
    const confirmed = await kit.household.household.confirmUpdate({ member: owner, deviceId: tv.device_id, code: codeIn(kit, email) });
    expect(confirmed.primary_network).toEqual({ id: 'net_new_home', name: 'New home' });
    expect(kit.identity.securityEvents.map((event) => event.kind)).toContain('household_updated');
    const again = await kit.household.household.startTv({ member: owner, deviceName: 'New home TV 2', networkId: 'net_new_home' });
    expect(again.status).toBe('in_household');
  });

  it('sends the code by SMS to the owner\'s phone', async () => {
    const { kit, owner } = await kitWithOwner();
    const tv = await kit.household.household.startTv({ member: owner, deviceName: 'TV', networkId: 'net_home' });
    await kit.household.household.requestUpdateCode({ member: owner, deviceId: tv.device_id, channel: 'sms' });
    expect(kit.mailer.lastTo('+15550001111').channel).toBe('sms');
  });

  it('refuses an expired, a used and a superseded code', async () => {
    const { kit, owner, email } = await kitWithOwner();
    await kit.household.household.startTv({ member: owner, deviceName: 'Home TV', networkId: 'net_home' });
    const tv = await kit.household.household.startTv({ member: owner, deviceName: 'Beach TV', networkId: 'net_beach' });
    const confirm = (code: string) => kit.household.household.confirmUpdate({ member: owner, deviceId: tv.device_id, code });
    const request = () => kit.household.household.requestUpdateCode({ member: owner, deviceId: tv.device_id, channel: 'email' });

    await request();
    const expired = codeIn(kit, email);
    kit.clock.advance(15 * MINUTE);
    await expect(confirm(expired)).rejects.toMatchObject({ code: 'HOUSEHOLD_CODE_INVALID', status: 400, message: expect.stringContaining('expired') });

    await request();
    const older = codeIn(kit, email);
    await request();
    const newest = codeIn(kit, email);
    if (older !== newest) await expect(confirm(older)).rejects.toMatchObject({ code: 'HOUSEHOLD_CODE_INVALID', message: expect.stringContaining('newer code') });
    await confirm(newest);
    await expect(confirm(newest)).rejects.toMatchObject({ code: 'HOUSEHOLD_CODE_INVALID', message: expect.stringContaining('already been used') });
    expect((await kit.household.household.describeHousehold(owner)).primary_network?.id).toBe('net_beach');
  });

  it('stops a code after five wrong guesses', async () => {
    const { kit, owner, email } = await kitWithOwner();
    const tv = await kit.household.household.startTv({ member: owner, deviceName: 'TV', networkId: 'net_home' });
    await kit.household.household.requestUpdateCode({ member: owner, deviceId: tv.device_id, channel: 'email' });
    const right = codeIn(kit, email);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let guess = 0; guess < 5; guess += 1) {
      await expect(kit.household.household.confirmUpdate({ member: owner, deviceId: tv.device_id, code: wrong })).rejects.toMatchObject({ code: 'HOUSEHOLD_CODE_INVALID' });
    }
    await expect(kit.household.household.confirmUpdate({ member: owner, deviceId: tv.device_id, code: right })).rejects.toMatchObject({ code: 'HOUSEHOLD_CODE_INVALID' });
  });

  it('recognises a phone once it has joined the home network, wherever it goes next', async () => {
    const { kit, owner } = await kitWithOwner();
    await kit.household.household.startTv({ member: owner, deviceName: 'TV', networkId: 'net_home' });
    const phone = kit.identity.addDevice({ accountId: 'acct_tv', type: 'phone', name: 'Pixel', networkId: 'net_mobile' });
    const inHousehold = async () => (await kit.household.household.describeHousehold(owner)).devices.find((device) => device.id === phone.id)?.in_household;
    expect(await inHousehold()).toBe(false);
    kit.identity.moveDevice(phone.id, 'net_home');
    expect(await inHousehold()).toBe(true);
    kit.identity.moveDevice(phone.id, 'net_cafe');
    expect(await inHousehold()).toBe(true);
  });

  it('answers 404 for another account\'s TV and refuses to update from a phone', async () => {
    const { kit, owner } = await kitWithOwner();
    kit.identity.addOwner({ id: 'acct_other', name: 'Other', email: 'other@example.test', country: 'US' });
    const theirs = await kit.household.household.startTv({ member: kit.identity.contextOf('acct_other'), deviceName: 'Their TV', networkId: 'net_theirs' });
    await expect(kit.household.household.requestUpdateCode({ member: owner, deviceId: theirs.device_id, channel: 'email' })).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    const phone = kit.identity.addDevice({ accountId: 'acct_tv', type: 'phone', name: 'Phone', networkId: 'net_home' });
    await expect(kit.household.household.requestUpdateCode({ member: owner, deviceId: phone.id, channel: 'email' })).rejects.toMatchObject({ code: 'HOUSEHOLD_NOT_A_TV' });
  });

  it('seeds the demo household once', async () => {
    const kit = await openHouseholdKit(open, { today: '2026-03-01' });
    kit.identity.addOwner({ id: 'acct_demo_chloe', name: 'Chloé Brandt', email: 'chloe@demo.reelhouse.example', country: 'DE' });
    expect(await kit.household.seedDemo()).toEqual({ seeded: true });
    expect(await kit.household.seedDemo()).toEqual({ seeded: false });
    const view = await kit.household.household.describeHousehold(kit.identity.contextOf('acct_demo_chloe'));
    expect(view.primary_network).toEqual({ id: 'net_home', name: 'Home' });
    const extra = await kit.household.extraMembers.overview(kit.identity.contextOf('acct_demo_chloe'));
    expect(extra.members).toEqual([{ account_id: 'acct_demo_jonas', name: 'Jonas Brandt', email: 'jonas@demo.reelhouse.example', access_until: null }]);
  });
});
