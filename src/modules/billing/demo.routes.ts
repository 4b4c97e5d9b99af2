import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { MembershipService } from './membership.service.ts';
import type { MembershipView } from './membership-view.ts';
import { DEMO_LATER_MEMBERS, DEMO_MEMBERS, type DemoMember } from './seed/demo-members.ts';

/** The first twelve, then the members added later (Lena, with her gift balance). */
const SHOWN = [...DEMO_MEMBERS, ...DEMO_LATER_MEMBERS];
import { renderDemoMember, renderDemoMemberList } from './billing-pages.ts';

/**
 * Read-only pages and API over the demo members (demo mode only): members'
 * own account pages come with sign-in. Only the seeded demo accounts are
 * reachable here, never a real member's.
 */
export function demoBillingRoutes(options: { service: MembershipService }): FastifyPluginAsyncZod {
  const load = async (member: DemoMember): Promise<MembershipView | null> => options.service.findByAccount(member.accountId);
  const demoMember = (accountId: string): DemoMember => {
    const member = SHOWN.find((m) => m.accountId === accountId);
    if (!member) throw new AppError({ code: 'NOT_FOUND', message: 'There is no demo member with that id.', status: 404 });
    return member;
  };

  return async (app) => {
    app.get('/api/demo/memberships', {
      schema: { tags: ['demo'], summary: 'The demo members and their membership state' },
    }, async () => ({
      members: await Promise.all(SHOWN.map(async (member) => ({ account_id: member.accountId, name: member.name, email: member.email, story: member.story, membership: await load(member) }))),
    }));

    app.get('/api/demo/memberships/:accountId', {
      schema: { tags: ['demo'], summary: 'One demo member: state, payment method, ledger and history', params: z.object({ accountId: z.string().max(100) }) },
    }, async (request) => {
      const member = demoMember(request.params.accountId);
      await options.service.refreshCardByAccount(member.accountId);
      return { account_id: member.accountId, name: member.name, email: member.email, story: member.story, membership: await load(member) };
    });

    app.get('/demo/memberships', { schema: { hide: true } }, async (_request, reply) => {
      const rows = await Promise.all(SHOWN.map(async (member) => ({ member, view: await load(member) })));
      return reply.type('text/html; charset=utf-8').send(renderDemoMemberList(rows));
    });

    app.get('/demo/memberships/:accountId', { schema: { hide: true, params: z.object({ accountId: z.string().max(100) }) } }, async (request, reply) => {
      const member = demoMember(request.params.accountId);
      await options.service.refreshCardByAccount(member.accountId);
      return reply.type('text/html; charset=utf-8').send(renderDemoMember(member, await load(member)));
    });
  };
}
