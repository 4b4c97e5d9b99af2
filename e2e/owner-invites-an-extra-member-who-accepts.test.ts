import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { mainText, openJourney, see, shooter, type Journey, type ViewportName } from './journey.ts';

describe.skipIf(!hasChromium)('an owner invites an extra member, who accepts from the emailed link', () => {
  let journey: Journey;
  beforeAll(async () => {
    journey = await openJourney('2026-11-27T18:30:00Z');
  });
  afterAll(async () => {
    await journey?.close();
  });

  // Premium owners with a free extra-member place.
  const owners: Record<ViewportName, { email: string; name: string }> = {
    desktop: { email: 'ava@demo.reelhouse.example', name: 'Ava Moreno' },
    phone: { email: 'karim@demo.reelhouse.example', name: 'Karim Haddad' },
  };

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`sees the charge before sending, then the accepted member in the list (${viewport})`, async () => {
      const owner = owners[viewport];
      const guest = { name: viewport === 'phone' ? 'Sami Haddad' : 'Lucía Moreno', email: `guest.${viewport}@example.org` };
      const page = await journey.newPage(viewport);
      const shot = shooter(page, 'invite-extra-member', viewport);

      await page.goto(`${journey.base}/sign-in`);
      await page.getByLabel('Email or mobile number').fill(owner.email);
      await page.getByLabel('Password', { exact: true }).fill('reelhouse-demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Your membership' }).waitFor();
      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Extra members' }).click();
      await page.getByRole('heading', { name: 'Extra members', level: 1 }).waitFor();
      await see(page, 'Invite an extra member');
      const places = await mainText(page);
      expect(places).toMatch(/0 of 2 extra-member places in use, \S+ a month each\./);
      const slotPrice = /in use, (\S+) a month each/.exec(places)![1]!;
      expect(places).toContain(`today we charge the part of ${slotPrice} that covers the rest of this billing month, then ${slotPrice} a month`);
      await page.getByLabel('Their name').fill(guest.name);
      await page.getByLabel('Their email address').fill(guest.email);
      await shot('invite-form');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await see(page, `Invitation sent to ${guest.email}. It works for 14 days.`);
      const invitations = page.getByRole('region', { name: 'Invitations' });
      await invitations.getByText(guest.email).waitFor();
      expect(await invitations.innerText()).toContain('Waiting to be accepted');
      expect(await mainText(page)).toContain('1 of 2 extra-member places in use');
      await shot('invitation-sent');

      // The place is charged at once, for the rest of the month.
      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Payments' }).click();
      const newest = page.getByRole('table').locator('tbody tr').first();
      await newest.waitFor();
      expect(await newest.innerText()).toContain('Extra member (rest of the month)');
      await shot('payments-extra-member-charge');

      // The guest opens the email (the demo outbox) in their own browser.
      const guestPage = await journey.newPage(viewport);
      const guestShot = shooter(guestPage, 'invite-extra-member', viewport);
      await guestPage.goto(`${journey.base}/dev/outbox`);
      const message = guestPage.getByRole('listitem').filter({ hasText: `to ${guest.email}` }).first();
      await message.waitFor();
      expect(await message.innerText()).toContain(`${owner.name} invited you`);
      await message.getByRole('link', { name: /\/invitations\// }).click();
      await guestPage.getByRole('heading', { name: 'Join as an extra member' }).waitFor();
      await guestPage.getByLabel('Your name').fill(guest.name);
      await guestPage.getByLabel('Choose a password').fill('my-own-password-42');
      await guestShot('accept-invitation');
      await guestPage.getByRole('button', { name: 'Accept invitation' }).click();
      await guestPage.waitForURL(`${journey.base}/account`);
      await see(guestPage, 'Welcome! You are now an extra member.');
      expect(await mainText(guestPage)).toContain(`You sign in with ${guest.email}.`);
      await guestShot('extra-member-welcome');
      await guestPage.context().close();

      // The owner sees the new member.
      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Extra members' }).click();
      const members = page.getByRole('region', { name: 'Extra members' });
      await members.getByText(guest.name).waitFor();
      expect(await members.innerText()).toContain(guest.email);
      expect(await page.getByRole('region', { name: 'Invitations' }).innerText()).toContain('Accepted');
      await shot('extra-member-listed');
      await page.context().close();
    });
  }
});
