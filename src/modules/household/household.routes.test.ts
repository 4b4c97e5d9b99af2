import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildHttpServer, type HttpServer, type RoutesPlugin } from '../../platform/http/server.ts';
import { createLogger } from '../../platform/logger.ts';
import { openTestDatabase } from '../../platform/testing/test-database.ts';
import { openHouseholdKit, type HouseholdKit } from './testing/household-test-kit.ts';

describe('household and extra-member HTTP routes', () => {
  let kit: HouseholdKit;
  let server: HttpServer;
  const logLines: string[] = [];

  beforeAll(async () => {
    kit = await openHouseholdKit(() => openTestDatabase('pglite'), { today: '2026-03-10T09:00:00Z' });
    const destination = new Writable({ write(chunk: Buffer, _encoding, done) { logLines.push(chunk.toString()); done(); } });
    const routes = [kit.household.routes ?? []].flat() as RoutesPlugin[];
    server = await buildHttpServer({
      config: loadConfig({ USHER_DEMO: 'false', USHER_SCHEDULER: 'false' }),
      logger: createLogger({ level: 'info', destination }),
      database: kit.database,
      clock: kit.clock,
      routes,
      homeLinks: [],
    });
    await kit.joinOwner({ accountId: 'acct_ana', plan: 'premium' });
    await kit.joinOwner({ accountId: 'acct_bo', plan: 'premium' });
  });
  afterAll(async () => {
    await server.close();
    await kit.database.close();
  });

  const as = (accountId: string) => ({ 'x-test-account': accountId });

  it('asks for a session, and validates bodies with the schema', async () => {
    expect((await server.inject({ method: 'GET', url: '/api/me/household' })).statusCode).toBe(401);
    const bad = await server.inject({ method: 'POST', url: '/api/tv/start', headers: as('acct_ana'), payload: { device_name: 'TV', network_id: 'home' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'body.network_id' } });
  });

  it('plays a TV: in the household on the first network, not on another; the update code moves it', async () => {
    const start = (network: string) => server.inject({ method: 'POST', url: '/api/tv/start', headers: as('acct_ana'), payload: { device_name: `TV on ${network}`, network_id: network } });
    expect((await start('net_home')).json()).toMatchObject({ status: 'in_household' });
    const away = (await start('net_lake_house')).json() as { device_id: string; status: string; message: string };
    expect(away.status).toBe('not_in_household');
    const sent = await server.inject({ method: 'POST', url: `/api/tv/${away.device_id}/household/update`, headers: as('acct_ana'), payload: { channel: 'email' } });
    expect(sent.statusCode).toBe(202);
    const code = /\b(\d{6})\b/.exec(kit.mailer.lastTo('acct_ana@example.test').body)?.[1] ?? '';
    const confirmed = await server.inject({ method: 'POST', url: `/api/tv/${away.device_id}/household/confirm`, headers: as('acct_ana'), payload: { code } });
    expect(confirmed.json()).toEqual({ primary_network: { id: 'net_lake_house', name: 'Lake house' } });
    const household = (await server.inject({ method: 'GET', url: '/api/me/household', headers: as('acct_ana') })).json();
    expect(household.primary_network.id).toBe('net_lake_house');
    expect(logLines.join('')).not.toContain(code);
    const theirs = await server.inject({ method: 'POST', url: `/api/tv/${away.device_id}/household/update`, headers: as('acct_bo'), payload: { channel: 'email' } });
    expect(theirs.statusCode).toBe(404);
  });

  it('invites, accepts with a session cookie, and keeps other owners and extra members out', async () => {
    const invited = await server.inject({ method: 'POST', url: '/api/me/extra-members/invitations', headers: as('acct_ana'), payload: { email: 'Kim@Example.test', name: 'Kim' } });
    expect(invited.statusCode).toBe(201);
    const invitation = invited.json().invitation as { id: string; email: string };
    expect(invitation.email).toBe('kim@example.test');
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(kit.mailer.lastTo('kim@example.test').body)?.[1] ?? '';

    for (const request of [
      { method: 'POST' as const, url: `/api/me/extra-members/invitations/${invitation.id}/resend` },
      { method: 'POST' as const, url: `/api/me/extra-members/invitations/${invitation.id}/cancel` },
      { method: 'PATCH' as const, url: `/api/me/extra-members/invitations/${invitation.id}`, payload: { email: 'x@example.test' } },
    ]) {
      const answer = await server.inject({ ...request, headers: as('acct_bo') });
      expect(answer.statusCode).toBe(404);
    }

    const acceptance = { name: 'Kim Park', password: 'correct horse battery' };
    // It signs a login in: a page on another site must not accept for the visitor (double-submit CSRF).
    const forged = await server.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, headers: { cookie: 'usher_csrf=csrf_kim' }, payload: acceptance });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ error: { code: 'CSRF_FAILED' } });
    const accepted = await server.inject({
      method: 'POST', url: `/api/invitations/${token}/accept`, headers: { cookie: 'usher_csrf=csrf_kim', 'x-csrf-token': 'csrf_kim' }, payload: acceptance,
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.headers['set-cookie']).toBeDefined();
    const member = accepted.json().member as { account_id: string; role: string };
    expect(member.role).toBe('extra_member');
    // Request lines carry URLs (the TV's are there), but never the invitation's.
    expect(logLines.join('')).toContain('/api/tv/start');
    expect(logLines.join('')).not.toContain(token);

    const overview = (await server.inject({ method: 'GET', url: '/api/me/extra-members', headers: as('acct_ana') })).json();
    expect(overview).toMatchObject({ slots_allowed: 2, slots_used: 1, eligible: true, members: [{ account_id: member.account_id, name: 'Kim Park', access_until: null }] });
    expect((await server.inject({ method: 'GET', url: '/api/me/extra-members', headers: as(member.account_id) })).statusCode).toBe(403);
    expect((await server.inject({ method: 'DELETE', url: `/api/me/extra-members/${member.account_id}`, headers: as('acct_bo') })).statusCode).toBe(404);
    const removed = await server.inject({ method: 'DELETE', url: `/api/me/extra-members/${member.account_id}`, headers: as('acct_ana') });
    expect(removed.statusCode).toBe(204);
  });

  it('passes billing\'s refusal through with its contract code', async () => {
    const invite = (email: string) => server.inject({ method: 'POST', url: '/api/me/extra-members/invitations', headers: as('acct_bo'), payload: { email, name: 'Guest' } });
    expect((await invite('one@example.test')).statusCode).toBe(201);
    expect((await invite('two@example.test')).statusCode).toBe(201);
    const third = await invite('three@example.test');
    expect(third.statusCode).toBe(422);
    expect(third.json()).toMatchObject({ error: { code: 'EXTRA_MEMBER_LIMIT' } });
  });
});
