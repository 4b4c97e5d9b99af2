import type { FastifyReply, FastifyRequest } from 'fastify';
import { newId } from '../../platform/ids.ts';
import { redactForStorage } from '../safety/redaction/index.ts';
import {
  endSessions, findAccount, findDevice, findDeviceByName, findSessionByTokenHash, insertDevice, insertSession,
  listDevices, listOpenSessions, removeDevice as removeDeviceRow, touchDevice, touchSession,
} from './accounts.repository.ts';
import { approximateLocation, describeUserAgent, isUnfamiliarLocation } from './device.rules.ts';
import { accessEnded, forbidden, notFound, unauthenticated } from './identity.errors.ts';
import type { IdentityContext } from './identity-context.ts';
import { sessionAlive, shouldTouchSession } from './identity.rules.ts';
import type { AccountRecord, DeviceRecord, DeviceType, Role } from './identity.tables.ts';
import { newToken, sha256 } from './secrets.ts';
import { checkCsrf, clearSessionCookie, DEVICE_COOKIE, readCookie, SESSION_COOKIE, setDeviceCookie, setSessionCookie, userAgentOf } from './session-cookies.ts';
import { recordSecurityEvent } from './security-events.ts';


/** A device's name as stored (and so as looked up): at most 100 characters, redacted. Storing and finding must agree. */
function storedDeviceName(name: string): string {
  return redactForStorage(name.slice(0, 100));
}
export type MemberContext = {
  accountId: string;
  ownerAccountId: string;
  role: Role;
  sessionId: string;
  deviceId: string | null;
};

export type Device = {
  id: string; accountId: string; type: DeviceType; name: string; networkId: string | null;
  location: string | null; lastUsedAt: string; removedAt: string | null;
};

export function toDevice(row: DeviceRecord): Device {
  return {
    id: row.id, accountId: row.account_id, type: row.type, name: row.name, networkId: row.network_id, location: row.location,
    lastUsedAt: new Date(row.last_used_at).toISOString(), removedAt: row.removed_at === null ? null : new Date(row.removed_at).toISOString(),
  };
}

/** A device joins the account; a new one in another country than the account's is a takeover signal. */
export async function registerDevice(ctx: IdentityContext, options: { account: AccountRecord; type: DeviceType; name: string; networkId: string | null; ip?: string }): Promise<DeviceRecord> {
  const now = ctx.clock.now();
  const where = approximateLocation(options.ip);
  const device: DeviceRecord = {
    // A device's name is typed freely (the TV's, a sign-in's): kept redacted.
    id: newId('dev'), account_id: options.account.id, type: options.type, name: storedDeviceName(options.name), network_id: options.networkId,
    location: options.ip === undefined ? null : where.label, created_at: now, last_used_at: now, removed_at: null,
  };
  await insertDevice(ctx.db, device);
  const unfamiliar = isUnfamiliarLocation(options.account.country, where);
  await recordSecurityEvent(ctx, {
    accountId: options.account.id,
    kind: 'new_device',
    summary: `New device signed in: ${device.name}${device.location ? `, ${device.location}` : ''}.`,
    details: { device_id: device.id, unfamiliar, location: device.location },
  });
  return device;
}

/**
 * The device this sign-in comes from: the one named in the request, the
 * browser's remembered one, or a new one. A network given with the sign-in
 * (the simulated Wi-Fi) becomes the device's network; without one it keeps
 * the network it had.
 */
async function deviceForSignIn(ctx: IdentityContext, account: AccountRecord, request: FastifyRequest, named?: { type: DeviceType; name: string }, networkId?: string): Promise<DeviceRecord> {
  const location = approximateLocation(request.ip).label;
  const existing = named
    ? await findDeviceByName(ctx.db, account.id, named.type, storedDeviceName(named.name))
    : await rememberedDevice(ctx, account, request);
  if (existing) {
    await touchDevice(ctx.db, existing.id, ctx.clock.now(), { location, ...(networkId === undefined ? {} : { networkId }) });
    return networkId === undefined ? existing : { ...existing, network_id: networkId };
  }
  const described = named ?? describeUserAgent(userAgentOf(request));
  return registerDevice(ctx, { account, type: described.type, name: described.name, networkId: networkId ?? null, ip: request.ip });
}

/** Tells household (through the registry's hook) which network a device signed in from; never fails the sign-in. */
async function announceSignIn(ctx: IdentityContext, event: { accountId: string; deviceId: string; networkId: string | null }): Promise<void> {
  if (event.networkId === null || !ctx.hooks.onDeviceSignedIn) return;
  try {
    await ctx.hooks.onDeviceSignedIn({ accountId: event.accountId, deviceId: event.deviceId, networkId: event.networkId });
  } catch (error) {
    ctx.logger?.error({ err: error, accountId: event.accountId, deviceId: event.deviceId }, 'device sign-in hook failed');
  }
}

/** The day an extra member's access ended, or null while they may still sign in (owners always may). */
export async function extraMemberAccessEnded(ctx: IdentityContext, account: AccountRecord): Promise<string | null> {
  if (account.role !== 'extra_member' || !ctx.hooks.accessCheck) return null;
  const access = await ctx.hooks.accessCheck(account.id);
  const until = access?.accessUntil ?? null;
  // Billing's access_until is the day the membership (or the slot) stops: access ends when it is reached.
  return until !== null && until <= ctx.clock.today() ? until : null;
}

