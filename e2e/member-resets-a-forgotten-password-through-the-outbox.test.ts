import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { mainText, openJourney, see, shooter, type Journey, type ViewportName } from './journey.ts';

const OLD_PASSWORD = 'reelhouse-demo';

describe.skipIf(!hasChromium)('a member who forgot the password gets back in with the emailed link', () => {
  let journey: Journey;
  beforeAll(async () => {
    journey = await openJourney('2026-11-27T18:30:00Z');
  });
  afterAll(async () => {
    await journey?.close();
  });

  const members: Record<ViewportName, { name: string; email: string }> = {
    desktop: { name: 'Finn Gallagher', email: 'finn@demo.reelhouse.example' },
    phone: { name: 'Dev Raman', email: 'dev@demo.reelhouse.example' },
  };

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`asks for a link, opens it from the outbox, and only the new password works (${viewport})`, async () => {
      const { name, email } = members[viewport];
      const newPassword = `lighthouse-${viewport}-kettle`;
      const page = await journey.newPage(viewport);
      const shot = shooter(page, 'forgot-password', viewport);

      await page.goto(`${journey.base}/sign-in`);
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
      await page.getByRole('radio', { name: 'A link by email' }).check();
      await page.getByLabel('Email address').fill(email);
      await shot('reset-your-password');
      await page.getByRole('button', { name: 'Email me a link' }).click();
      await page.getByRole('heading', { name: 'Check your email' }).waitFor();
      expect(await mainText(page)).toContain('If an account uses that email address, we have sent it a link to choose a new password. The link works for 15 minutes');
      await shot('check-your-email');

      // The tester opens the demo outbox, as the member would open their mailbox.
      const mailbox = await page.context().newPage();
      const mailShot = shooter(mailbox, 'forgot-password', viewport);
      await mailbox.goto(`${journey.base}/dev/outbox`);
      const message = mailbox.getByRole('listitem').filter({ hasText: `to ${email}` }).first();
      await message.waitFor();
      await mailShot('outbox');
      await message.getByRole('link', { name: /\/reset\?token=/ }).click();

      await mailbox.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      await mailbox.getByLabel('New password').fill(newPassword);
      const everywhere = mailbox.getByRole('checkbox', { name: 'Sign out of all devices' });
      expect(await everywhere.isChecked()).toBe(true);
      await mailShot('choose-a-new-password');
      await mailbox.getByRole('button', { name: 'Save new password' }).click();
      await mailbox.waitForURL(`${journey.base}/account`);
      await see(mailbox, 'Your password has been changed.');
      await mailShot('signed-in-with-new-password');

      // The link works once.
      await mailbox.goBack();
      await mailbox.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      await mailbox.getByLabel('New password').fill('another-password-123');
      await mailbox.getByRole('button', { name: 'Save new password' }).click();
      await see(mailbox, 'Ask for a new one');
      await mailShot('link-already-used');

      // Signed out: the old password is refused, the new one lets the member in.
      await mailbox.goto(`${journey.base}/account`);
      await mailbox.getByRole('button', { name: 'Account' }).click();
      await mailbox.getByRole('button', { name: 'Sign out' }).click();
      await mailbox.waitForURL(/\/sign-in/);
      await mailbox.getByLabel('Email or mobile number').fill(email);
      await mailbox.getByLabel('Password', { exact: true }).fill(OLD_PASSWORD);
      await mailbox.getByRole('button', { name: 'Sign in' }).click();
      await mailbox.getByRole('alert').filter({ hasText: /./ }).first().waitFor();
      const refusal = await mailbox.getByRole('alert').filter({ hasText: /./ }).first().innerText();
      expect(refusal).toMatch(/email|password/i);
      await mailShot('old-password-refused');
      await mailbox.getByLabel('Password', { exact: true }).fill(newPassword);
      await mailbox.getByRole('button', { name: 'Sign in' }).click();
      await mailbox.waitForURL(`${journey.base}/account`);
      await mailbox.getByRole('heading', { name: 'Your membership' }).waitFor();
      await mailbox.getByRole('button', { name: 'Account' }).click();
      await see(mailbox, `Signed in as ${name}`);
      await page.context().close();
    });
  }
});
