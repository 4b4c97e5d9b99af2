import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { CHAT_OPEN_TIME, journeyForBlock, readServiceCode, shooter, signInAgent, signInMember, startChat } from './journey.ts';

/**
 * Two browsers at once: Ben, charged twice because a forgotten second
 * account pays with his card, and Sam at the agent desk.
 */
describe.skipIf(!hasChromium)('a member charged twice chats, and an agent refunds the duplicate', () => {
  const journey = journeyForBlock(CHAT_OPEN_TIME);

  it('shows the two accounts on one card, hands off on request, and the agent verifies, refunds and closes with a summary the member downloads', async () => {
    // Sam is on duty at the agent desk, in another browser.
    const agent = await journey().newPage('desktop');
    const agentShot = shooter(agent, 'chat-double-charge-agent', 'desktop');
    await signInAgent(agent, journey().base, 'sam@agents.reelhouse.example');

    const member = await journey().newPage('desktop');
    const memberShot = shooter(member, 'chat-double-charge-member', 'desktop');
    await signInMember(member, journey().base, 'ben@demo.reelhouse.example');
    const log = await startChat(member, journey().base, 'I was charged twice this month for my membership');

    // The assistant reads the ledger: the second account on the same card, with its masked login.
    await log.getByText(/same card/i).first().waitFor({ timeout: 45_000 });
    expect(await log.innerText()).toContain('be…@demo.reelhouse.example');
    await memberShot('explained');

    await member.getByRole('button', { name: 'Talk to a person' }).click();
    await log.getByText(/Your conversation is now with our billing team/i).waitFor();
    await log.getByText(/Sam .*joined/).waitFor({ timeout: 45_000 });
    await memberShot('handed-off');

    const myCases = agent.getByRole('region', { name: 'My open cases' });
    await myCases.getByRole('link').first().click();
    await agent.waitForURL(/\/desk\/cases\/case_/);
    // The case file carries the story: the member need not repeat it.
    const main = agent.locator('main');
    await main.getByText('I was charged twice this month for my membership').first().waitFor();
    expect(await main.innerText()).toMatch(/same card/i);
    // Nothing of the account until the member is verified: not his name, email, card or charges, not in the chat either.
    await main.getByText('Verify the member to see the account').first().waitFor();
    // The socket replays the conversation message by message: read the page once the whole of it is there, hand-off notice included.
    await main.getByText(/Your conversation is now with our billing team/i).first().waitFor();
    await main.getByText('Hidden until the member is verified').first().waitFor();
    const beforeVerification = await main.innerText();
    for (const fact of ['Okafor', 'ben@demo.reelhouse.example', 'ben.okafor.tv', 'ending 4444', '$19.59', '$10.88']) expect(beforeVerification).not.toContain(fact);
    expect(await agent.getByRole('button', { name: 'Refund' }).first().isDisabled()).toBe(true);
    await agentShot('case-before-verification');

    // The agent says hello; an ask for a password is refused before it reaches the member.
    const composer = agent.getByRole('textbox', { name: 'Message' });
    await composer.fill('Hi Ben, I can see the second account. What is your password so I can check?');
    await agent.getByRole('button', { name: 'Send' }).click();
    await agent.getByText(/never ask/i).first().waitFor();
    await composer.fill('Hi Ben, I can see the second account on your card. Could you read me the service code from your app (Help, Service code)?');
    await agent.getByRole('button', { name: 'Send' }).click();
    await log.getByText(/read me the service code/).waitFor();
    expect(await log.innerText()).not.toContain('What is your password');

    // Ben reads the code from his account page; Sam types it.
    const code = await readServiceCode(journey(), 'ben@demo.reelhouse.example');
    await agent.getByLabel('Service code').fill(code);
    await agent.getByRole('button', { name: 'Verify' }).click();
    await agent.getByRole('button', { name: 'Refund' }).first().waitFor();
    await expect.poll(() => agent.getByRole('button', { name: 'Refund' }).first().isEnabled()).toBe(true);
    // Verified: the account, the assistant's findings and its answers in the chat show again.
    await main.getByText('ben@demo.reelhouse.example').first().waitFor();
    expect(await main.innerText()).not.toContain('Hidden until the member is verified');
    await agentShot('verified');

    // The refund form starts on the duplicate's latest charge; the agent gives the reason and confirms.
    await agent.getByLabel('Reason for the refund').fill('Charged by a second account on the same card');
    await agent.getByRole('button', { name: 'Refund' }).first().click();
    await agent.getByRole('button', { name: /^Yes, refund/ }).click();
    await agent.getByText(/^Refunded /).waitFor();
    await agentShot('refunded');

    await agent.getByLabel('Outcome').selectOption({ label: 'Refund given' });
    await agent.getByLabel('Summary for the member').fill('We refunded the charge made by your second account (the one created on a TV). Cancel that account, or ask us to, so it is not billed again.');
    await agent.getByRole('button', { name: 'Resolve' }).click();
    await agent.getByRole('heading', { name: 'Resolved' }).waitFor();

    // Ben keeps the summary, and downloads the transcript.
    await log.getByText(/We refunded the charge made by your second account/).waitFor();
    await memberShot('summary');
    const [download] = await Promise.all([member.waitForEvent('download'), member.getByRole('link', { name: 'Download transcript' }).click()]);
    const transcript = fs.readFileSync((await download.path()) as string, 'utf8');
    expect(transcript).toContain('I was charged twice this month for my membership');
    expect(transcript).toContain('We refunded the charge made by your second account');
    expect(transcript).not.toContain('What is your password');
    expect(transcript).not.toContain(code);

    // The summary stays with his conversations.
    await member.goto(`${journey().base}/chat`);
    const kept = member.getByRole('region', { name: 'What our team did' });
    await kept.getByText('Refund given').waitFor();
    expect(await kept.innerText()).toContain('We refunded the charge made by your second account');
  }, 120_000);
});