/** Refuses, after a correct password, an extra member whose access has ended. */
export async function assertMayWatch(ctx: IdentityContext, account: AccountRecord): Promise<void> {
  const ended = await extraMemberAccessEnded(ctx, account);
  if (ended !== null) throw accessEnded(ended);
}

async function rememberedDevice(ctx: IdentityContext, account: AccountRecord, request: FastifyRequest): Promise<DeviceRecord | undefined> {
  const id = readCookie(request, DEVICE_COOKIE);
  if (id === undefined) return undefined;
  const device = await findDevice(ctx.db, id);
  return device && device.account_id === account.id && device.removed_at === null ? device : undefined;
}

/** Signs the account in on this browser: a new session token in the cookie, only its hash stored. */
export async function startSession(ctx: IdentityContext, options: { account: AccountRecord; request: FastifyRequest; reply: FastifyReply; device?: { type: DeviceType; name: string }; networkId?: string }): Promise<{ sessionId: string; deviceId: string }> {
  const { account, request, reply } = options;
  const device = await deviceForSignIn(ctx, account, request, options.device, options.networkId);
  const token = newToken();
  const now = ctx.clock.now();
  const sessionId = newId('ses');
  await insertSession(ctx.db, {
    id: sessionId, account_id: account.id, token_hash: sha256(token), device_id: device.id, created_at: now, last_used_at: now,
    location: approximateLocation(request.ip).label, user_agent: userAgentOf(request) ?? null, ended_at: null,
  });
  setSessionCookie(reply, request, token);
  setDeviceCookie(reply, request, device.id);
  await announceSignIn(ctx, { accountId: account.id, deviceId: device.id, networkId: device.network_id });
  return { sessionId, deviceId: device.id };
}

/** The signed-in account of this request, or null; no CSRF check (reads only). */
export async function currentSession(ctx: IdentityContext, request: FastifyRequest): Promise<{ account: AccountRecord; member: MemberContext } | null> {
  const token = readCookie(request, SESSION_COOKIE);
  if (token === undefined) return null;
  const session = await findSessionByTokenHash(ctx.db, sha256(token));
  const now = ctx.clock.now();
  if (!session || !sessionAlive(session, now)) return null;
  const account = await findAccount(ctx.db, session.account_id);
  if (!account) return null;
  // An extra member removed (or whose owner cancelled) stops at access_until, even with a live session.
  if ((await extraMemberAccessEnded(ctx, account)) !== null) return null;
  if (shouldTouchSession(session.last_used_at, now)) {
    await touchSession(ctx.db, session.id, now);
    if (session.device_id) await touchDevice(ctx.db, session.device_id, now);
  }
  return {
    account,
    member: { accountId: account.id, ownerAccountId: account.owner_account_id, role: account.role, sessionId: session.id, deviceId: session.device_id },
  };
}

export async function requireMember(ctx: IdentityContext, request: FastifyRequest): Promise<MemberContext> {
  const current = await currentSession(ctx, request);
  if (!current) throw unauthenticated();
  checkCsrf(request);
  return current.member;
}

export async function requireOwner(ctx: IdentityContext, request: FastifyRequest): Promise<MemberContext> {
  const member = await requireMember(ctx, request);
  if (member.role !== 'owner') throw forbidden();
  return member;
}

export async function signOut(ctx: IdentityContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const current = await currentSession(ctx, request);
  if (current) await endSessions(ctx.db, current.account.id, ctx.clock.now(), { sessionId: current.member.sessionId });
  clearSessionCookie(reply, request);
}

export async function signOutEverywhere(ctx: IdentityContext, accountId: string): Promise<number> {
  return endSessions(ctx.db, accountId, ctx.clock.now());
}

export async function removeDevice(ctx: IdentityContext, accountId: string, deviceId: string): Promise<void> {
  const now = ctx.clock.now();
  // Another account's device answers as a missing one: existence is never revealed.
  if (!(await removeDeviceRow(ctx.db, accountId, deviceId, now))) throw notFound();
  await endSessions(ctx.db, accountId, now, { deviceId });
}

export async function devicesAndSessions(ctx: IdentityContext, member: MemberContext) {
  const [devices, sessions] = await Promise.all([listDevices(ctx.db, member.accountId, { includeRemoved: false }), listOpenSessions(ctx.db, member.accountId)]);
  const now = ctx.clock.now();
  return {
    devices: devices.map((device) => ({
      id: device.id, type: device.type, name: device.name, location: device.location, network_id: device.network_id,
      last_used_at: new Date(device.last_used_at).toISOString(), current: device.id === member.deviceId,
    })),
    sessions: sessions.filter((session) => sessionAlive(session, now)).map((session) => ({
      id: session.id, device_id: session.device_id, created_at: new Date(session.created_at).toISOString(),
      last_used_at: new Date(session.last_used_at).toISOString(), location: session.location, current: session.id === member.sessionId,
    })),
  };
}
