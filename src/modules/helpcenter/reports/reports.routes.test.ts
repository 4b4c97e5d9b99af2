import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { fixedClock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { platformMigrations, runMigrations } from '../../../platform/db/migrations.ts';
import { buildHttpServer, type HttpServer } from '../../../platform/http/server.ts';
import { createLogger } from '../../../platform/logger.ts';
import { describeEachDatabase } from '../../../platform/testing/test-database.ts';
import { createTitleReportsModule, parsePlaybackTime, titleReportsMigrations } from './index.ts';

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

describe('playback time', () => {
  it('reads h:mm:ss and hh:mm:ss, and nothing else', () => {
    expect(parsePlaybackTime('00:42:10')).toBe(2530);
    expect(parsePlaybackTime('1:02:03')).toBe(3723);
    for (const bad of ['42:10', '00:60:00', '1:2:3', 'soon', '']) expect(parsePlaybackTime(bad), bad).toBeNull();
  });
});

describeEachDatabase('title problem reports', (open) => {
  let database: Database;
  let server: HttpServer;
  let closedServer: HttpServer;
  const clock = fixedClock('2026-03-10T20:15:00Z');

  beforeAll(async () => {
    database = await open();
    await runMigrations(database, [platformMigrations, titleReportsMigrations]);
    const build = async (demoMode: boolean, adminKey?: string) => buildHttpServer({
      config: loadConfig({ USHER_DEMO: String(demoMode) }), logger: createLogger({ level: 'silent' }), database, clock, homeLinks: [],
      routes: [createTitleReportsModule({ db: database.db, clock, demoMode, ...(adminKey ? { adminKey } : {}) }).routes ?? []].flat(),
    });
    server = await build(true);
    closedServer = await build(false);
  });
  afterAll(async () => {
    await server.close();
    await closedServer.close();
  });

  const admin = (url = '/api/admin/title-reports', key: string | null = 'demo-admin-key', on = server) =>
    on.inject({ url, headers: key === null ? {} : { 'x-admin-key': key } });

  it('serves the form with every problem kind, a device list and an hh:mm:ss time', async () => {
    const page = await server.inject({ url: '/help/report-title' });
    expect(page.statusCode).toBe(200);
    for (const kind of ['subtitles_out_of_sync', 'wrong_audio', 'poor_picture', 'buffering_one_title', 'wrong_episode', 'ends_early', 'advertisement']) {
      expect(page.body).toContain(`value="${kind}"`);
    }
    expect(page.body).toContain('name="device"');
    expect(page.body).toContain('name="playback_time"');
  });

  it('stores a report sent by the plain form and thanks the member with its reference', async () => {
    const sent = await server.inject({
      method: 'POST', url: '/help/report-title', headers: formHeaders,
      payload: new URLSearchParams({ title: 'The Lighthouse Keepers', episode: 'Season 2, episode 3', kind: 'subtitles_out_of_sync', device: 'tv', playback_time: '00:42:10', details: 'About two seconds late' }).toString(),
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toMatch(/^\/help\/report-title\?sent=rpt_[0-9a-f]+$/);
    expect((await server.inject({ url: sent.headers.location as string })).body).toContain('your report was sent');

    const list = await admin();
    expect(list.statusCode).toBe(200);
    expect(list.json().reports[0]).toMatchObject({
      title: 'The Lighthouse Keepers', episode: 'Season 2, episode 3', kind: 'subtitles_out_of_sync', device: 'tv',
      playback_time: '00:42:10', playback_seconds: 2530, details: 'About two seconds late', status: 'new', created_at: '2026-03-10T20:15:00.000Z',
    });
  });

  it('shows the form again with the member\'s values and a message per wrong field, storing nothing', async () => {
    const before = (await admin()).json().reports.length;
    const refused = await server.inject({
      method: 'POST', url: '/help/report-title', headers: formHeaders,
      payload: new URLSearchParams({ title: 'Night <Train>', kind: 'bad', device: 'tv', playback_time: '42 minutes' }).toString(),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('value="Night &lt;Train&gt;"');
    expect(refused.body).toContain('Choose what is wrong');
    expect(refused.body).toContain('hh:mm:ss');
    expect((await admin()).json().reports.length).toBe(before);
  });

  it('accepts JSON too, a film without episode or time', async () => {
    const created = await server.inject({ method: 'POST', url: '/api/title-reports', payload: { title: 'Harbour Lights', kind: 'ends_early', device: 'computer' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ episode: null, playback_time: null, details: null });
    const filtered = (await admin('/api/admin/title-reports?kind=ends_early')).json().reports;
    expect(filtered.map((r: { title: string }) => r.title)).toEqual(['Harbour Lights']);
  });

  it('lists reports only with the content team\'s key; without a configured key outside demo mode, never', async () => {
    expect((await admin('/api/admin/title-reports', null)).statusCode).toBe(401);
    expect((await admin('/api/admin/title-reports', 'wrong-key')).statusCode).toBe(401);
    expect((await admin('/api/admin/title-reports', 'demo-admin-key', closedServer)).statusCode).toBe(401);
  });
});
