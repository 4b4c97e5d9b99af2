import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { endSessions, findAccount, findOwnersByName, updateAccount } from './accounts.repository.ts';
import { countAttempt, forgetFailures, giveBackAttempt } from './attempt-limits.ts';
import { accessEnded, RateLimitedError, resetInvalid } from './identity.errors.ts';
import { link, memberSummary, type IdentityContext, type MemberSummary } from './identity-context.ts';
import { expiresAt, LOGIN_HELP_TTL_MS, sameName, tokenUsable } from './identity.rules.ts';
import type { AccountRecord, Channel, LoginHelpTokenRecord } from './identity.tables.ts';
import { POLICIES } from './rate-limit.rules.ts';
import { codeHash, hashPassword, newCode, newToken, sameSecret, sha256 } from './secrets.ts';
import { noteRefusedGuesses, recordSecurityEvent } from './security-events.ts';
import { extraMemberAccessEnded, startSession } from './sessions.service.ts';
import { checkPasswordStrength, findByLogin } from './sign-in.service.ts';
import { findLoginHelpByHash, insertLoginHelp, latestLoginHelp, lockLoginHelp, supersedeLoginHelp, useLoginHelp } from './tokens.repository.ts';

/** Each help request counts against the address, known login or not, so nothing tells them apart. */
async function countHelpRequest(ctx: IdentityContext, ip: string): Promise<void> {
  await countAttempt(ctx, [{ policy: POLICIES.helpRequests, subject: ip }]);
}

const smsCodeHash = (tokenId: string, code: string): string => codeHash(`reset:${tokenId}`, code);

/**
 * Sends a reset link (email) or code (SMS); a new one supersedes every
 * earlier one. Silent for unknown logins. The answer waits only for what
 * every login gets (the limits and the lookup): the token and the message
 * are made after it (`afterAnswer`), so a known login's answer is no slower.
 */
export async function requestReset(ctx: IdentityContext, input: { login: string; channel: Channel }, ip: string): Promise<void> {
  await countHelpRequest(ctx, ip);
  const account = await findByLogin(ctx, input.login);
  // Per login too, from every address; unknown logins are counted the same way, so a 429 tells nothing.
  const loginKey = account?.id ?? input.login.trim().toLowerCase();
  await countAttempt(ctx, [{ policy: POLICIES.helpRequestsLogin, subject: loginKey }]);
  if (!account || (input.channel === 'sms' && !account.phone)) return;
  ctx.afterAnswer.run('send a reset message', () => sendReset(ctx, account, input.channel));
}

async function sendReset(ctx: IdentityContext, account: AccountRecord, channel: Channel): Promise<void> {
  const now = ctx.clock.now();
  const id = newId('lgh');
  const secret = channel === 'email' ? newToken() : newCode();
  const token: LoginHelpTokenRecord = {
    id, account_id: account.id, channel, token_hash: channel === 'email' ? sha256(secret) : smsCodeHash(id, secret),
    created_at: now, expires_at: expiresAt(now, LOGIN_HELP_TTL_MS), used_at: null, superseded_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    // Two requests' work may run at once: one at a time, so only the newest stays live.
    await lockLoginHelp(trx, account.id);
    await supersedeLoginHelp(trx, account.id, now);
    await insertLoginHelp(trx, token);
  });
  const service = ctx.settings.serviceName;
  if (channel === 'email') {
    await ctx.mailer.send({
      channel: 'email', to: account.email, subject: `Reset your ${service} password`, purpose: 'a password reset someone asked for on the sign-in page',
      body: `Hi ${account.name},\n\nSomeone asked to reset the password of your ${service} account. To choose a new one, open this link within 15 minutes:\n\n${link(ctx.settings, `/reset?token=${secret}`)}\n\nIf it wasn't you, ignore this email: your password stays as it is. ${service} will never ask you for this link or your password by phone or chat.`,
    });
  } else {
    await ctx.mailer.send({ channel: 'sms', to: account.phone ?? '', body: `${service}: your password reset code is ${secret}. It expires in 15 minutes. Never share it: we will never ask you for it.` });
  }
}

async function tokenFromCode(ctx: IdentityContext, login: string, code: string, ip: string): Promise<LoginHelpTokenRecord> {
  const account = await findByLogin(ctx, login);
  const loginKey = account?.id ?? login.trim().toLowerCase();
  // Counted before the code is compared, given back when it is right: codes sent all at once get no more than the limit compared.
  let counted: Awaited<ReturnType<typeof countAttempt>>;
  try {
    counted = await countAttempt(ctx, [{ policy: POLICIES.resetAddress, subject: ip }, { policy: POLICIES.resetCode, subject: loginKey }]);
  } catch (error) {
    // Refused guesses are audited for the account's owner (never the code typed).
    if (error instanceof RateLimitedError && account) noteRefusedGuesses(ctx, { accountId: account.id, what: 'reset_code', ip, retryAfterSeconds: error.retryAfterSeconds });
    throw error;
  }
  // Only the newest issued token can match: an older code is refused even if right.
  const latest = account ? await latestLoginHelp(ctx.db, account.id) : undefined;
  if (!latest || latest.channel !== 'sms' || !sameSecret(latest.token_hash, smsCodeHash(latest.id, code))) throw resetInvalid();
  await giveBackAttempt(ctx, counted);
  return latest;
}

