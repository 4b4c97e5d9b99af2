import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IdentityContext } from './identity-context.ts';
import { memberSummary } from './identity-context.ts';
import { answerRateLimits, deviceTypeSchema, memberSummarySchema } from './identity-http.ts';
import { confirmReset, findAccountByCard, requestReset } from './login-help.service.ts';
import { checkCsrf, clearSessionCookie, ensureCsrfCookie, readCookie, SESSION_COOKIE, setSessionCookie } from './session-cookies.ts';
import { currentSession, signOut } from './sessions.service.ts';
import { join, signIn } from './sign-in.service.ts';

const memberReply = z.object({ member: memberSummarySchema });
const accepted = z.object({ status: z.literal('accepted'), message: z.string() });
const email = z.string().trim().email().max(254);
const login = z.string().trim().min(1).max(254);
const password = z.string().min(1).max(200);

/** Signing in and out, joining, and login help: the routes a visitor uses. */
export function identityRoutes(ctx: IdentityContext): FastifyPluginAsyncZod {
  return async (app) => {
    answerRateLimits(app);
    // Before body validation: a forged request learns nothing, not even which field is wrong.
    app.addHook('onRequest', async (request) => checkCsrf(request));

    app.get('/api/session', {
      schema: { tags: ['identity'], summary: 'The signed-in member, if any, and the CSRF token', response: { 200: z.object({ csrf_token: z.string(), member: memberSummarySchema.nullable() }) } },
    }, async (request, reply) => {
      const csrf = ensureCsrfCookie(request, reply);
      const current = await currentSession(ctx, request);
      // Sliding expiry: the browser's cookie lives 30 days from the last visit, as the session does.
      const token = readCookie(request, SESSION_COOKIE);
      if (current && token !== undefined) setSessionCookie(reply, request, token);
      else if (token !== undefined) clearSessionCookie(reply, request);
      return { csrf_token: csrf, member: current ? memberSummary(current.account) : null };
    });

    app.post('/api/join', {
      schema: {
        tags: ['identity'], summary: 'Create an account and its membership (card payment)',
        body: z.object({
          name: z.string().trim().min(1).max(120), email, phone: z.string().trim().min(5).max(30).optional(), password,
          country: z.string().trim().length(2), region: z.string().trim().min(1).max(10).optional(), language: z.string().trim().min(2).max(10).optional(),
          plan: z.string().trim().min(1).max(40),
          card: z.object({ number: z.string().trim().min(12).max(23), exp_month: z.number().int().min(1).max(12), exp_year: z.number().int().min(2000).max(2100), cvc: z.string().trim().regex(/^\d{3,4}$/) }),
        }),
        response: { 201: memberReply },
      },
    }, async (request, reply) => {
      const member = await join(ctx, request.body, request, reply);
      return reply.status(201).send({ member });
    });

    app.post('/api/sign-in', {
      schema: {
        tags: ['identity'], summary: 'Sign in with email or phone and password',
        body: z.object({
          login, password, device: z.object({ type: deviceTypeSchema, name: z.string().trim().min(1).max(100) }).optional(),
          // The network the device connects from (the simulated Wi-Fi, as on the TV page): household recognises phones and computers by it.
          network_id: z.string().regex(/^net_[a-z0-9_]{1,60}$/, 'is a network id such as net_home').optional(),
        }),
        response: { 200: memberReply },
      },
    }, async (request, reply) => {
      return { member: await signIn(ctx, request.body, request, reply) };
    });

    app.post('/api/sign-out', { schema: { tags: ['identity'], summary: 'Sign out this browser' } }, async (request, reply) => {
      await signOut(ctx, request, reply);
      return reply.status(204).send();
    });

    app.post('/api/login-help/reset', {
      schema: {
        tags: ['identity'], summary: 'Send a reset link (email) or code (SMS); the same answer whether the login exists or not',
        body: z.object({ login, channel: z.enum(['email', 'sms']) }), response: { 202: accepted },
      },
    }, async (request, reply) => {
      await requestReset(ctx, request.body, request.ip);
      return reply.status(202).send({ status: 'accepted', message: 'If an account uses these details, we have sent what you asked for. It works for 15 minutes.' });
    });

    app.post('/api/login-help/reset/confirm', {
      schema: {
        tags: ['identity'], summary: 'Choose a new password with a reset link or code',
        body: z.object({
          token: z.string().min(10).max(200).optional(), login: login.optional(), code: z.string().trim().regex(/^\d{6}$/).optional(),
          new_password: password, sign_out_everywhere: z.boolean(),
        }),
        response: { 200: memberReply },
      },
    }, async (request, reply) => {
      return { member: await confirmReset(ctx, request.body, request, reply) };
    });

    app.post('/api/login-help/find-account', {
      schema: {
        tags: ['identity'], summary: 'Find an account with the owner name and the card on file; the login goes to the account email',
        body: z.object({
          owner_name: z.string().trim().min(1).max(120), card_last4: z.string().regex(/^\d{4}$/),
          card_exp_month: z.number().int().min(1).max(12), card_exp_year: z.number().int().min(2000).max(2100), country: z.string().trim().length(2),
        }),
        response: { 202: accepted },
      },
    }, async (request, reply) => {
      await findAccountByCard(ctx, request.body, request.ip);
      return reply.status(202).send({ status: 'accepted', message: 'If these details match one account, we have emailed its login to the address on that account.' });
    });
  };
}
