import { describe, expect, it } from 'vitest';
import { isUnknownProfile, profileCreator, unfamiliarViewingReason, type AccountPicture, type ProfileFacts } from './profile-review.rules.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-05-04T09:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const picture: AccountPicture = {
  country: 'US', createdAt: ago(100),
  devices: [
    { id: 'joined', name: 'Laptop', createdAt: ago(100), removedAt: null, unfamiliar: false },
    { id: 'usual', name: 'TV', createdAt: ago(30), removedAt: null, unfamiliar: false },
    { id: 'fresh', name: 'Tablet', createdAt: new Date(now.getTime() - 3_600_000), removedAt: null, unfamiliar: false },
    { id: 'gone', name: 'Phone', createdAt: ago(20), removedAt: ago(1), unfamiliar: false },
    { id: 'flagged', name: 'Android TV', createdAt: ago(5), removedAt: null, unfamiliar: true },
  ],
  sessions: [{ deviceId: 'usual', country: 'CA' }, { deviceId: 'flagged', country: 'NG' }],
};
const profile = (over: Partial<ProfileFacts> = {}): ProfileFacts => ({
  id: 'p', name: 'guest', createdAt: ago(2), createdOnDeviceId: 'usual', createdBy: 'owner', location: null, country: null, transferredAt: null, ...over,
});

describe('profile review rules', () => {
  it('a profile made on the owner\'s usual device, at home or where the owner signs in, is the owner\'s', () => {
    expect(profileCreator(picture, { deviceId: 'usual', country: 'US', at: now })).toBe('owner');
    expect(profileCreator(picture, { deviceId: 'usual', country: 'CA', at: now })).toBe('owner');
    expect(profileCreator(picture, { deviceId: null, country: null, at: now })).toBe('owner');
  });

  it('a device first seen within 24 hours, removed or flagged, or a country without the owner\'s sessions, makes it unknown', () => {
    expect(profileCreator(picture, { deviceId: 'fresh', country: null, at: now })).toBe('unknown');
    expect(profileCreator(picture, { deviceId: 'gone', country: null, at: now })).toBe('unknown');
    expect(profileCreator(picture, { deviceId: 'flagged', country: null, at: now })).toBe('unknown');
    // The intruder's own session in Nigeria does not make Nigeria familiar.
    expect(profileCreator(picture, { deviceId: 'usual', country: 'NG', at: now })).toBe('unknown');
    // The device the member joined on, right after joining, is theirs.
    const joinedNow = { ...picture, createdAt: new Date(now.getTime() - 3_600_000) };
    expect(profileCreator(joinedNow, { deviceId: 'fresh', country: null, at: now })).toBe('owner');
  });

  it('a profile becomes unknown once the device it was made on is removed', () => {
    expect(isUnknownProfile(picture, profile())).toBe(false);
    expect(isUnknownProfile(picture, profile({ createdOnDeviceId: 'gone' }))).toBe(true);
  });

  it('viewing is unfamiliar from a foreign country, a removed or flagged device, or on an unknown profile; not before a transfer', () => {
    const viewing = { id: 'v', profileId: 'p', title: 'T', deviceId: 'usual', country: 'US', location: null, watchedAt: ago(1) };
    expect(unfamiliarViewingReason(picture, profile(), viewing)).toBeNull();
    expect(unfamiliarViewingReason(picture, profile(), { ...viewing, country: 'NG' })).toBe('country');
    expect(unfamiliarViewingReason(picture, profile(), { ...viewing, deviceId: 'gone' })).toBe('device');
    expect(unfamiliarViewingReason(picture, profile(), { ...viewing, deviceId: 'flagged' })).toBe('device');
    expect(unfamiliarViewingReason(picture, profile({ createdBy: 'unknown' }), viewing)).toBe('profile');
    expect(unfamiliarViewingReason(picture, profile({ transferredAt: ago(0) }), { ...viewing, country: 'NG' })).toBeNull();
  });
});
