import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IdentityPort } from './household.ports.ts';
import type { HouseholdService } from './household.service.ts';

const networkSchema = z.object({ id: z.string(), name: z.string() });
const deviceSchema = z.object({
  id: z.string(),
  type: z.enum(['tv', 'phone', 'tablet', 'computer', 'console']),
  name: z.string(),
  location: z.string().nullable(),
  network_id: z.string().nullable(),
  last_used_at: z.string(),
  current: z.boolean(),
  in_household: z.boolean(),
});
const deviceParams = z.object({ deviceId: z.string().min(1).max(100) });
export const networkIdSchema = z.string().regex(/^net_[a-z0-9_]{1,60}$/, 'is a network id such as net_home');

/** Household pages and the simulated TV. Every route works for the signed-in account's own household. */
export function householdRoutes(options: { identity: IdentityPort; household: HouseholdService }): FastifyPluginAsyncZod {
  const { identity, household } = options;
  return async (app) => {
    app.get('/api/me/household', {
      schema: { tags: ['household'], summary: 'The primary network and which devices are part of the household', response: { 200: z.object({ primary_network: networkSchema.nullable(), devices: z.array(deviceSchema) }) } },
    }, async (request) => household.describeHousehold(await identity.requireMember(request)));

    app.post('/api/tv/start', {
      schema: {
        tags: ['household'],
        summary: 'Simulated TV: sign a TV in on a network with the tester\'s session',
        body: z.object({ device_name: z.string().trim().min(1).max(80), network_id: networkIdSchema }),
        response: { 200: z.object({ device_id: z.string(), status: z.enum(['in_household', 'not_in_household']), message: z.string() }) },
      },
    }, async (request) => {
      const member = await identity.requireMember(request);
      return household.startTv({ member, deviceName: request.body.device_name, networkId: request.body.network_id });
    });

    app.post('/api/tv/:deviceId/household/update', {
      schema: {
        tags: ['household'],
        summary: 'Send a 6-digit code (15 minutes) to update the household from this TV',
        params: deviceParams,
        body: z.object({ channel: z.enum(['email', 'sms']) }),
        response: { 202: z.object({ channel: z.enum(['email', 'sms']), expires_at: z.string() }) },
      },
    }, async (request, reply) => {
      const member = await identity.requireMember(request);
      const sent = await household.requestUpdateCode({ member, deviceId: request.params.deviceId, channel: request.body.channel });
      return reply.status(202).send(sent);
    });

    app.post('/api/tv/:deviceId/household/confirm', {
      schema: {
        tags: ['household'],
        summary: 'Enter the code on the TV: its network becomes the household\'s primary network',
        params: deviceParams,
        body: z.object({ code: z.string().regex(/^\d{6}$/, 'is 6 digits') }),
        response: { 200: z.object({ primary_network: networkSchema }) },
      },
    }, async (request) => {
      const member = await identity.requireMember(request);
      return household.confirmUpdate({ member, deviceId: request.params.deviceId, code: request.body.code });
    });
  };
}
