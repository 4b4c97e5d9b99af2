import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { redactForStorage } from '../safety/redaction/index.ts';
import { findAccount, findDevice, isUniqueViolation, listDevices } from './accounts.repository.ts';
import { approximateLocation, countryOfLocation } from './device.rules.ts';
import type { IdentityContext } from './identity-context.ts';
import type { ProfileRecord, ViewingRecord } from './identity.tables.ts';
import {
  MAX_PROFILES, profileCreator, profileReviewEvents, type AccountPicture, type ProfileFacts, type ViewingFacts,
} from './profile-review.rules.ts';
import {
  deleteProfile, findProfile, findProfileByName, insertProfile, insertViewing, listProfiles, listSessionPlaces, listViewing, moveProfile,
} from './profiles.repository.ts';
import type { ReviewEvent } from './security-review.rules.ts';
import { listSecurityEvents } from './tokens.repository.ts';

export type Profile = { id: string; name: string; created_at: string };
export type Viewing = { id: string; profile_id: string; profile_name: string | null; title: string; device_id: string | null; location: string | null; watched_at: string };

export const profileNotFound = (): AppError =>
  new AppError({ code: 'NOT_FOUND', message: 'There is no such profile on your account.', status: 404 });
const profileLimit = (): AppError =>
  new AppError({ code: 'PROFILE_LIMIT', message: `An account can have at most ${MAX_PROFILES} profiles. Remove one first.`, status: 409 });
const profileNameTaken = (): AppError =>
  new AppError({ code: 'PROFILE_NAME_TAKEN', message: 'A profile on your account already has this name.', field: 'name', status: 409 });
const deviceNotFound = (): AppError =>
  new AppError({ code: 'NOT_FOUND', message: 'There is no such device on your account.', status: 404 });

const toProfile = (row: ProfileRecord): Profile => ({ id: row.id, name: row.name, created_at: new Date(row.created_at).toISOString() });

/** The account as its owner knows it: devices (with the ones flagged when they signed in), sessions' countries. */
export async function accountPicture(ctx: IdentityContext, accountId: string): Promise<AccountPicture | null> {
  const [account, devices, events, sessions] = await Promise.all([
    findAccount(ctx.db, accountId),
    listDevices(ctx.db, accountId, { includeRemoved: true }),
    listSecurityEvents(ctx.db, accountId, new Date(0)),
    listSessionPlaces(ctx.db, accountId),
  ]);
  if (!account) return null;
  const flagged = new Set(events.filter((event) => event.kind === 'new_device' && event.details.unfamiliar === true).map((event) => String(event.details.device_id)));
  return {
    country: account.country,
    createdAt: new Date(account.created_at),
    devices: devices.map((device) => ({
      id: device.id, name: device.name, createdAt: new Date(device.created_at), removedAt: device.removed_at === null ? null : new Date(device.removed_at), unfamiliar: flagged.has(device.id),
    })),
    sessions: sessions.map((session) => ({ deviceId: session.device_id, country: countryOfLocation(session.location) })),
  };
}

export async function profilesOf(ctx: IdentityContext, accountId: string): Promise<Profile[]> {
  return (await listProfiles(ctx.db, accountId)).map(toProfile);
}

/**
 * A new profile, from the device and place of the request; judged 'owner' or
 * 'unknown' at once (see profile-review.rules). Its name, like a viewing's
 * title, is typed freely and kept redacted.
 */
