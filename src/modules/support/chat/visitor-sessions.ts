import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Mailer } from '../../../platform/mail/outbox.ts';
import { codeHash, newCode, newToken, sameSecret, sha256 } from '../../../platform/secrets.ts';
import type { ChatDb } from './chat.repository.ts';

const CODE_TTL_MS = 10 * 60 * 1000;
const CODES_PER_HOUR = 5;
const ATTEMPTS_PER_CODE = 5;
export const VISITOR_SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const purpose = (email: string) => `chat-visitor:${email}`;
const normalise = (email: string) => email.trim().toLowerCase();

/**
 * A visitor who cannot sign in (a forgotten login, a taken-over account)
 * still reaches us, with an email they prove they read: a 6-digit code, then a
 * browser token. The chat never learns more about them than that address.
 */
export function createVisitorSessions(deps: { db: ChatDb; clock: Clock; mailer: Mailer; serviceName: string }) {
  async function sendCode(rawEmail: string): Promise<{ expires_at: string }> {
    const email = normalise(rawEmail);
    const now = deps.clock.now();
    const code = newCode();
    const expires = new Date(now.getTime() + CODE_TTL_MS);
    const id = newId('vcode');
    // Stored first, then counted with the others: requests sent all at once see each other, so no more than the limit go out.
    await deps.db.insertInto('support_visitor_codes').values({ id, email, code_hash: codeHash(purpose(email), code), expires_at: expires, created_at: now }).execute();
    const recent = await deps.db.selectFrom('support_visitor_codes').select((eb) => eb.fn.countAll<string>().as('count'))
      .where('email', '=', email).where('created_at', '>', new Date(now.getTime() - 60 * 60 * 1000)).executeTakeFirstOrThrow();
    if (Number(recent.count) > CODES_PER_HOUR) {
      await deps.db.deleteFrom('support_visitor_codes').where('id', '=', id).execute();
      throw new AppError({ code: 'TOO_MANY_CODES', message: 'We have sent several codes to this address in the last hour. Use the latest one, or try again later.', status: 429 });
    }
    await deps.mailer.send({
      channel: 'email', to: email, subject: `Your ${deps.serviceName} chat code`, purpose: 'the code to start a support chat, asked for on the chat page',
      body: `Your code to start a chat with ${deps.serviceName} support is ${code}. It works for 10 minutes.\n\nType it only on the chat page you opened. We will never ask you for it in the chat, by phone or by email.`,
    });
    return { expires_at: expires.toISOString() };
  }

  /** The latest unused code for the address; a wrong guess counts, five end it. Returns the browser token to keep. */
  async function verify(rawEmail: string, code: string): Promise<{ email: string; token: string; expiresAt: Date }> {
    const email = normalise(rawEmail);
    const now = deps.clock.now();
    const wrong = () => new AppError({ code: 'CODE_INVALID', message: 'That code is not right, or it has expired. Ask for a new one.', field: 'code', status: 400 });
    return deps.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('support_visitor_codes').selectAll().where('email', '=', email).where('used_at', 'is', null)
        .orderBy('created_at', 'desc').limit(1).forUpdate().executeTakeFirst();
      if (!row || new Date(row.expires_at) <= now || row.attempts >= ATTEMPTS_PER_CODE) throw wrong();
      if (!sameSecret(row.code_hash, codeHash(purpose(email), code.trim()))) {
        await trx.updateTable('support_visitor_codes').set({ attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
        return { email, token: '', expiresAt: now };
      }
      await trx.updateTable('support_visitor_codes').set({ used_at: now }).where('id', '=', row.id).execute();
      const token = newToken();
      const expiresAt = new Date(now.getTime() + VISITOR_SESSION_TTL_MS);
      await trx.insertInto('support_visitor_sessions').values({ token_hash: sha256(token), email, expires_at: expiresAt, created_at: now }).execute();
      return { email, token, expiresAt };
    }).then((result) => {
      // The wrong attempt is counted (committed) before it is refused.
      if (result.token === '') throw wrong();
      return result;
    });
  }

  async function visitorFor(token: string | undefined): Promise<{ email: string } | null> {
    if (token === undefined || token === '') return null;
    const row = await deps.db.selectFrom('support_visitor_sessions').select(['email', 'expires_at']).where('token_hash', '=', sha256(token)).executeTakeFirst();
    return row && new Date(row.expires_at) > deps.clock.now() ? { email: row.email } : null;
  }

  return { sendCode, verify, visitorFor };
}

export type VisitorSessions = ReturnType<typeof createVisitorSessions>;
