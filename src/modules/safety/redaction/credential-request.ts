export type CredentialRequest = { kind: 'password' | 'one_time_code' | 'cvv'; start: number; end: number };

/** Asking forms: "can you send me", "please confirm", "what's your", "I need your", "reply with", "type it here". */
const ASK = String.raw`(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|just\s+|quickly\s+)?(?:give|send|tell|share|provide|read|confirm|forward|text|paste|type|let\s+me\s+(?:know|have))|please\s+(?:just\s+)?(?:give|send|tell|share|provide|read|confirm|forward|paste|reply\s+with)|(?:^|[\s,;:(])(?:give|send|tell|share|provide|read|confirm|forward|paste)\s+(?:me|us)|reply\s+with|i\s*(?:'ll|will|would|'d)?\s*need|we\s*(?:'ll|will|would|'d)?\s*need|what\s*(?:is|'s|was|are)|may\s+i\s+(?:have|get|ask\s+for)|can\s+i\s+(?:have|get|ask\s+for)|(?:type|enter|write)\s+(?:it|(?:your|the)\s+[\w\s-]{0,30}?)\s+(?:here|below|in\s+(?:the|this)\s+chat|to\s+me))`;

/** What must never be asked for. Not the service code (agents verify with it), not an error, promo or zip code. */
const CREDENTIALS: { kind: CredentialRequest['kind']; pattern: string }[] = [
  { kind: 'password', pattern: String.raw`\b(?:pass\s?words?|passwd|pwd|passphrase|passcode|log\s?-?in\s+(?:details|credentials|info)|sign[\s-]?in\s+(?:details|credentials))\b` },
  {
    kind: 'one_time_code',
    pattern: String.raw`\b(?:one[\s-]time\s+(?:pass)?(?:code|password|pin)|otp|2fa\s+code|verification\s+code|confirmation\s+code|security\s+code\s+(?:we|i)\s+(?:just\s+)?(?:sent|texted|emailed)|(?:login|log-in|sign[\s-]?in|reset|household|auth(?:entication)?|access|sms|text)\s+code|(?:\d|six|four|eight)[\s-]digit\s+code|code\s+(?:we|i|that\s+we|you)\s+(?:just\s+)?(?:sent|texted|emailed|received|got)|code\s+(?:in|from)\s+(?:the|your)\s+(?:text|sms|email|message))\b`,
  },
  { kind: 'cvv', pattern: String.raw`\b(?:cvv2?|cvc2?|csc|(?:card\s+)?security\s+code\s+(?:on|from)\s+the\s+back|(?:three|3)\s+digits\s+on\s+the\s+back|full\s+card\s+number)\b` },
];

const NEGATED = /\b(?:never|not|don't|dont|do\s+not|won't|will\s+not|shouldn't|no\s+one|nobody|no\s+need)\b/i;
const CLAUSE = /[^.!?\n]+[.!?]*/g;

/**
 * Whether a message (an agent's, before it is sent) asks for a password, a
 * one-time code or a card security code: an asking form and a credential in
 * the same sentence, with no negation before the ask ("we will never ask for
 * your password" is fine). Asking for the service code is allowed. Pure.
 */
export function findCredentialRequest(text: string): CredentialRequest | null {
  const ask = new RegExp(ASK, 'gi');
  for (const clause of text.matchAll(CLAUSE)) {
    const sentence = clause[0];
    const asks = [...sentence.matchAll(ask)];
    if (asks.length === 0) continue;
    for (const { kind, pattern } of CREDENTIALS) {
      for (const m of sentence.matchAll(new RegExp(pattern, 'gi'))) {
        const askBefore = asks.some((a) => {
          const lead = sentence.slice(Math.max(0, a.index - 25), a.index + a[0].length);
          return !NEGATED.test(lead) && Math.abs(m.index - a.index) <= 80;
        });
        if (!askBefore) continue;
        // "reset your password", "change your password" are instructions, not requests for it.
        if (kind === 'password' && /\b(?:reset|change|update|forgot|forgotten|new|incorrect|wrong)\s+(?:your\s+|the\s+|a\s+)?$/i.test(sentence.slice(Math.max(0, m.index - 25), m.index))) continue;
        const start = (clause.index ?? 0) + m.index;
        return { kind, start, end: start + m[0].length };
      }
    }
  }
  return null;
}