export type ConfirmResetInput = { token?: string; login?: string; code?: string; new_password: string; sign_out_everywhere: boolean };

export async function confirmReset(ctx: IdentityContext, input: ConfirmResetInput, request: FastifyRequest, reply: FastifyReply): Promise<MemberSummary> {
  checkPasswordStrength(input.new_password, 'new_password');
  let token: LoginHelpTokenRecord | undefined;
  if (input.token !== undefined) token = await findLoginHelpByHash(ctx.db, sha256(input.token), 'email');
  else if (input.login !== undefined && input.code !== undefined) token = await tokenFromCode(ctx, input.login, input.code, request.ip);
  else throw new AppError({ code: 'VALIDATION_FAILED', message: 'Send the link\'s token, or the login and the code.', field: 'token', status: 400 });
  const now = ctx.clock.now();
  if (!token || !tokenUsable(token, now) || !(await useLoginHelp(ctx.db, token.id, now))) throw resetInvalid();
  await updateAccount(ctx.db, token.account_id, { password_hash: await hashPassword(input.new_password), updated_at: now });
  // Someone else's wrong guesses may hold sign-in: the owner, who just proved the mailbox or phone, is let back in at once.
  await Promise.all([POLICIES.signInLogin, POLICIES.resetCode, POLICIES.currentPassword].map((policy) => forgetFailures(ctx, policy, token.account_id)));
  await recordSecurityEvent(ctx, {
    accountId: token.account_id, kind: 'password_changed',
    summary: `The password was reset with a ${token.channel === 'email' ? 'link sent by email' : 'code sent by SMS'}.`,
    details: { via: 'reset', channel: token.channel, signed_out_everywhere: input.sign_out_everywhere },
  });
  if (input.sign_out_everywhere) await endSessions(ctx.db, token.account_id, now);
  const account = await findAccount(ctx.db, token.account_id);
  if (!account) throw resetInvalid();
  // The new password stands, but an extra member whose access ended gets no session (and is told why).
  const ended = await extraMemberAccessEnded(ctx, account);
  if (ended === null) await startSession(ctx, { account, request, reply });
  await ctx.mailer.send({
    channel: 'email', to: account.email, subject: `Your ${ctx.settings.serviceName} password was changed`, purpose: 'an alert that your password was reset',
    body: `Hi ${account.name},\n\nThe password of your account was just reset${input.sign_out_everywhere ? ' and every device was signed out' : ''}. If it wasn't you, reset it again at ${link(ctx.settings, '/forgot')} and sign out of all devices.`,
  });
  if (ended !== null) throw accessEnded(ended);
  return memberSummary(account);
}

export type FindAccountInput = { owner_name: string; card_last4: string; card_exp_month: number; card_exp_year: number; country: string };

/**
 * The owner's name and the card on file find an account; the login goes by
 * email to that account's own address, never in the answer. Refused silently
 * for partner billing (there is no card here to compare), for countries that
 * turn it off, and when the details fit several accounts. Only the limit per
 * address is on the answer's path: the lookup (billing reads for every
 * account of that name) and the email come after it, so matching details
 * answer no slower than details that match nobody.
 */
export async function findAccountByCard(ctx: IdentityContext, input: FindAccountInput, ip: string): Promise<void> {
  await countHelpRequest(ctx, ip);
  ctx.afterAnswer.run('find an account by card', () => lookUpAndSendLogin(ctx, input));
}

async function lookUpAndSendLogin(ctx: IdentityContext, input: FindAccountInput): Promise<void> {
  const country = input.country.toUpperCase();
  if (ctx.settings.findAccountDisabledCountries.includes(country)) return;
  const candidates = (await findOwnersByName(ctx.db, country, input.owner_name)).filter((account) => sameName(account.name, input.owner_name));
  const matches = [];
  for (const account of candidates) {
    const membership = await ctx.billing.findByAccount(account.id);
    const card = membership?.payment_method;
    if (!membership || membership.billed_by.kind !== 'direct' || !card) continue;
    if (card.last4 === input.card_last4 && card.exp_month === input.card_exp_month && card.exp_year === input.card_exp_year) matches.push(account);
  }
  const [account] = matches;
  if (matches.length !== 1 || !account) return;
  // The answer is always the same 202; past the limit the account's mailbox just gets no more lookups.
  try {
    await countAttempt(ctx, [{ policy: POLICIES.findAccountEmails, subject: account.id }]);
  } catch (error) {
    if (error instanceof RateLimitedError) return;
    throw error;
  }
  const phone = account.phone ? `\nPhone number on the account: ending in ${account.phone.slice(-2)}.` : '';
  await ctx.mailer.send({
    channel: 'email', to: account.email, subject: `Your ${ctx.settings.serviceName} login`, purpose: 'your login, after someone looked up your account with your name and card',
    body: `Hi ${account.name},\n\nSomeone looked up your account with your name and the card on file. You sign in with this email address: ${account.email}.${phone}\n\nForgot the password? ${link(ctx.settings, '/forgot')}\n\nIf it wasn't you, nothing has changed on your account.`,
  });
  await recordSecurityEvent(ctx, { accountId: account.id, kind: 'account_found_by_card', summary: 'The account was looked up with the owner name and card.' });
}
