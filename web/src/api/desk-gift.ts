import { request } from './client.ts';
import type { IsoDateTime } from './types.ts';

/** The desk's gift-balance view and restore (src/modules/support/desk/gift-balance.routes.ts, docs/desk.md). */

/** On a verified case: what the account's gift cards added, the balance now, how much may be restored, and whether this agent may. */
export type GiftBalanceView = { redeemed: number; balance: number; restorable: number; currency: string; can_restore: boolean };

export type GiftRestoreRequest = { amount: number; reason: string; idempotency_key: string };
export type GiftRestoreAnswer = { membership_id: string; amount: number; currency: string; balance: number; reason: string; restored_by: string; at: IsoDateTime; repeated: boolean };

export const restoreGiftBalance = (caseId: string, body: GiftRestoreRequest) =>
  request<GiftRestoreAnswer>('POST', `/api/desk/cases/${encodeURIComponent(caseId)}/actions/restore-gift-balance`, { body });
