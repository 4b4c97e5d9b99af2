/**
 * Which profiles and which viewing the account's owner would not recognise:
 * pure, over plain data, with the time passed in. The results become the
 * security review's `unknown_profile` and `unfamiliar_viewing` signals.
 */
import type { ReviewEvent } from './security-review.rules.ts';

/** A device first seen less than this before a profile was made on it is not yet the owner's usual device. */
export const NEW_DEVICE_MS = 24 * 60 * 60 * 1000;
export const MAX_PROFILES = 5;
/** At most this many unfamiliar viewings are listed in the review (the newest). */
export const MAX_VIEWING_SIGNALS = 10;

export type KnownDevice = {
  id: string; name: string; createdAt: Date; removedAt: Date | null;
  /** Its sign-in was flagged as unfamiliar (another country than the account's): not signed in by the owner. */
  unfamiliar: boolean;
};

/** What the account looks like from the owner's side. */
export type AccountPicture = {
  country: string;
  createdAt: Date;
  devices: readonly KnownDevice[];
  /** Where the account's sessions were (country codes, null for local), and on which device. */
  sessions: readonly { deviceId: string | null; country: string | null }[];
};

export type ProfileFacts = {
  id: string; name: string; createdAt: Date; createdOnDeviceId: string | null; createdBy: 'owner' | 'unknown';
  location: string | null; country: string | null; transferredAt: Date | null;
};
export type ViewingFacts = {
  id: string; profileId: string; title: string; deviceId: string | null; country: string | null; location: string | null; watchedAt: Date;
};

/** The owner's device: never flagged, never removed. */
function ownersDevice(device: KnownDevice | undefined): boolean {
  return device !== undefined && !device.unfamiliar && device.removedAt === null;
}

/** Countries the owner is known in: the account's own and those of sessions on the owner's devices. */
export function familiarCountries(picture: AccountPicture): Set<string> {
  const devices = new Map(picture.devices.map((device) => [device.id, device]));
  const countries = new Set([picture.country]);
  for (const session of picture.sessions) {
    if (session.country === null) continue;
    if (session.deviceId === null || ownersDevice(devices.get(session.deviceId))) countries.add(session.country);
  }
  return countries;
}

/**
 * Who made a profile, judged when it is made: 'unknown' from a device the
 * account did not recognise (first seen within 24 hours, removed, or flagged
 * when it signed in) or from a country where the owner has no session. The
 * account's first devices (first seen within 24 hours of joining) are the
 * owner's: the member who just joined sets up their profiles.
 */
export function profileCreator(picture: AccountPicture, made: { deviceId: string | null; country: string | null; at: Date }): 'owner' | 'unknown' {
  if (made.country !== null && !familiarCountries(picture).has(made.country)) return 'unknown';
  if (made.deviceId === null) return 'owner';
  const device = picture.devices.find((candidate) => candidate.id === made.deviceId);
  if (!ownersDevice(device) || device === undefined) return 'unknown';
  const joiningDevice = device.createdAt.getTime() - picture.createdAt.getTime() < NEW_DEVICE_MS;
  const newDevice = made.at.getTime() - device.createdAt.getTime() < NEW_DEVICE_MS;
  return newDevice && !joiningDevice ? 'unknown' : 'owner';
}

/** Unknown when it was made so, or when the device it was made on has since been removed. */
export function isUnknownProfile(picture: AccountPicture, profile: ProfileFacts): boolean {
  if (profile.createdBy === 'unknown') return true;
  if (profile.createdOnDeviceId === null) return false;
  const device = picture.devices.find((candidate) => candidate.id === profile.createdOnDeviceId);
  return device === undefined || device.removedAt !== null;
}

/** Why a viewing is unfamiliar, or null when it is the owner's. History from before a profile was transferred in is not this account's. */
export function unfamiliarViewingReason(picture: AccountPicture, profile: ProfileFacts | undefined, viewing: ViewingFacts): 'country' | 'device' | 'profile' | null {
  if (profile?.transferredAt && viewing.watchedAt.getTime() < profile.transferredAt.getTime()) return null;
  if (viewing.country !== null && !familiarCountries(picture).has(viewing.country)) return 'country';
  if (viewing.deviceId !== null && !ownersDevice(picture.devices.find((device) => device.id === viewing.deviceId))) return 'device';
  if (profile !== undefined && isUnknownProfile(picture, profile)) return 'profile';
  return null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** '12 November' (UTC). */
export function dayAndMonth(at: Date): string {
  return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]}`;
}

function where(location: string | null, deviceName: string | undefined): string {
  if (location) return ` from ${location}`;
  return deviceName ? ` on ${deviceName}` : '';
}

/** The review events (kinds `unknown_profile` and `unfamiliar_viewing`) for the account's profiles and viewing. */
export function profileReviewEvents(input: { picture: AccountPicture; profiles: readonly ProfileFacts[]; viewing: readonly ViewingFacts[] }): ReviewEvent[] {
  const devices = new Map(input.picture.devices.map((device) => [device.id, device]));
  const profiles = new Map(input.profiles.map((profile) => [profile.id, profile]));
  const events: ReviewEvent[] = [];
  for (const profile of input.profiles) {
    if (!isUnknownProfile(input.picture, profile)) continue;
    const device = profile.createdOnDeviceId === null ? undefined : devices.get(profile.createdOnDeviceId);
    events.push({
      kind: 'unknown_profile', at: profile.createdAt,
      summary: `A profile you may not know, ‘${profile.name}’, was created${where(profile.location, device?.name)} on ${dayAndMonth(profile.createdAt)}.`,
      details: { profile_id: profile.id, profile_name: profile.name },
    });
  }
  const unfamiliar = [...input.viewing]
    .sort((a, b) => b.watchedAt.getTime() - a.watchedAt.getTime())
    .flatMap((viewing) => {
      const profile = profiles.get(viewing.profileId);
      const reason = unfamiliarViewingReason(input.picture, profile, viewing);
      return reason === null ? [] : [{ viewing, profile, reason }];
    })
    .slice(0, MAX_VIEWING_SIGNALS);
  for (const { viewing, profile, reason } of unfamiliar) {
    const device = viewing.deviceId === null ? undefined : devices.get(viewing.deviceId);
    events.push({
      kind: 'unfamiliar_viewing', at: viewing.watchedAt,
      summary: `Someone watched ‘${viewing.title}’ on the profile ‘${profile?.name ?? 'deleted'}’${where(viewing.location, device?.name)} on ${dayAndMonth(viewing.watchedAt)}.`,
      details: { viewing_id: viewing.id, profile_id: viewing.profileId, reason },
    });
  }
  return events;
}
