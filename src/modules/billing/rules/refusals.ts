export type RefusalCode =
  | 'UNKNOWN_PLAN'
  | 'NO_CHANGE'
  | 'NOT_ACTIVE'
  | 'ALREADY_ACTIVE'
  | 'EXTRA_MEMBER_LIMIT'
  | 'EXTRA_MEMBER_UNAVAILABLE'
  | 'NO_EXTRA_MEMBER'
  | 'BILLED_BY_PARTNER'
  | 'NOT_ELIGIBLE'
  | 'PAUSE_LIMIT'
  | 'NO_PAUSE'
  | 'PAYMENT_METHOD_DECLINED'
  | 'REFUND_EXCEEDS_CHARGE'
  | 'NO_CHARGE'
  | 'GIFT_CARD_CURRENCY'
  | 'GIFT_CARD_USED';

export type Refusal = { ok: false; code: RefusalCode; message: string };

export function refuse(code: RefusalCode, message: string): Refusal {
  return { ok: false, code, message };
}
