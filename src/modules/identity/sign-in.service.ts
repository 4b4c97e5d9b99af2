import type { FastifyReply, FastifyRequest } from 'fastify';
import { newId } from '../../platform/ids.ts';
import { redactForStorage } from '../safety/redaction/index.ts';
import { deleteAccount, findAccountByEmail, findAccountByPhone, insertAccount, isUniqueViolation } from './accounts.repository.ts';
import { countAttempt, forgetFailures, giveBackAttempt } from './attempt-limits.ts';
import { emailTaken, invalidCredentials, phoneTaken, RateLimitedError, signInLocked, weakPassword } from './identity.errors.ts';
import { memberSummary, type IdentityContext, type MemberSummary } from './identity-context.ts';
import { MIN_PASSWORD_LENGTH, normalizeEmail, normalizePhone, parseLogin } from './identity.rules.ts';
import type { AccountRecord, DeviceType } from './identity.tables.ts';
import { POLICIES } from './rate-limit.rules.ts';
import { hashPassword, verifyPassword } from './secrets.ts';
import { noteFailedSignIn } from './security-events.ts';
import { assertMayWatch, startSession } from './sessions.service.ts';

const LANGUAGE_BY_COUNTRY: Record<string, string> = { DE: 'de', JP: 'ja', BR: 'pt', PT: 'pt', FR: 'fr', ES: 'es' };

export type JoinInput = {
  name: string; email: string; phone?: string; password: string; country: string; region?: string; language?: string; plan: string;
  card: { number: string; exp_month: number; exp_year: number; cvc: string };
};

export function checkPasswordStrength(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw weakPassword(field);
}

export async function findByLogin(ctx: IdentityContext, login: string): Promise<AccountRecord | undefined> {
  const parsed = parseLogin(login);
  if (parsed.kind === 'email') return findAccountByEmail(ctx.db, parsed.email);
  return parsed.phone === '' ? undefined : findAccountByPhone(ctx.db, parsed.phone);
}

/** Which unique index a violation hit: the email's or the phone's. */
function takenError(error: unknown) {
  const constraint = (error as { constraint?: string }).constraint ?? String((error as Error).message);
  return constraint.includes('phone') ? phoneTaken() : emailTaken();
}

async function createAccount(ctx: IdentityContext, fields: Omit<AccountRecord, 'id' | 'password_hash' | 'created_at' | 'updated_at' | 'owner_account_id'> & { password: string; ownerAccountId?: string }): Promise<AccountRecord> {
  checkPasswordStrength(fields.password);
  if (await findAccountByEmail(ctx.db, fields.email)) throw emailTaken();
  if (fields.phone !== null && (await findAccountByPhone(ctx.db, fields.phone))) throw phoneTaken();
  const id = newId('acct');
  const now = ctx.clock.now();
  const { password, ownerAccountId, ...rest } = fields;
  // The name is typed freely (join, an invitation's acceptance): kept redacted like any text people type.
  const account: AccountRecord = { ...rest, name: redactForStorage(rest.name), id, owner_account_id: ownerAccountId ?? id, password_hash: await hashPassword(password), created_at: now, updated_at: now };
  try {
    await insertAccount(ctx.db, account);
  } catch (error) {
    // Two joins with one email at once: the unique index decides.
    if (isUniqueViolation(error)) throw takenError(error);
    throw error;
  }
  return account;
}

/**
 * A new owner: the login first (it claims the email), then the membership
 * through billing. When billing refuses (declined card, unknown plan) the
 * login is deleted again and billing's error goes back as it is.
 */
export async function join(ctx: IdentityContext, input: JoinInput, request: FastifyRequest, reply: FastifyReply): Promise<MemberSummary> {
  const country = input.country.toUpperCase();
  const account = await createAccount(ctx, {
    name: input.name.trim().replace(/\s+/g, ' '), email: normalizeEmail(input.email), phone: input.phone ? normalizePhone(input.phone) : null,
    password: input.password, country, language: input.language ?? LANGUAGE_BY_COUNTRY[country] ?? 'en', role: 'owner',
  });
  try {
    await ctx.billing.join({
      accountId: account.id, country, region: input.region ?? null, plan: input.plan,
      payment: { card: { number: input.card.number, expMonth: input.card.exp_month, expYear: input.card.exp_year, cvc: input.card.cvc } },
    });
  } catch (error) {
    await deleteAccount(ctx.db, account.id);
    throw error;
  }
  await startSession(ctx, { account, request, reply });
  ctx.logger?.info({ accountId: account.id }, 'member joined');
  return memberSummary(account);
}

/** The login of an accepted extra member, signed in on this browser. */
export async function createExtraMemberLogin(ctx: IdentityContext, options: { ownerAccountId: string; name: string; email: string; password: string; request: FastifyRequest; reply: FastifyReply; owner: AccountRecord }): Promise<{ accountId: string }> {
  const account = await createAccount(ctx, {
    name: options.name.trim(), email: normalizeEmail(options.email), phone: null, password: options.password,
    country: options.owner.country, language: options.owner.language, role: 'extra_member', ownerAccountId: options.ownerAccountId,
  });
  await startSession(ctx, { account, request: options.request, reply: options.reply });
  return { accountId: account.id };
}

/**
 * Email or phone and password. A wrong password and an unknown login get the
 * same answer, after the same work (a decoy hash is verified), and both count
 * towards the limits per login and per address. The attempt is counted before
 * the password is checked, so wrong passwords sent all at once cannot get
 * more checked than the limit; a right one is given back. A known account's
 * wrong passwords and refusals go to its security review, after the answer.
 */
export async function signIn(ctx: IdentityContext, input: { login: string; password: string; device?: { type: DeviceType; name: string }; network_id?: string }, request: FastifyRequest, reply: FastifyReply): Promise<MemberSummary> {
  const account = await findByLogin(ctx, input.login);
  const loginKey = account?.id ?? input.login.trim().toLowerCase();
  let counted: Awaited<ReturnType<typeof countAttempt>>;
  try {
    counted = await countAttempt(ctx, [{ policy: POLICIES.signInAddress, subject: request.ip }, { policy: POLICIES.signInLogin, subject: loginKey }]);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    if (account) noteFailedSignIn(ctx, { accountId: account.id, request, lockedForSeconds: error.retryAfterSeconds });
    throw signInLocked(error.retryAfterSeconds);
  }
  // A wrong password leaves the counted attempts in place: they are the failures.
  if (!(await verifyPassword(account?.password_hash ?? null, input.password)) || !account) {
    if (account) noteFailedSignIn(ctx, { accountId: account.id, request });
    throw invalidCredentials();
  }
  await forgetFailures(ctx, POLICIES.signInLogin, loginKey);
  await giveBackAttempt(ctx, counted);
  await assertMayWatch(ctx, account);
  await startSession(ctx, { account, request, reply, ...(input.device ? { device: input.device } : {}), ...(input.network_id ? { networkId: input.network_id } : {}) });
  return memberSummary(account);
}
