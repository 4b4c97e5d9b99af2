import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { newId } from '../../platform/ids.ts';
import { householdError, notFound } from './household.errors.ts';
import type { Device, IdentityPort, Mailer, MemberContext } from './household.ports.ts';
import {
  claimCodeAttempt,
  createHouseholdIfMissing,
  devicesSeenOn,
  ensureNetwork,
  findHousehold,
  issueUpdateCode,
  listDeviceCodes,
  recordSighting,
  setPrimaryNetwork,
  useUpdateCode,
  type Network,
} from './household.repository.ts';
import { isInHousehold, judgeUpdateCode, tvStartMessage, UPDATE_CODE_MAX_ATTEMPTS, UPDATE_CODE_REFUSALS, updateCodeExpiry, type UpdateCodeVerdict } from './household.rules.ts';
import { codeMatches, hashCode, newSixDigitCode } from './household.secrets.ts';
import type { HouseholdDb } from './household.tables.ts';

export type HouseholdServiceDeps = { db: HouseholdDb; clock: Clock; identity: IdentityPort; mailer: Mailer; logger?: Logger };

export type HouseholdDeviceView = {
  id: string;
  type: Device['type'];
  name: string;
  location: string | null;
  network_id: string | null;
  last_used_at: string;
  current: boolean;
  in_household: boolean;
};

export type HouseholdView = { primary_network: Network | null; devices: HouseholdDeviceView[] };
export type TvStart = { device_id: string; status: 'in_household' | 'not_in_household'; message: string };

