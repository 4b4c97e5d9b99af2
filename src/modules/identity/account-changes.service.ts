import { newId } from '../../platform/ids.ts';
import { endSessions, findAccount, findAccountByEmail, findAccountByPhone, isUniqueViolation, updateAccount } from './accounts.repository.ts';
import { countAttempt, forgetFailures } from './attempt-limits.ts';
import { emailTaken, phoneTaken, RateLimitedError, undoInvalid, unauthenticated, wrongCurrentPassword } from './identity.errors.ts';
import { link, type IdentityContext } from './identity-context.ts';
import { expiresAt, normalizeEmail, normalizePhone, tokenUsable, UNDO_TTL_MS } from './identity.rules.ts';
import type { AccountRecord, ChangeField } from './identity.tables.ts';
import { POLICIES } from './rate-limit.rules.ts';
import { hashPassword, newToken, sha256, verifyPassword } from './secrets.ts';
import { noteRefusedGuesses, recordSecurityEvent } from './security-events.ts';
import { checkPasswordStrength } from './sign-in.service.ts';
import { findUndoByHash, insertUndo, useUndo } from './tokens.repository.ts';

export type AccountChange = { field: 'email'; value: string } | { field: 'phone'; value: string } | { field: 'password'; value: string };

const WHAT: Record<ChangeField, string> = { email: 'email address', phone: 'phone number', password: 'password' };

async function checkCurrentPassword(ctx: IdentityContext, account: AccountRecord, password: string): Promise<void> {
  // Counted before the check: guesses sent all at once get no more than the limit checked.
  try {
    await countAttempt(ctx, [{ policy: POLICIES.currentPassword, subject: account.id }]);
  } catch (error) {
    if (error instanceof RateLimitedError) noteRefusedGuesses(ctx, { accountId: account.id, what: 'current_password', ip: null, retryAfterSeconds: error.retryAfterSeconds });
    throw error;
  }
  if (!(await verifyPassword(account.password_hash, password))) throw wrongCurrentPassword();
  await forgetFailures(ctx, POLICIES.currentPassword, account.id);
}

/** The old address (or phone) hears about the change, with a 7-day link to undo it and report a takeover. */
async function alertOldContact(ctx: IdentityContext, account: AccountRecord, field: ChangeField, token: string): Promise<void> {
  const service = ctx.settings.serviceName;
  const undo = link(ctx.settings, `/security/undo?token=${token}`);
  // A phone change alerts the old phone; with no old phone, the email hears about it.
  if (field === 'phone' && account.phone) {
    await ctx.mailer.send({ channel: 'sms', to: account.phone, body: `${service}: the phone number of your account was changed. Not you? Undo it and secure your account: ${undo}` });
    return;
  }
  await ctx.mailer.send({
    channel: 'email', to: account.email, subject: `Your ${service} ${WHAT[field]} was changed`, purpose: `an alert that the ${WHAT[field]} of your account was changed`,
    body: `Hi ${account.name},\n\nThe ${WHAT[field]} of your ${service} account was just changed.\n\nIf it was you, there is nothing to do.\n\nIf it wasn't you, undo the change and report it within 7 days: every device will be signed out.\n${undo}`,
  });
}

export async function changeAccount(ctx: IdentityContext, accountId: string, change: AccountChange, currentPassword: string): Promise<void> {
  const account = await findAccount(ctx.db, accountId);
  if (!account) throw unauthenticated();
  await checkCurrentPassword(ctx, account, currentPassword);
  const now = ctx.clock.now();
  let update: Partial<Pick<AccountRecord, 'email' | 'phone' | 'password_hash'>>;
  let oldValue: string | null;
  if (change.field === 'email') {
    const email = normalizeEmail(change.value);
    const owner = await findAccountByEmail(ctx.db, email);
    if (owner && owner.id !== account.id) throw emailTaken();
    update = { email };
    oldValue = account.email;
  } else if (change.field === 'phone') {
    const phone = normalizePhone(change.value);
    const owner = await findAccountByPhone(ctx.db, phone);
    if (owner && owner.id !== account.id) throw phoneTaken();
    update = { phone };
    oldValue = account.phone;
  } else {
    checkPasswordStrength(change.value, 'new_password');
    update = { password_hash: await hashPassword(change.value) };
    oldValue = account.password_hash;
  }
  const token = newToken();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await updateAccount(trx, account.id, { ...update, updated_at: now });
      await insertUndo(trx, { id: newId('und'), account_id: account.id, token_hash: sha256(token), field: change.field, old_value: oldValue, created_at: now, expires_at: expiresAt(now, UNDO_TTL_MS), used_at: null });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw change.field === 'phone' ? phoneTaken() : emailTaken();
    throw error;
  }
  await recordSecurityEvent(ctx, {
    accountId: account.id,
    kind: `${change.field}_changed`,
    summary: change.field === 'email' ? `The email address was changed to ${update.email}.` : `The ${WHAT[change.field]} was changed.`,
    // The new address is not verified by a link yet, so an email change stays "unconfirmed" in the security review.
    details: change.field === 'email' ? { confirmed: false } : {},
  });
  await alertOldContact(ctx, account, change.field, token);
}

/** "Not me": puts the old value back, signs every device out and records a takeover report. */
export async function undoChange(ctx: IdentityContext, token: string): Promise<{ field: ChangeField }> {
  const row = await findUndoByHash(ctx.db, sha256(token));
  const now = ctx.clock.now();
  if (!row || !tokenUsable(row, now)) throw undoInvalid();
  const restore: Partial<Pick<AccountRecord, 'email' | 'phone' | 'password_hash'>> =
    row.field === 'email' ? { email: row.old_value ?? '' } : row.field === 'phone' ? { phone: row.old_value } : { password_hash: row.old_value ?? '' };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await useUndo(trx, row.id, now))) throw undoInvalid();
      await updateAccount(trx, row.account_id, { ...restore, updated_at: now });
      await endSessions(trx, row.account_id, now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  await recordSecurityEvent(ctx, {
    accountId: row.account_id, kind: 'takeover_reported',
    summary: `The ${WHAT[row.field]} change was undone from the alert and reported; every device was signed out.`,
    details: { field: row.field },
  });
  ctx.logger?.warn({ accountId: row.account_id, field: row.field }, 'account change undone and reported as a takeover');
  return { field: row.field };
}
