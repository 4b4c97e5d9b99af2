import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { fixedClock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { platformMigrations, runMigrations } from '../../../platform/db/migrations.ts';
import { buildHttpServer, type HttpServer } from '../../../platform/http/server.ts';
import { createLogger } from '../../../platform/logger.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { createGuidedFlowsModule, guidedFlowsMigrations, type GuidedFlowsModule } from './index.ts';

const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describeEachDatabase('guided flow pages', (open) => {
  let database: Database;
  let server: HttpServer;
  let module: GuidedFlowsModule;
  const clock = fixedClock('2026-03-10T12:00:00Z');

  beforeAll(async () => {
    database = await open();
    await runMigrations(database, [platformMigrations, guidedFlowsMigrations]);
    module = createGuidedFlowsModule({ db: database.db, clock, renderPage: (title, body) => `<html><title>${title}</title><body>${body}</body></html>` });
    server = await buildHttpServer({
      config: loadConfig({ USHER_DEMO: 'true' }), logger: createLogger({ level: 'silent' }), database, clock, routes: [module.routes ?? []].flat(), homeLinks: [],
    });
  });
  afterAll(() => server.close());

  const post = (url: string, fields: Record<string, string>) => server.inject({ method: 'POST', url, ...form(fields) });
  const runIdOf = (location: string | undefined) => /\/runs\/(run_[0-9a-f]+)$/.exec(location ?? '')?.[1] as string;

  it('lists every flow and serves /help/flows/general-streaming, whose first step records nothing', async () => {
    const list = await server.inject({ url: '/help/flows' });
    expect(list.statusCode).toBe(200);
    for (const id of ['general-streaming', 'smart-tv', 'account-secured']) expect(list.body).toContain(`/help/flows/${id}`);
    const page = await server.inject({ url: '/help/flows/general-streaming' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post" action="/help/flows/general-streaming/runs">');
    expect(page.body).toContain('name="option" value="yes"');
    expect(await module.runs.outcomes()).toEqual([]);
    expect((await server.inject({ url: '/help/flows/no-such-flow' })).statusCode).toBe(404);
  });

  it('records the path, the device and the outcome of a run made of plain form posts', async () => {
    const first = await post('/help/flows/general-streaming/runs', { option: 'yes', device: 'tv' });
    expect(first.statusCode).toBe(303);
    const runId = runIdOf(first.headers.location);
    const url = `/help/flows/general-streaming/runs/${runId}`;
    expect(first.headers.location).toBe(url);

    const step = await server.inject({ url });
    expect(step.body).toContain('Turn the device off and on again');
    expect(step.body).toContain(`action="${url}"`);

    expect((await post(url, { option: 'still' })).statusCode).toBe(303);
    expect((await post(url, { option: 'fixed' })).statusCode).toBe(303);
    const end = await server.inject({ url });
    expect(end.body).toContain('Glad it plays again');

    const run = (await server.inject({ url: `/api/flow-runs/${runId}` })).json();
    expect(run).toMatchObject({
      flow_id: 'general-streaming', device: 'tv', current_step: 'solved', outcome: 'solved', solved: true,
      path: [{ step: 'other-apps', option: 'yes' }, { step: 'restart-device', option: 'still' }, { step: 'restart-network', option: 'fixed' }],
      started_at: '2026-03-10T12:00:00.000Z', finished_at: '2026-03-10T12:00:00.000Z',
    });
    // A finished run takes no more answers: it shows its end again.
    const late = await post(url, { option: 'still' });
    expect(late.statusCode).toBe(303);
    expect((await server.inject({ url: `/api/flow-runs/${runId}` })).json().path).toHaveLength(3);
  });

  it('keeps where the member stopped when they leave halfway, and counts the outcomes', async () => {
    const first = await post('/help/flows/smart-tv/runs', { option: 'still' });
    const run = (await server.inject({ url: `/api/flow-runs/${runIdOf(first.headers.location)}` })).json();
    expect(run).toMatchObject({ current_step: 'restart-network', outcome: null, solved: null, finished_at: null, device: 'tv' });
    expect(await module.runs.outcomes()).toEqual(expect.arrayContaining([
      { flowId: 'general-streaming', outcome: 'solved', runs: 1 }, { flowId: 'smart-tv', outcome: null, runs: 1 },
    ]));
  });

  it('shows the warning before the sign-out step and refuses to go on without the tick, then records the confirmation', async () => {
    const start = await post('/help/flows/general-streaming/runs', { option: 'yes' });
    const url = start.headers.location as string;
    for (const option of ['still', 'still', 'still', 'still', 'still', 'no']) expect((await post(url, { option })).statusCode).toBe(303);
    const warned = await server.inject({ url });
    expect(warned.body).toContain('This step signs you out');
    expect(warned.body.indexOf('role="alert"')).toBeLessThan(warned.body.indexOf('<ol>'));
    expect(warned.body).toMatch(/<input type="checkbox" name="confirm" value="yes" required>/);

    const refused = await post(url, { option: 'fixed' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('tick the box');
    expect((await server.inject({ url: `/api/flow-runs/${runIdOf(url)}` })).json().current_step).toBe('sign-out-in');

    expect((await post(url, { option: 'fixed', confirm: 'yes' })).statusCode).toBe(303);
    const run = (await server.inject({ url: `/api/flow-runs/${runIdOf(url)}` })).json();
    expect(run.path.at(-1)).toEqual({ step: 'sign-out-in', option: 'fixed', confirmed: true });
    expect(run.solved).toBe(true);
  });

  it('lets the member skip the warned step without the tick', async () => {
    const start = await post('/help/flows/mobile-app/runs', { option: 'still', device: 'phone' });
    const url = start.headers.location as string;
    for (const option of ['still', 'wifi', 'still', 'still', 'fine']) await post(url, { option });
    expect((await server.inject({ url })).body).toContain('This step deletes your downloads');
    await post(url, { option: 'skip' });
    const run = (await server.inject({ url: `/api/flow-runs/${runIdOf(url)}` })).json();
    expect(run).toMatchObject({ current_step: 'contact', outcome: 'contact', solved: false, device: 'phone' });
    expect(run.path.at(-1)).toEqual({ step: 'reinstall', option: 'skip' });
  });

  it('answers an unknown answer with the step again, a foreign run with 404, and refuses a cross-site post', async () => {
    const bad = await post('/help/flows/general-streaming/runs', { option: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Please choose one of the answers');
    const start = await post('/help/flows/smart-tv/runs', { option: 'fixed' });
    expect((await server.inject({ url: `/help/flows/general-streaming/runs/${runIdOf(start.headers.location)}` })).statusCode).toBe(404);
    expect((await post('/help/flows/general-streaming/runs/run_nope', { option: 'yes' })).statusCode).toBe(404);
    const crossSite = await server.inject({ method: 'POST', url: '/help/flows/general-streaming/runs', ...form({ option: 'yes' }), headers: { ...form({}).headers, origin: 'https://evil.example', host: 'localhost:3000' } });
    expect(crossSite.statusCode).toBe(403);
  });
});
