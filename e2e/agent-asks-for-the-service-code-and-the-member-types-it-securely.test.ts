import { describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { CHAT_OPEN_TIME, journeyForBlock, readServiceCode, shooter, signInAgent, signInMember, startChat } from './journey.ts';

/**
 * Verification that never exposes the service code: Sam asks for it from
 * the desk, Ben types it into the secure field of his chat (not a message),
 * and both screens say "Identity verified" without anyone reloading.
 */
describe.skipIf(!hasChromium)('an agent asks for the service code and the member types it into the secure field', () => {
  const journey = journeyForBlock(CHAT_OPEN_TIME);

  it('opens the field on the agent\'s request, checks the code on the server, and both sides see identity verified', async () => {
    const agent = await journey().newPage('desktop');
    const agentShot = shooter(agent, 'service-code-agent', 'desktop');
    await signInAgent(agent, journey().base, 'sam@agents.reelhouse.example');

    const member = await journey().newPage('phone');
    const memberShot = shooter(member, 'service-code-member', 'phone');
    await signInMember(member, journey().base, 'ben@demo.reelhouse.example');
    const log = await startChat(member, journey().base, 'I was charged twice this month for my membership');
    await log.getByText(/same card/i).first().waitFor({ timeout: 45_000 });
    await member.getByRole('button', { name: 'Talk to a person' }).click();
    await log.getByText(/Sam .*joined/).waitFor({ timeout: 45_000 });
    // No field before anyone asks.
    expect(await member.getByRole('form', { name: 'Service code for the agent' }).count()).toBe(0);

    await agent.getByRole('region', { name: 'My open cases' }).getByRole('link').first().click();
    await agent.waitForURL(/\/desk\/cases\/case_/);
    const main = agent.locator('main');
    await main.getByText('Verify the member to see the account').first().waitFor();
    await agent.getByRole('button', { name: 'Ask for the service code' }).click();
    await main.getByText('Waiting for the member').waitFor();
    await agentShot('asked');

    // Ben's chat opens the secure field: its own input, a one-time-code field with a numeric keyboard.
    const field = member.getByRole('form', { name: 'Service code for the agent' });
    await field.waitFor();
    const input = field.getByLabel('Service code');
    expect(await input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await input.getAttribute('inputmode')).toBe('numeric');
    await memberShot('field-open');

    // He reads the code in the app (here: his account page in another tab) and types it into the field.
    const code = await readServiceCode(journey(), 'ben@demo.reelhouse.example');
    await input.fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await field.getByRole('button', { name: 'Send code securely' }).click();

    // Both sides see the system line in their own clock (the browsers run in UTC, en-US), without a reload.
    await log.getByText(/Identity verified with the service code at 3:00\sPM/).waitFor();
    await field.waitFor({ state: 'detached' });
    await memberShot('verified');
    await agent.getByRole('log', { name: 'Chat with the member' }).getByText(/Identity verified with the service code at 3:00\sPM/).waitFor();
    await main.getByText('ben@demo.reelhouse.example').first().waitFor();
    await main.getByText(/^Verified$/).first().waitFor();
    expect(await main.innerText()).not.toContain('Hidden until the member is verified');
    await agentShot('verified');

    // The code is on neither screen, nor in the conversation.
    expect(await log.innerText()).not.toContain(code);
    expect(await main.innerText()).not.toContain(code);
  }, 180_000);
});