/** `net_beach_house` reads as "Beach house" until someone names it. */
export function defaultNetworkName(networkId: string): string {
  const words = networkId.replace(/^net_/, '').replace(/_/g, ' ').trim();
  return words === '' ? networkId : words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The household is per signed-in account: the owner's is the membership's
 * household; an extra member, who by definition watches elsewhere, has one of
 * their own.
 */
export function createHouseholdService(deps: HouseholdServiceDeps) {
  const { db, clock, identity, mailer } = deps;

  async function activeDevice(accountId: string, deviceId: string): Promise<Device> {
    const device = (await identity.listDevices(accountId)).find((candidate) => candidate.id === deviceId && candidate.removedAt === null);
    if (!device) throw notFound('device');
    return device;
  }

  /** A device connecting from a network; identity may call it on every sign-in, the household page does on every view. */
  async function noteDeviceConnection(options: { accountId: string; deviceId: string; networkId: string }): Promise<void> {
    await ensureNetwork(db, { id: options.networkId, name: defaultNetworkName(options.networkId) });
    await recordSighting(db, { deviceId: options.deviceId, accountId: options.accountId, networkId: options.networkId, at: clock.now() });
  }

  async function describeHousehold(member: MemberContext): Promise<HouseholdView> {
    const devices = (await identity.listDevices(member.accountId)).filter((device) => device.removedAt === null);
    for (const device of devices) {
      if (device.networkId !== null) await noteDeviceConnection({ accountId: member.accountId, deviceId: device.id, networkId: device.networkId });
    }
    const household = await findHousehold(db, member.accountId);
    const primary = household?.primaryNetwork ?? null;
    const seen = primary ? await devicesSeenOn(db, member.accountId, primary.id) : new Set<string>();
    return {
      primary_network: primary,
      devices: devices.map((device) => ({
        id: device.id,
        type: device.type,
        name: device.name,
        location: device.location,
        network_id: device.networkId,
        last_used_at: device.lastUsedAt,
        current: device.id === member.deviceId,
        in_household: isInHousehold({ type: device.type, networkId: device.networkId, seenOnPrimary: seen.has(device.id) }, primary?.id ?? null),
      })),
    };
  }

  /** The simulated TV: signs in on a network; the first TV of an account makes that network its household. */
  async function startTv(options: { member: MemberContext; deviceName: string; networkId: string }): Promise<TvStart> {
    const { member } = options;
    await ensureNetwork(db, { id: options.networkId, name: defaultNetworkName(options.networkId) });
    const device = await identity.registerDevice({ accountId: member.accountId, type: 'tv', name: options.deviceName, networkId: options.networkId });
    await recordSighting(db, { deviceId: device.id, accountId: member.accountId, networkId: options.networkId, at: clock.now() });
    if (await createHouseholdIfMissing(db, member.accountId, options.networkId, clock.now())) {
      deps.logger?.info({ accountId: member.accountId, networkId: options.networkId }, 'first TV set the household');
    }
    const household = await findHousehold(db, member.accountId);
    const inHousehold = isInHousehold({ type: 'tv', networkId: options.networkId, seenOnPrimary: false }, household?.primaryNetwork.id ?? null);
    return { device_id: device.id, status: inHousehold ? 'in_household' : 'not_in_household', message: tvStartMessage(inHousehold) };
  }

  /** Sends a 6-digit code to the account's email or phone; entering it on the TV makes the TV's network the household. */
  async function requestUpdateCode(options: { member: MemberContext; deviceId: string; channel: 'email' | 'sms' }): Promise<{ channel: 'email' | 'sms'; expires_at: string }> {
    const { member } = options;
    const device = await activeDevice(member.accountId, options.deviceId);
    if (device.type !== 'tv') throw householdError('HOUSEHOLD_NOT_A_TV', 'The household is updated from a TV.', { status: 422 });
    if (device.networkId === null) throw householdError('HOUSEHOLD_NO_NETWORK', 'This TV is not connected to a network.', { status: 422 });
    const account = await identity.getAccount(member.accountId);
    if (!account) throw notFound('account');
    const to = options.channel === 'email' ? account.email : account.phone;
    if (!to) throw householdError('HOUSEHOLD_NO_PHONE', 'There is no phone number on this account; choose email.', { status: 422, field: 'body.channel' });

    const code = newSixDigitCode();
    const id = newId('hcode');
    const now = clock.now();
    await ensureNetwork(db, { id: device.networkId, name: defaultNetworkName(device.networkId) });
    await issueUpdateCode(db, {
      id, account_id: member.accountId, device_id: device.id, network_id: device.networkId, code_hash: hashCode(id, code),
      channel: options.channel, created_at: now, expires_at: updateCodeExpiry(now),
    });
    const body = `Your household update code is ${code}. Enter it on "${device.name}" within 15 minutes. Only the newest code works. If you did not ask for it, ignore this message: nothing changes without the code. We will never ask you for this code by phone or chat.`;
    await mailer.send(options.channel === 'email' ? { channel: 'email', to, subject: 'Your household update code', body, purpose: 'a household update code asked for on one of your devices' } : { channel: 'sms', to, body });
    deps.logger?.info({ accountId: member.accountId, deviceId: device.id, channel: options.channel }, 'household update code sent');
    return { channel: options.channel, expires_at: updateCodeExpiry(now).toISOString() };
  }

  const refuseCode = (reason: Exclude<UpdateCodeVerdict, { ok: true }>['reason']): never => {
    throw householdError('HOUSEHOLD_CODE_INVALID', UPDATE_CODE_REFUSALS[reason], { status: 400, field: 'body.code' });
  };

  /**
   * The guess is counted against the newest live code before it is compared
   * (row locked), so guesses sent all at once cannot get more than five
   * compared; past five nothing is compared. Only the newest code works.
   */
  async function judgeGuess(accountId: string, deviceId: string, guess: string) {
    for (let round = 0; ; round += 1) {
      const codes = await listDeviceCodes(db, accountId, deviceId);
      const now = clock.now();
      const newest = codes.find((candidate) => candidate.used_at === null && candidate.superseded_at === null) ?? null;
      let attemptsBefore = newest?.failed_attempts ?? 0;
      if (newest && now.getTime() < new Date(newest.expires_at).getTime()) {
        const claim = await claimCodeAttempt(db, newest.id, UPDATE_CODE_MAX_ATTEMPTS);
        // Used or replaced between the read and the lock: read the codes again.
        if (!claim.counted && claim.reason === 'gone' && round < 2) continue;
        if (!claim.counted) return refuseCode(claim.reason === 'exhausted' ? 'too_many_attempts' : 'superseded');
        attemptsBefore = claim.before;
      }
      const matched = codes.find((candidate) => codeMatches(candidate.id, guess, candidate.code_hash)) ?? null;
      const isNewest = matched !== null && matched.id === newest?.id;
      const verdict = judgeUpdateCode(
        matched && {
          createdAt: matched.created_at, expiresAt: matched.expires_at, usedAt: matched.used_at,
          // A live code that is not the newest (two requests issued at once) is treated as replaced.
          supersededAt: matched.superseded_at ?? (matched.used_at === null && !isNewest ? matched.created_at : null),
          failedAttempts: isNewest ? attemptsBefore : matched.failed_attempts,
        },
        now,
      );
      if (!verdict.ok) return refuseCode(verdict.reason);
      return { code: matched as NonNullable<typeof matched>, now };
    }
  }

  async function confirmUpdate(options: { member: MemberContext; deviceId: string; code: string }): Promise<{ primary_network: Network }> {
    const { member } = options;
    const device = await activeDevice(member.accountId, options.deviceId);
    const { code, now } = await judgeGuess(member.accountId, device.id, options.code);
    if (!(await useUpdateCode(db, code.id, now))) refuseCode('used');
    await setPrimaryNetwork(db, member.accountId, code.network_id, now);
    await recordSighting(db, { deviceId: device.id, accountId: member.accountId, networkId: code.network_id, at: now });
    const household = await findHousehold(db, member.accountId);
    const primary = household?.primaryNetwork ?? { id: code.network_id, name: defaultNetworkName(code.network_id) };
    await identity.recordSecurityEvent({ accountId: member.accountId, kind: 'household_updated', summary: `Household updated from "${device.name}" to the connection "${primary.name}".`, at: now });
    deps.logger?.info({ accountId: member.accountId, deviceId: device.id, networkId: primary.id }, 'household updated');
    return { primary_network: primary };
  }

  /** Demo seeding: a household on a named network, kept as it is when one exists. */
  async function ensureHousehold(options: { accountId: string; network: Network }): Promise<boolean> {
    await ensureNetwork(db, options.network);
    return createHouseholdIfMissing(db, options.accountId, options.network.id, clock.now());
  }

  return { describeHousehold, startTv, requestUpdateCode, confirmUpdate, noteDeviceConnection, ensureHousehold };
}

export type HouseholdService = ReturnType<typeof createHouseholdService>;
