import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { changeAccount } from './account-changes.service.ts';
import { undoChange } from './account-changes.service.ts';
import type { IdentityContext } from './identity-context.ts';
import { answerRateLimits, deviceTypeSchema } from './identity-http.ts';
import { sameSecret } from './secrets.ts';
import { issueServiceCode, securityReview, verifyServiceCode } from './security.service.ts';
import { checkCsrf, clearSessionCookie } from './session-cookies.ts';
import { devicesAndSessions, removeDevice, requireMember, signOutEverywhere } from './sessions.service.ts';

const password = z.string().min(1).max(200);
const changed = z.object({ status: z.literal('changed') });

/** The signed-in member's devices, sessions, credentials, security review and service code. */
export function memberRoutes(ctx: IdentityContext): FastifyPluginAsyncZod {
  return async (app) => {
    answerRateLimits(app);

    app.get('/api/me/devices', {
      schema: {
        tags: ['identity'], summary: 'Signed-in devices and open sessions',
        response: {
          200: z.object({
            devices: z.array(z.object({ id: z.string(), type: deviceTypeSchema, name: z.string(), location: z.string().nullable(), network_id: z.string().nullable(), last_used_at: z.string(), current: z.boolean() })),
            sessions: z.array(z.object({ id: z.string(), device_id: z.string().nullable(), created_at: z.string(), last_used_at: z.string(), location: z.string().nullable(), current: z.boolean() })),
          }),
        },
      },
    }, async (request) => devicesAndSessions(ctx, await requireMember(ctx, request)));

    app.delete('/api/me/devices/:id', {
      schema: { tags: ['identity'], summary: 'Remove a device: its sessions end at once', params: z.object({ id: z.string().min(1).max(100) }) },
    }, async (request, reply) => {
      const member = await requireMember(ctx, request);
      await removeDevice(ctx, member.accountId, request.params.id);
      return reply.status(204).send();
    });

    app.post('/api/me/sign-out-everywhere', { schema: { tags: ['identity'], summary: 'End every session of the account, this one too' } }, async (request, reply) => {
      const member = await requireMember(ctx, request);
      await signOutEverywhere(ctx, member.accountId);
      clearSessionCookie(reply, request);
      return reply.status(204).send();
    });

    app.post('/api/me/email', {
      schema: { tags: ['identity'], summary: 'Change the email; the old address gets an undo link', body: z.object({ new_email: z.string().trim().email().max(254), current_password: password }), response: { 200: changed } },
    }, async (request) => {
      const member = await requireMember(ctx, request);
      await changeAccount(ctx, member.accountId, { field: 'email', value: request.body.new_email }, request.body.current_password);
      return { status: 'changed' as const };
    });

    app.post('/api/me/phone', {
      schema: { tags: ['identity'], summary: 'Change the phone number; the old one gets an undo link', body: z.object({ new_phone: z.string().trim().min(5).max(30), current_password: password }), response: { 200: changed } },
    }, async (request) => {
      const member = await requireMember(ctx, request);
      await changeAccount(ctx, member.accountId, { field: 'phone', value: request.body.new_phone }, request.body.current_password);
      return { status: 'changed' as const };
    });

    app.post('/api/me/password', {
      schema: { tags: ['identity'], summary: 'Change the password; the email gets an undo link', body: z.object({ new_password: password, current_password: password }), response: { 200: changed } },
    }, async (request) => {
      const member = await requireMember(ctx, request);
      await changeAccount(ctx, member.accountId, { field: 'password', value: request.body.new_password }, request.body.current_password);
      return { status: 'changed' as const };
    });

    app.post('/api/security/undo', {
      schema: {
        tags: ['identity'], summary: 'Undo an email, phone or password change from the alert, and report it',
        body: z.object({ token: z.string().min(10).max(200) }), response: { 200: z.object({ restored: z.enum(['email', 'phone', 'password']), signed_out_everywhere: z.literal(true) }) },
      },
    }, async (request, reply) => {
      checkCsrf(request);
      const { field } = await undoChange(ctx, request.body.token);
      clearSessionCookie(reply, request);
      return { restored: field, signed_out_everywhere: true as const };
    });

    app.get('/api/me/security', {
      schema: {
        tags: ['identity'], summary: 'Security review: takeover signals and what to do',
        response: {
          200: z.object({
            signals: z.array(z.object({ kind: z.string(), at: z.string(), summary: z.string(), severity: z.enum(['info', 'warning', 'danger']) })), steps: z.array(z.string()),
            // Wrong passwords and refused sign-ins of the last 30 days: when and from where, never what was typed.
            failed_sign_ins: z.array(z.object({ at: z.string(), kind: z.enum(['wrong_password', 'locked']), location: z.string(), address: z.string(), device: z.string() })),
          }),
        },
      },
    }, async (request) => {
      const member = await requireMember(ctx, request);
      return securityReview(ctx, member.accountId, member.ownerAccountId);
    });

    app.get('/api/me/service-code', {
      schema: { tags: ['identity'], summary: 'A 6-digit code to read to an agent (10 minutes)', response: { 200: z.object({ code: z.string(), expires_at: z.string() }) } },
    }, async (request, reply) => {
      const member = await requireMember(ctx, request);
      reply.header('cache-control', 'no-store');
      return issueServiceCode(ctx, member.accountId);
    });
  };
}

/**
 * Agents check a caller's service code. Authenticated by the `x-agent-key`
 * header, not a cookie, so a browser cannot be tricked into sending it:
 * no CSRF token needed.
 */
export function agentRoutes(ctx: IdentityContext): FastifyPluginAsyncZod {
  return async (app) => {
    answerRateLimits(app);
    app.post('/api/agent/service-codes/verify', {
      schema: {
        tags: ['identity'], summary: 'Check the service code a caller reads out (audited)',
        body: z.object({ code: z.string().trim().max(12) }), response: { 200: z.object({ valid: z.boolean(), account_id: z.string().optional() }) },
      },
    }, async (request) => {
      const header = request.headers['x-agent-key'];
      const key = Array.isArray(header) ? header[0] : header;
      if (ctx.settings.agentKey === null || key === undefined || !sameSecret(key, ctx.settings.agentKey)) {
        throw new AppError({ code: 'UNAUTHENTICATED', message: 'An agent key is needed to check service codes.', status: 401 });
      }
      return verifyServiceCode(ctx, request.body.code, request.ip);
    });
  };
}
