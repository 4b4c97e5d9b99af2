import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { mainText, newestCode, openJourney, see, shooter, type Journey, type ViewportName } from './journey.ts';

describe.skipIf(!hasChromium)('a member who moved updates the household from the TV', () => {
  let journey: Journey;
  beforeAll(async () => {
    journey = await openJourney('2026-11-27T18:30:00Z');
  });
  afterAll(async () => {
    await journey?.close();
  });

  // Owners without a TV yet: the first TV sets the household.
  const members: Record<ViewportName, string> = { desktop: 'dev@demo.reelhouse.example', phone: 'jade@demo.reelhouse.example' };

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`signs in a TV at home, moves it, confirms with the emailed code (${viewport})`, async () => {
      const email = members[viewport];
      const page = await journey.newPage(viewport);
      const shot = shooter(page, 'household-update-from-tv', viewport);

      await page.goto(`${journey.base}/sign-in?next=%2Faccount%2Fhousehold`);
      await page.getByLabel('Email or mobile number').fill(email);
      await page.getByLabel('Password', { exact: true }).fill('reelhouse-demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Household', level: 1 }).waitFor();
      await see(page, 'Not set yet. It is set the first time you sign in on a TV at home.');
      await shot('household-not-set');

      // The TV at home: the first TV sets the household.
      await page.getByRole('link', { name: 'Try it on the simulated TV' }).click();
      await page.getByRole('heading', { name: 'Simulated TV' }).waitFor();
      await page.getByLabel('TV name').fill('Living room TV');
      await page.getByRole('radio', { name: 'Home Wi-Fi' }).check();
      await shot('tv-sign-in');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Ready to watch' }).waitFor();
      await shot('tv-ready-at-home');

      // After the move, the same TV on the new connection.
      await page.getByRole('button', { name: 'Start again with another network' }).click();
      await page.getByRole('radio', { name: 'Holiday flat' }).check();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'This TV isn’t part of your household' }).waitFor();
      expect(await mainText(page)).toContain('Connected to Holiday flat.');
      await page.getByRole('radio', { name: 'Email' }).check();
      await shot('tv-not-in-household');
      await page.getByRole('button', { name: 'Send code' }).click();
      await page.getByRole('heading', { name: 'Enter the code' }).waitFor();
      expect(await mainText(page)).toContain('We sent a 6-digit code by email to the account owner. Enter it within 15 minutes.');

      // The code arrives in the owner's mailbox (the demo outbox).
      const code = await newestCode(page, journey.base, email);
      await page.getByLabel('6-digit code').fill(code);
      await shot('tv-enter-code');
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.getByRole('heading', { name: 'Household updated' }).waitFor();
      expect(await mainText(page)).toContain('Your household’s connection is now Holiday flat. This TV is part of your household');
      await shot('tv-household-updated');

      // The account says the same.
      await page.getByRole('button', { name: 'Account' }).click();
      await page.getByRole('link', { name: 'Household' }).click();
      await page.getByRole('heading', { name: 'Household', level: 1 }).waitFor();
      const primary = page.getByRole('region', { name: 'Primary connection' });
      // Named as the TV named it.
      await primary.getByText('Holiday flat', { exact: true }).waitFor();
      const inside = page.getByRole('region', { name: /In your household/ });
      await inside.getByText('Living room TV').waitFor();
      expect(await inside.innerText()).toContain('In household');
      await shot('household-updated');
      await page.context().close();
    });
  }
});
