/**
 * Why a gift card was refused, in a headline, and what to do instead. The
 * server's message comes first (it says what happened, and often the next
 * step); these add what the page can offer beyond it, so that no refusal is
 * a dead end: a link, the scam warning, the partner who answers.
 */

export type RefusalAdvice = {
  title: string;
  /** What happened, then what to do instead. */
  sentences: string[];
  /** Where to go next, when somewhere helps. */
  link?: { to: string; label: string };
  /** The code itself is at fault (the field is marked invalid and gets focus), rather than the account or the timing. */
  codeAtFault: boolean;
};

export type RefusalContext = { serverMessage: string; accountCurrency?: string | null | undefined; partner?: string | null | undefined };

const CHAT = { to: '/chat', label: 'Chat with us' };

export function adviceForRefusal(code: string, context: RefusalContext): RefusalAdvice {
  const said = context.serverMessage;
  switch (code) {
    case 'GIFT_CARD_CURRENCY':
      return {
        title: 'This gift card is for another country',
        sentences: [said, `${context.accountCurrency ? `Your membership is billed in ${context.accountCurrency}. ` : ''}The code is not used up. The shop that sold the card may also exchange it for one in your currency.`],
        codeAtFault: true,
      };
    case 'GIFT_CARD_USED':
      return {
        title: 'This code has already been redeemed',
        sentences: [
          said,
          'If the card was new when you got it, keep the card and the receipt: the shop that sold it can trace it.',
          'Nobody from Reelhouse, a bank, a tax office or a delivery company will ever ask you to pay them with gift card codes: if someone did, they may have used the code. Tell us in the chat.',
        ],
        link: { to: '/chat', label: 'Chat with us about this card' },
        codeAtFault: true,
      };
    case 'BILLED_BY_PARTNER': {
      const partner = context.partner ?? 'your partner';
      return {
        title: context.partner ? `${context.partner} bills your membership` : 'A partner bills your membership',
        sentences: [said, `The code is not used up and never expires. Questions about your ${partner} bill are answered by ${partner}.`],
        codeAtFault: false,
      };
    }
    case 'NO_MEMBERSHIP':
      return { title: 'Choose a plan first', sentences: [said, 'We keep the code in this tab and fill it in again after you join.'], link: { to: '/join?next=%2Fredeem', label: 'Choose a plan' }, codeAtFault: false };
    case 'RATE_LIMITED':
      return {
        title: 'Too many tries for now',
        sentences: [said, 'To protect gift cards from guessing, we allow only a few tries. While you wait, compare the code with the card character by character.'],
        codeAtFault: false,
      };
    case 'GIFT_CARD_CODE_INVALID':
    case 'VALIDATION_FAILED':
      return { title: 'This is not a gift card code', sentences: [said, 'Capitals, spaces and dashes don’t matter.'], codeAtFault: true };
    case 'GIFT_CARD_NOT_FOUND':
      return {
        title: 'We don’t recognise this code',
        sentences: [said, 'Keep the card and the receipt: the shop that sold it, or we in the chat, can check it.'],
        link: CHAT,
        codeAtFault: true,
      };
    default:
      return { title: 'We could not redeem the card', sentences: [said, 'Nothing was added, and the code has not been used. Please try again in a moment.'], codeAtFault: false };
  }
}
