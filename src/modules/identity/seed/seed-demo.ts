import { newId } from '../../../platform/ids.ts';
import { DEMO_LATER_MEMBERS, DEMO_MEMBERS, HUGO_LIVING_ROOM_TV } from '../../billing/index.ts';
import { findAccount, findDevice, insertAccount, insertDevice } from '../accounts.repository.ts';
import type { IdentityContext } from '../identity-context.ts';
import { insertProfile, insertViewing, listProfiles } from '../profiles.repository.ts';
import { hashPassword } from '../secrets.ts';
import { recordSecurityEvent } from '../security-events.ts';

/** Every demo member signs in with their email (or phone) and this password. */
export const DEMO_PASSWORD = 'reelhouse-demo';

const LANGUAGES: Record<string, string> = { DE: 'de', JP: 'ja', BR: 'pt' };
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * Chloé's extra member and her living-room TV. Household's demo seed
 * (`DEMO_HOUSEHOLD`: primary network `net_home`, extra member
 * `acct_demo_jonas`) uses the same ids; identity cannot import household, so
 * they are repeated here and a test checks they agree.
 */
export const DEMO_EXTRA_MEMBER = {
  accountId: 'acct_demo_jonas', name: 'Jonas Brandt', email: 'jonas@demo.reelhouse.example', ownerAccountId: 'acct_demo_chloe', joinedDaysAgo: 8,
} as const;
export const DEMO_HOME_TV = { id: 'dev_demo_chloe_tv', accountId: 'acct_demo_chloe', name: 'Living room TV', networkId: 'net_home' } as const;

/** Fictional numbers (the 555-01xx range), one per demo member in list order. */
export function demoPhone(index: number): string {
  return `+1555010${String(index).padStart(4, '0')}`;
}

/**
 * Karim's story for the security review: two devices he does not know signed
 * in from abroad, then the email was changed without confirmation, a
 * profile "guest" was made on the Lagos TV and watched from Nigeria. His
 * login stays the demo address so the demo can still sign in as him.
 */
async function seedKarimTakeover(ctx: IdentityContext, accountId: string): Promise<void> {
  const now = ctx.clock.now().getTime();
  const strangers = [
    { name: 'Android TV', type: 'tv' as const, hoursAgo: 52 },
    { name: 'Chrome on Windows', type: 'computer' as const, hoursAgo: 50 },
  ];
  const deviceIds: string[] = [];
  for (const stranger of strangers) {
    const at = new Date(now - stranger.hoursAgo * HOUR);
    const id = newId('dev');
    deviceIds.push(id);
    await insertDevice(ctx.db, { id, account_id: accountId, type: stranger.type, name: stranger.name, network_id: null, location: 'Lagos, Nigeria', created_at: at, last_used_at: at, removed_at: null });
    await recordSecurityEvent(ctx, { accountId, kind: 'new_device', at, summary: `New device signed in: ${stranger.name}, Lagos, Nigeria.`, details: { device_id: id, unfamiliar: true, location: 'Lagos, Nigeria' } });
  }
  await recordSecurityEvent(ctx, {
    accountId, kind: 'email_changed', at: new Date(now - 49 * HOUR),
    summary: 'The email address was changed to k.haddad.billing@quickmail.example without confirmation.',
    details: { confirmed: false },
  });
  const tv = deviceIds[0] ?? null;
  const guest = { id: newId('prf'), account_id: accountId, name: 'guest', created_at: new Date(now - 48 * HOUR), created_on_device_id: tv, created_by: 'unknown' as const, location: 'Lagos, Nigeria', country: 'NG', transferred_at: null };
  await insertProfile(ctx.db, guest);
  for (const [title, hoursAgo] of [['The Harbour Lights', 47], ['Night Ferry', 30]] as const) {
    await insertViewing(ctx.db, { id: newId('vw'), account_id: accountId, profile_id: guest.id, title, device_id: tv, country: 'NG', location: 'Lagos, Nigeria', watched_at: new Date(now - hoursAgo * HOUR) });
  }
}

