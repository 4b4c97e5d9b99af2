import { describe, expect, it } from 'vitest';
import { checkAgentMessage } from './agent-message.ts';

describe('what an agent may send a member', () => {
  it('blocks a message asking for a password or a one-time code, and says why', () => {
    expect(checkAgentMessage('Can you tell me your password so I can check?')).toContain('We never ask members for passwords');
    expect(checkAgentMessage('Please read me the code we just texted you.')).toContain('service code');
  });

  it('lets through asking for the service code, and saying we never ask for passwords', () => {
    expect(checkAgentMessage('Could you read me the 6-digit service code under Help in the app?')).toBeNull();
    expect(checkAgentMessage('We will never ask for your password.')).toBeNull();
  });
});
