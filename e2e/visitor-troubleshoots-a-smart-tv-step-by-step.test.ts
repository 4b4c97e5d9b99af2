import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { journeyForBlock, shooter, VIEWPORT_NAMES, VISITOR_TIME } from './journey.ts';

type Run = { flow_id: string; device: string | null; current_step: string; path: { step: string; option: string; confirmed?: boolean }[]; outcome: string | null; solved: boolean | null };

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** What the run recorded, read through the JSON the assistant will use. */
async function runOf(page: Page, base: string): Promise<Run> {
  const runId = /\/runs\/(run_[0-9a-f]+)/.exec(page.url())?.[1];
  if (!runId) throw new Error(`Not on a run's page: ${page.url()}`);
  return (await (await page.request.get(`${base}/api/flow-runs/${runId}`)).json()) as Run;
}

describe.skipIf(!hasChromium)('a visitor troubleshoots a smart TV step by step', () => {
  const journey = journeyForBlock(VISITOR_TIME, { demo: false });

  for (const viewport of VIEWPORT_NAMES) {
    it(`goes through every step, confirms the reinstall warning, and ends up not solved; a second run is solved (${viewport})`, async () => {
      const page = await journey().newPage(viewport);
      const shot = shooter(page, 'help-flow-smart-tv', viewport);

      await page.goto(`${journey().base}/help`);
      await page.getByRole('navigation', { name: 'Help Center' }).getByRole('link', { name: 'Guides' }).click();
      await heading(page, 'Step-by-step guides');
      await shot('guides');

      await page.getByRole('link', { name: /smart TV/i }).click();
      await page.waitForURL(`${journey().base}/help/flows/smart-tv`);
      await heading(page, 'Unplug the TV from power for 15 seconds');
      expect(await page.getByLabel('Which device is this about?').inputValue()).toBe('tv');
      await shot('unplug');

      await page.getByRole('button', { name: 'Still not working' }).click();
      await page.waitForURL(/\/help\/flows\/smart-tv\/runs\/run_/);
      await heading(page, 'Restart your home network');
      await shot('network');

      await page.getByRole('button', { name: 'Still not working' }).click();
      await heading(page, 'Update the TV and the app');
      await shot('update');

      await page.getByRole('button', { name: 'Still not working' }).click();
      await heading(page, 'Reinstall the Reelhouse app on the TV');
      const warning = page.getByRole('alert');
      expect(await warning.innerText()).toContain('This step signs you out.');
      expect(await warning.innerText()).toContain('never cancels your membership');
      await shot('reinstall-warning');

      // Without the tick the browser keeps the visitor on the step.
      const here = page.url();
      await page.getByRole('button', { name: 'Done, still not working' }).click();
      expect(page.url()).toBe(here);
      await heading(page, 'Reinstall the Reelhouse app on the TV');

      await page.getByLabel('I have read the warning above and want to do this step').check();
      await page.getByRole('button', { name: 'Done, still not working' }).click();
      await heading(page, 'Does Reelhouse work on another device on the same network?');
      await shot('other-device');

      await page.getByRole('button', { name: 'Yes, another device works' }).click();
      await heading(page, 'Is this TV still supported?');
      await shot('still-supported');

      await page.getByRole('button', { name: 'It is supported' }).click();
      await heading(page, "Let's get you to a person");
      expect(await page.getByRole('link', { name: 'Contact us' }).last().getAttribute('href')).toBe('/help/contact');
      await shot('end-contact');

      const run = await runOf(page, journey().base);
      expect(run).toMatchObject({ flow_id: 'smart-tv', device: 'tv', current_step: 'contact', outcome: 'contact', solved: false });
      expect(run.path.map((answer) => answer.option)).toEqual(['still', 'still', 'still', 'still', 'yes', 'supported']);
      expect(run.path[3]).toEqual({ step: 'reinstall', option: 'still', confirmed: true });

      // Next evening the same TV plays again after unplugging it.
      await page.getByRole('link', { name: 'Start again' }).click();
      await heading(page, 'Unplug the TV from power for 15 seconds');
      await page.getByRole('button', { name: 'That fixed it' }).click();
      await heading(page, 'Enjoy the show');
      await shot('end-solved');
      expect(await runOf(page, journey().base)).toMatchObject({ flow_id: 'smart-tv', outcome: 'solved', solved: true, path: [{ step: 'power-cycle', option: 'fixed' }] });

      await page.context().close();
    });
  }
});
