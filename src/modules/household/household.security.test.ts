import { afterAll, expect, it } from 'vitest';
import type { HttpServer, RoutesPlugin } from '../../platform/http/server.ts';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { buildTestServer } from '../../platform/testing/test-server.ts';
import { UPDATE_CODE_REFUSALS } from './household.rules.ts';
import { openHouseholdKit, type HouseholdKit } from './testing/household-test-kit.ts';

describeEachDatabase('household update codes sent all at once', (open) => {
  const servers: HttpServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  async function tvWithCode(): Promise<{ kit: HouseholdKit; server: HttpServer; deviceId: string; code: string }> {
    const kit = await openHouseholdKit(open, { today: '2026-03-10T09:00:00Z' });
    const server = await buildTestServer({ database: kit.database, clock: kit.clock, routes: [kit.household.routes ?? []].flat() as RoutesPlugin[] });
    servers.push(server);
    await kit.joinOwner({ accountId: 'acct_burst' });
    const start = (network: string) => server.inject({ method: 'POST', url: '/api/tv/start', headers: { 'x-test-account': 'acct_burst' }, payload: { device_name: `TV on ${network}`, network_id: network } });
    await start('net_home');
    const away = (await start('net_lake_house')).json() as { device_id: string };
    await server.inject({ method: 'POST', url: `/api/tv/${away.device_id}/household/update`, headers: { 'x-test-account': 'acct_burst' }, payload: { channel: 'email' } });
    const code = /\b(\d{6})\b/.exec(kit.mailer.lastTo('acct_burst@example.test').body)?.[1] ?? '';
    return { kit, server, deviceId: away.device_id, code };
  }

  it('compares no more than five codes when thirty wrong ones arrive at once, and the right one is refused after', async () => {
    const { server, deviceId, code } = await tvWithCode();
    const confirm = (guess: string) => server.inject({ method: 'POST', url: `/api/tv/${deviceId}/household/confirm`, headers: { 'x-test-account': 'acct_burst' }, payload: { code: guess } });
    const wrong = (index: number) => String((Number(code) + 1 + index) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all(Array.from({ length: 30 }, (_, index) => confirm(wrong(index))));
    const errors = answers.map((answer) => answer.json().error as { code: string; message: string });
    expect(answers.every((answer) => answer.statusCode === 400)).toBe(true);
    expect(errors.every((error) => error.code === 'HOUSEHOLD_CODE_INVALID')).toBe(true);
    // "Not right" is the answer of a code that was compared; the others were refused before.
    const compared = errors.filter((error) => error.message === UPDATE_CODE_REFUSALS.wrong).length;
    // Exactly five: the guesses take turns on the code's row, and each of the first five is counted and compared.
    expect(compared).toBe(5);
    expect(errors.filter((error) => error.message === UPDATE_CODE_REFUSALS.too_many_attempts).length).toBe(30 - compared);
    const right = await confirm(code);
    expect(right.statusCode).toBe(400);
    expect(right.json().error.message).toBe(UPDATE_CODE_REFUSALS.too_many_attempts);
  });

  it('takes the right code among wrong ones sent at once while fewer than five were wrong', async () => {
    const { server, deviceId, code } = await tvWithCode();
    const confirm = (guess: string) => server.inject({ method: 'POST', url: `/api/tv/${deviceId}/household/confirm`, headers: { 'x-test-account': 'acct_burst' }, payload: { code: guess } });
    const wrong = (index: number) => String((Number(code) + 1 + index) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all([confirm(wrong(0)), confirm(wrong(1)), confirm(code), confirm(wrong(2))]);
    expect(answers.filter((answer) => answer.statusCode === 200)).toHaveLength(1);
    expect(answers[2]?.json()).toEqual({ primary_network: { id: 'net_lake_house', name: 'Lake house' } });
  });
});
