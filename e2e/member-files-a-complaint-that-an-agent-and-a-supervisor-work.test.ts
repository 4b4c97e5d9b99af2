import { describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { CHAT_OPEN_TIME, journeyForBlock, mainText, shooter, signInAgent, signInMember, startChat } from './journey.ts';

/**
 * Emi (billed by Northwind Mobile) complains from the chat; Morgan, a
 * supervisor, assigns it to Sam, who acknowledges, notes and proposes;
 * Morgan gives the final answer. Emi follows each step on her support page,
 * never the internal note, and is told what to ask Northwind Mobile and,
 * the dispute unresolved, where to go next.
 */
describe.skipIf(!hasChromium)('a member files a complaint that an agent and a supervisor work', () => {
  const journey = journeyForBlock(CHAT_OPEN_TIME);

  it('gives a reference from the chat, shows the deadlines on the desk, and every member-facing step on the support page', async () => {
    const base = journey().base;
    const member = await journey().newPage('desktop');
    const memberShot = shooter(member, 'complaint-member', 'desktop');
    await signInMember(member, base, 'emi@demo.reelhouse.example');
    const log = await startChat(member, base, 'There is a Reelhouse charge on my phone bill I did not agree to');
    await log.getByText(/Northwind Mobile/).first().waitFor({ timeout: 45_000 });

    await member.getByRole('textbox', { name: 'Message' }).fill('This is not good enough, I want to make a complaint');
    await member.getByRole('button', { name: 'Send' }).click();
    await member.getByRole('button', { name: 'Make a formal complaint' }).click();
    await log.getByText(/Your reference is CMP-/).waitFor();
    const reference = /CMP-[A-Z0-9]{8}/.exec(await log.innerText())?.[0] ?? '';
    expect(reference).toMatch(/^CMP-[A-Z0-9]{8}$/);
    expect(await log.innerText()).toContain('billed by Northwind Mobile');
    await memberShot('reference-in-chat');

    await member.goto(`${base}/account/support`);
    const card = member.getByRole('listitem', { name: `Formal complaint ${reference}` });
    await card.getByText('Received').waitFor();
    // Filed on Friday 27 November: answered within 15 working days, by Friday 18 December.
    expect(await card.innerText()).toContain('We will answer by December 18, 2026');
    expect(await card.innerText()).toContain('ask Northwind Mobile');

    // Morgan, a supervisor, sees it with its deadlines and gives it to Sam.
    const morgan = await journey().newPage('desktop');
    const morganShot = shooter(morgan, 'complaint-supervisor', 'desktop');
    await signInAgent(morgan, base, 'morgan@agents.reelhouse.example');
    // The desk's home shows the complaint's nearest deadline.
    const deadlines = morgan.getByRole('region', { name: 'Complaint deadlines' });
    await deadlines.getByText(reference).waitFor();
    expect(await deadlines.innerText()).toMatch(/acknowledge: 4 d 0 h left/);
    await morgan.getByRole('link', { name: 'Complaints', exact: true }).click();
    const row = morgan.getByRole('row').filter({ hasText: reference });
    expect(await row.innerText()).toMatch(/4 d 0 h left/);
    await morganShot('queue');
    await row.getByRole('link', { name: reference }).click();
    await morgan.getByLabel('Assign to').selectOption({ label: 'Sam Rivera (agent)' });
    await morgan.getByRole('button', { name: 'Assign' }).click();
    await morgan.getByText('Sam, a specialist, is now handling it.').waitFor();

    // Sam works it: acknowledges, notes for the team, proposes.
    const sam = await journey().newPage('desktop');
    await signInAgent(sam, base, 'sam@agents.reelhouse.example');
    await sam.getByRole('link', { name: 'Complaints', exact: true }).click();
    await sam.getByRole('link', { name: reference }).click();
    const addStep = async (page: typeof sam, step: string, summary: string) => {
      await page.getByLabel('Next step').selectOption({ label: step });
      await page.getByLabel('Summary').fill(summary);
      await page.getByRole('button', { name: 'Add step' }).click();
      await page.getByText(summary).first().waitFor();
    };
    await addStep(sam, 'Acknowledge (standard words if left empty)', 'We have your complaint and are checking the charge with our billing records.');
    await addStep(sam, 'Internal note (the member never sees it)', 'Partner-billed: no Reelhouse ledger charge in November.');
    await addStep(sam, 'Proposal to the member', 'We found no charge of ours in November; Northwind Mobile can show the line on your bill.');

    // Morgan gives the final answer.
    await morgan.reload();
    await morgan.getByLabel('Next step').selectOption({ label: 'Final answer' });
    await morgan.getByLabel('Outcome').selectOption({ label: 'Not upheld' });
    await morgan.getByLabel('Summary').fill('Our records show no charge by us; the line is Northwind Mobile\'s. Ask them to review it.');
    await morgan.getByRole('button', { name: 'Add step' }).click();
    await morgan.getByText('Final answer given').first().waitFor();
    await morganShot('answered');

    // Emi reads every step meant for her, with who and when, and where to go next.
    await member.reload();
    await card.getByText('Final answer given').waitFor();
    const text = await mainText(member);
    for (const words of ['Sam, a specialist, is now handling it.', 'We have your complaint and are checking', 'We found no charge of ours in November', 'Our records show no charge by us', 'Not upheld', 'If this is still not settled'])
      expect(text).toContain(words);
    expect(text).not.toContain('Partner-billed: no Reelhouse ledger charge');
    expect(text).toContain('National Consumer Affairs Center of Japan');
    await memberShot('steps');
  }, 150_000);
});
