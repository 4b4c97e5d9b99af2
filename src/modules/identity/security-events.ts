import { newId } from '../../platform/ids.ts';
import type { IdentityContext } from './identity-context.ts';
import { insertSecurityEvent } from './tokens.repository.ts';

export async function recordSecurityEvent(ctx: IdentityContext, options: { accountId: string; kind: string; summary: string; details?: Record<string, unknown>; at?: Date }): Promise<void> {
  await insertSecurityEvent(ctx.db, {
    id: newId('sev'),
    account_id: options.accountId,
    kind: options.kind,
    summary: options.summary,
    details: options.details ?? {},
    at: options.at ?? ctx.clock.now(),
  });
}
