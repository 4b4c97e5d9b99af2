/**
 * Why a gift card was refused, in the member's words, and what to do instead.
 * The server's message says what happened; these add the way forward, so no
 * refusal is a dead end.
 */

export type RefusalAdvice = {
  title: string;
  /** What happened, then what to do instead. */
  sentences: string[];
  /** Where to go next, when somewhere helps. */
  link?: { to: string; label: string };
  /** The code itself is at fault (the field is marked invalid), rather than the account or the timing. */
  codeAtFault: boolean;
};

export type RefusalContext = { serverMessage: string; accountCurrency?: string | null | undefined; partner?: string | null | undefined };

const UNKNOWN_CODES = new Set(['GIFT_CARD_UNKNOWN', 'GIFT_CARD_NOT_FOUND', 'GIFT_CARD_INVALID', 'NOT_FOUND', 'VALIDATION_FAILED']);

export function adviceForRefusal(code: string, context: RefusalContext): RefusalAdvice {
  switch (code) {
    case 'GIFT_CARD_CURRENCY':
      return {
        title: 'This gift card is for another country',
        sentences: [
          context.serverMessage,
          `A gift card can only pay for a membership billed in its own currency${context.accountCurrency ? ` (yours is billed in ${context.accountCurrency})` : ''}. Your code has not been used up: give it to someone with a Reelhouse membership in the country it was sold for, or ask the shop that sold it about an exchange or a refund.`,
        ],
        codeAtFault: true,
      };
    case 'GIFT_CARD_USED':
      return {
        title: 'This code has already been redeemed',
        sentences: [
          context.serverMessage,
          'A code can be redeemed once. If you redeemed it before, its value is already in your gift balance on your membership page. If the card was new when you got it, keep the card and the receipt and ask the shop that sold it, or chat with us.',
          'Nobody from Reelhouse, a bank or a government office will ever ask you to pay them with gift card codes: if someone did, they may have used the code. Tell us in the chat.',
        ],
        link: { to: '/chat', label: 'Chat with us about this card' },
        codeAtFault: true,
      };
    case 'BILLED_BY_PARTNER':
      return {
        title: context.partner ? `${context.partner} bills your membership` : 'A partner bills your membership',
        sentences: [
          context.serverMessage,
          `A Reelhouse gift card pays Reelhouse bills, and yours are paid through ${context.partner ?? 'a partner'}, so it cannot be added to this account. Your code has not been used up and never expires: keep it for when you pay Reelhouse directly, or give it to someone who does. Questions about your ${context.partner ?? 'partner'} bill are answered by ${context.partner ?? 'the partner'}.`,
        ],
        codeAtFault: false,
      };
    case 'RATE_LIMITED':
      return {
        title: 'Too many tries for now',
        sentences: [
          context.serverMessage,
          'To protect gift cards from guessing, we allow only a few tries. While you wait, compare the code with the card character by character (0 and O, 1 and I, 5 and S look alike).',
        ],
        codeAtFault: false,
      };
    case 'NOT_FOUND':
      if (/membership/i.test(context.serverMessage)) {
        return { title: 'No membership on this account yet', sentences: [context.serverMessage, 'Choose a plan first; your gift card will then pay for it.'], link: { to: '/join', label: 'Choose a plan' }, codeAtFault: false };
      }
      return unknownCode(context);
    default:
      if (UNKNOWN_CODES.has(code) || code.startsWith('GIFT_CARD_')) return unknownCode(context);
      return { title: 'We could not redeem the card', sentences: [context.serverMessage, 'Nothing was added and your code has not been used. Please try again in a moment.'], codeAtFault: false };
  }
}

function unknownCode(context: RefusalContext): RefusalAdvice {
  return {
    title: 'We don’t recognise this code',
    sentences: [
      context.serverMessage,
      'Check it against the card character by character, including any part under a scratch strip (0 and O, 1 and I, 5 and S look alike). Capitals, spaces and dashes don’t matter. If it still fails, chat with us and keep the card and the receipt.',
    ],
    link: { to: '/chat', label: 'Chat with us' },
    codeAtFault: true,
  };
}
