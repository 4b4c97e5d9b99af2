import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IdentityContext } from './identity-context.ts';
import { answerRateLimits } from './identity-http.ts';
import { createProfile, profilesOf, recentViewing, recordViewing, removeProfile } from './profiles.service.ts';
import { requireMember } from './sessions.service.ts';

const profile = z.object({ id: z.string(), name: z.string(), created_at: z.string() });
const viewing = z.object({
  id: z.string(), profile_id: z.string(), profile_name: z.string().nullable(), title: z.string(), device_id: z.string().nullable(), location: z.string().nullable(), watched_at: z.string(),
});
const id = z.string().min(1).max(100);

/** The signed-in member's profiles and viewing activity. */
export function profileRoutes(ctx: IdentityContext): FastifyPluginAsyncZod {
  return async (app) => {
    answerRateLimits(app);

    app.get('/api/me/profiles', {
      schema: { tags: ['identity'], summary: 'The account\'s profiles', response: { 200: z.object({ profiles: z.array(profile) }) } },
    }, async (request) => ({ profiles: await profilesOf(ctx, (await requireMember(ctx, request)).accountId) }));

    app.post('/api/me/profiles', {
      schema: { tags: ['identity'], summary: 'Add a profile (at most 5)', body: z.object({ name: z.string().trim().min(1).max(50) }), response: { 201: profile } },
    }, async (request, reply) => {
      const member = await requireMember(ctx, request);
      const created = await createProfile(ctx, { accountId: member.accountId, name: request.body.name, deviceId: member.deviceId, ip: request.ip });
      return reply.status(201).send(created);
    });

    app.delete('/api/me/profiles/:id', {
      schema: { tags: ['identity'], summary: 'Remove a profile and its viewing activity', params: z.object({ id }) },
    }, async (request, reply) => {
      const member = await requireMember(ctx, request);
      await removeProfile(ctx, member.accountId, request.params.id);
      return reply.status(204).send();
    });

    app.get('/api/me/viewing', {
      schema: { tags: ['identity'], summary: 'The latest 50 titles watched on the account', response: { 200: z.object({ viewing: z.array(viewing) }) } },
    }, async (request) => ({ viewing: await recentViewing(ctx, (await requireMember(ctx, request)).accountId) }));

    app.post('/api/me/viewing', {
      schema: {
        tags: ['identity'], summary: 'Record a title watched on a profile (the simulated TV), from this device by default',
        body: z.object({ profile_id: id, title: z.string().trim().min(1).max(200), device_id: id.optional() }), response: { 201: viewing },
      },
    }, async (request, reply) => {
      const member = await requireMember(ctx, request);
      const recorded = await recordViewing(ctx, {
        accountId: member.accountId, profileId: request.body.profile_id, title: request.body.title, deviceId: request.body.device_id ?? member.deviceId, ip: request.ip,
      });
      return reply.status(201).send(recorded);
    });
  };
}