export async function createProfile(ctx: IdentityContext, options: { accountId: string; name: string; deviceId: string | null; ip?: string; at?: Date }): Promise<Profile> {
  const at = options.at ?? ctx.clock.now();
  const place = approximateLocation(options.ip);
  const location = options.ip === undefined ? null : place.label;
  const [picture, existing] = await Promise.all([accountPicture(ctx, options.accountId), listProfiles(ctx.db, options.accountId)]);
  if (!picture) throw profileNotFound();
  if (existing.length >= MAX_PROFILES) throw profileLimit();
  const row: ProfileRecord = {
    id: newId('prf'), account_id: options.accountId, name: redactForStorage(options.name.trim()), created_at: at, created_on_device_id: options.deviceId,
    created_by: profileCreator(picture, { deviceId: options.deviceId, country: place.country, at }), location, country: place.country, transferred_at: null,
  };
  try {
    await insertProfile(ctx.db, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw profileNameTaken();
    throw error;
  }
  return toProfile(row);
}

/** Removes one of the account's profiles and its viewing; another account's id is NOT_FOUND. */
export async function removeProfile(ctx: IdentityContext, accountId: string, profileId: string): Promise<void> {
  if (!(await deleteProfile(ctx.db, accountId, profileId))) throw profileNotFound();
}

/** Something was watched on one of the account's profiles, on one of its devices (the session's by default), from the request's place. */
export async function recordViewing(ctx: IdentityContext, options: { accountId: string; profileId: string; title: string; deviceId: string | null; ip?: string; at?: Date }): Promise<Viewing> {
  const profile = await findProfile(ctx.db, options.accountId, options.profileId);
  if (!profile) throw profileNotFound();
  if (options.deviceId !== null) {
    const device = await findDevice(ctx.db, options.deviceId);
    if (!device || device.account_id !== options.accountId) throw deviceNotFound();
  }
  const place = approximateLocation(options.ip);
  const row: ViewingRecord = {
    id: newId('vw'), account_id: options.accountId, profile_id: profile.id, title: redactForStorage(options.title.trim()), device_id: options.deviceId,
    country: place.country, location: options.ip === undefined ? null : place.label, watched_at: options.at ?? ctx.clock.now(),
  };
  await insertViewing(ctx.db, row);
  return toViewing(row, profile.name);
}

function toViewing(row: ViewingRecord, profileName: string | null): Viewing {
  return {
    id: row.id, profile_id: row.profile_id, profile_name: profileName, title: row.title, device_id: row.device_id, location: row.location,
    watched_at: new Date(row.watched_at).toISOString(),
  };
}

export const VIEWING_PAGE = 50;

/** The latest 50 things watched on the account. */
export async function recentViewing(ctx: IdentityContext, accountId: string): Promise<Viewing[]> {
  const [rows, profiles] = await Promise.all([listViewing(ctx.db, accountId, { limit: VIEWING_PAGE }), listProfiles(ctx.db, accountId)]);
  const names = new Map(profiles.map((profile) => [profile.id, profile.name]));
  return rows.map((row) => toViewing(row, names.get(row.profile_id) ?? null));
}

/**
 * An owner's profile (by name, any case) moves with its viewing history to
 * their extra member's account. Nothing moves when the owner has no such
 * profile, or the member already has one of that name or five profiles.
 */
export async function transferProfile(ctx: IdentityContext, options: { fromAccountId: string; toAccountId: string; profileName: string }): Promise<{ transferred: boolean; profileId?: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    // Names are stored redacted: the one asked for is looked up the same way.
    const profile = await findProfileByName(trx, options.fromAccountId, redactForStorage(options.profileName.trim()));
    if (!profile || !(await findAccount(trx, options.toAccountId))) return { transferred: false };
    const theirs = await listProfiles(trx, options.toAccountId);
    if (theirs.length >= MAX_PROFILES || theirs.some((other) => other.name.toLowerCase() === profile.name.toLowerCase())) return { transferred: false };
    await moveProfile(trx, profile.id, options.toAccountId, ctx.clock.now());
    return { transferred: true, profileId: profile.id };
  });
}

/** The review events for the account's unknown profiles and unfamiliar viewing since `since`. */
export async function profileSignalsFor(ctx: IdentityContext, accountId: string, since: Date): Promise<ReviewEvent[]> {
  const [picture, profiles, viewing] = await Promise.all([
    accountPicture(ctx, accountId), listProfiles(ctx.db, accountId), listViewing(ctx.db, accountId, { limit: 500, since }),
  ]);
  if (!picture) return [];
  const profileFacts: ProfileFacts[] = profiles.map((row) => ({
    id: row.id, name: row.name, createdAt: new Date(row.created_at), createdOnDeviceId: row.created_on_device_id, createdBy: row.created_by,
    location: row.location, country: row.country, transferredAt: row.transferred_at === null ? null : new Date(row.transferred_at),
  }));
  const viewingFacts: ViewingFacts[] = viewing.map((row) => ({
    id: row.id, profileId: row.profile_id, title: row.title, deviceId: row.device_id, country: row.country, location: row.location, watchedAt: new Date(row.watched_at),
  }));
  return profileReviewEvents({ picture, profiles: profileFacts, viewing: viewingFacts });
}
