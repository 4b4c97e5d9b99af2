import { AppError } from '../../platform/errors.ts';
import type { Refusal, RefusalCode } from './rules/refusals.ts';

/** HTTP status of each contract refusal: all are the member's request, none a server fault. */
const STATUS: Record<RefusalCode, number> = {
  UNKNOWN_PLAN: 422,
  NO_CHANGE: 409,
  NOT_ACTIVE: 409,
  ALREADY_ACTIVE: 409,
  EXTRA_MEMBER_LIMIT: 422,
  EXTRA_MEMBER_UNAVAILABLE: 422,
  NO_EXTRA_MEMBER: 409,
  BILLED_BY_PARTNER: 409,
  NOT_ELIGIBLE: 409,
  PAUSE_LIMIT: 422,
  NO_PAUSE: 409,
  PAYMENT_METHOD_DECLINED: 402,
  REFUND_EXCEEDS_CHARGE: 422,
  NO_CHARGE: 404,
  GIFT_CARD_CURRENCY: 422,
  GIFT_CARD_USED: 409,
};

/** The contract's refusal codes are kept as they are: clients and tools rely on them. */
export function refusalError(refusal: Refusal): AppError {
  return new AppError({ code: refusal.code, message: refusal.message, status: STATUS[refusal.code] });
}

export function membershipNotFound(id: string): AppError {
  return new AppError({ code: 'NOT_FOUND', message: `No membership ${id}.`, status: 404 });
}