/** Every demo owner watches on a profile of their own and a "Kids" one; only when the account has none yet. */
async function seedOwnerProfiles(ctx: IdentityContext, accountId: string, ownerName: string): Promise<void> {
  if ((await listProfiles(ctx.db, accountId)).some((profile) => profile.created_by === 'owner')) return;
  const account = await findAccount(ctx.db, accountId);
  const at = account ? new Date(account.created_at) : ctx.clock.now();
  for (const name of [ownerName.split(' ')[0] ?? ownerName, 'Kids']) {
    await insertProfile(ctx.db, { id: newId('prf'), account_id: accountId, name, created_at: at, created_on_device_id: null, created_by: 'owner', location: null, country: null, transferred_at: null });
  }
}

/** Jonas's login (extra member of Chloé's membership, his own phone number) and Chloé's TV on `net_home`. */
async function seedChloeHousehold(ctx: IdentityContext): Promise<number> {
  const owner = await findAccount(ctx.db, DEMO_EXTRA_MEMBER.ownerAccountId);
  if (!owner) return 0;
  let created = 0;
  const now = ctx.clock.now().getTime();
  if (!(await findAccount(ctx.db, DEMO_EXTRA_MEMBER.accountId))) {
    const joined = new Date(now - DEMO_EXTRA_MEMBER.joinedDaysAgo * DAY);
    await insertAccount(ctx.db, {
      id: DEMO_EXTRA_MEMBER.accountId, name: DEMO_EXTRA_MEMBER.name, email: DEMO_EXTRA_MEMBER.email, phone: demoPhone(DEMO_MEMBERS.length),
      password_hash: await hashPassword(DEMO_PASSWORD), country: owner.country, language: owner.language,
      role: 'extra_member', owner_account_id: owner.id, created_at: joined, updated_at: joined,
    });
    created += 1;
  }
  if (!(await findDevice(ctx.db, DEMO_HOME_TV.id))) {
    const since = new Date(now - 150 * DAY);
    await insertDevice(ctx.db, {
      id: DEMO_HOME_TV.id, account_id: DEMO_HOME_TV.accountId, type: 'tv', name: DEMO_HOME_TV.name, network_id: DEMO_HOME_TV.networkId,
      location: 'Berlin, Germany', created_at: since, last_used_at: new Date(now - 3 * HOUR), removed_at: null,
    });
  }
  return created;
}

/** The TV that restarted Hugo's membership (billing's demo records it as the restart's actor), so his devices list it too. */
async function seedHugoTv(ctx: IdentityContext): Promise<void> {
  const tv = HUGO_LIVING_ROOM_TV;
  if (!tv.deviceId || !tv.accountId || (await findDevice(ctx.db, tv.deviceId)) || !(await findAccount(ctx.db, tv.accountId))) return;
  const now = ctx.clock.now().getTime();
  await insertDevice(ctx.db, {
    id: tv.deviceId, account_id: tv.accountId, type: 'tv', name: tv.deviceName ?? 'TV', network_id: 'net_hugo_home',
    location: 'Montréal, Canada', created_at: new Date(now - 400 * DAY), last_used_at: new Date(now - 6 * DAY), removed_at: null,
  });
}

/** Logins for the billing demo members (same account ids), once; a second call changes nothing. */
export async function seedDemoLogins(ctx: IdentityContext): Promise<{ created: number }> {
  let created = 0;
  // The later members' phones come after Jonas's (DEMO_MEMBERS.length): the first twelve and Jonas keep theirs.
  const members = [...DEMO_MEMBERS.entries(), ...DEMO_LATER_MEMBERS.map((member, i) => [DEMO_MEMBERS.length + 1 + i, member] as const)];
  for (const [index, member] of members) {
    if (await findAccount(ctx.db, member.accountId)) {
      await seedOwnerProfiles(ctx, member.accountId, member.name);
      continue;
    }
    const now = ctx.clock.now();
    await insertAccount(ctx.db, {
      id: member.accountId, name: member.name, email: member.email, phone: demoPhone(index), password_hash: await hashPassword(DEMO_PASSWORD),
      country: member.country, language: LANGUAGES[member.country] ?? 'en', role: 'owner', owner_account_id: member.accountId, created_at: now, updated_at: now,
    });
    await seedOwnerProfiles(ctx, member.accountId, member.name);
    if (member.accountId === 'acct_demo_karim') await seedKarimTakeover(ctx, member.accountId);
    created += 1;
  }
  created += await seedChloeHousehold(ctx);
  await seedHugoTv(ctx);
  return { created };
}
