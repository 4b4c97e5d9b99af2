import Fastify from 'fastify';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { platformMigrations, runMigrations } from '../db/migrations.ts';
import { describeEachDatabase, openPeerDatabase } from '../testing/test-database.ts';
import { handleError } from './error-handler.ts';
import { createRateLimiter, rateLimitHook, secondsUntilRoom, type RateLimitPolicy } from './rate-limit.ts';

const POLICY: RateLimitPolicy = { scope: 'test.limited', limit: 5, windowSeconds: 60 };
const T0 = Date.parse('2026-12-01T10:00:00.000Z');

async function migrated(open: () => Promise<Database>): Promise<Database> {
  const database = await open();
  await runMigrations(database, [platformMigrations]);
  return database;
}

async function allowedOf(decisions: Promise<{ allowed: boolean }>[]): Promise<number> {
  return (await Promise.all(decisions)).filter((decision) => decision.allowed).length;
}

describeEachDatabase('rate limiter', (open, kind) => {
  it('lets the limit through in a window, refuses the next with when to come back, and counts subjects and scopes apart', { timeout: 30_000 }, async () => {
    const database = await migrated(open);
    let now = T0 + 30_000;
    const limiter = createRateLimiter({ db: database.db, now: () => now });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await limiter.take(POLICY, '203.0.113.7'));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, true, true, false]);
    // Six counted in this window (the refused one too): the next opens in 30 s, then this one's 6 must fade to 4 to leave room, 20 s more.
    expect(answers[5].retryAfterSeconds).toBe(30 + 20);
    expect((await limiter.take(POLICY, '203.0.113.8')).allowed).toBe(true);
    expect((await limiter.take({ ...POLICY, scope: 'test.other' }, '203.0.113.7')).allowed).toBe(true);
    now += 49_000;
    expect((await limiter.take(POLICY, '203.0.113.7')).allowed).toBe(false);
    now += 11_000;
    expect((await limiter.take(POLICY, '203.0.113.7')).allowed).toBe(true);
  });

  it('lets exactly the limit through when a burst arrives all at once, over two connection pools', { timeout: 30_000 }, async () => {
    const database = await migrated(open);
    const peer = await openPeerDatabase(database);
    try {
      const one = createRateLimiter({ db: database.db, now: () => T0 });
      const two = createRateLimiter({ db: peer.db, now: () => T0 });
      const burst = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? one : two).take({ ...POLICY, limit: 10 }, '198.51.100.1'));
      expect(await allowedOf(burst)).toBe(10);
    } finally {
      if (kind === 'postgres') await peer.close();
    }
  });

  it('slides: a full window just before does not buy a second full window just after', { timeout: 30_000 }, async () => {
    const database = await migrated(open);
    let now = T0 + 59_000;
    const limiter = createRateLimiter({ db: database.db, now: () => now });
    expect(await allowedOf(Array.from({ length: 5 }, () => limiter.take(POLICY, 'a')))).toBe(5);
    now = T0 + 61_000;
    // 5 × (59/60) of the previous window still counts: no room yet.
    expect((await limiter.take(POLICY, 'a')).allowed).toBe(false);
    now = T0 + 120_000 + 1_000;
    expect((await limiter.take(POLICY, 'a')).allowed).toBe(true);
  });

  it('keeps only a hash of the subject, and the sweep deletes expired counters', { timeout: 30_000 }, async () => {
    const database = await migrated(open);
    let now = T0;
    const limiter = createRateLimiter({ db: database.db, now: () => now });
    await limiter.take(POLICY, '192.0.2.44');
    const rows = await sql<{ subject: string }>`select subject from platform_rate_limits`.execute(database.db);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0].subject).not.toContain('192.0.2.44');
    now = T0 + 60_000;
    expect(await limiter.sweep()).toBe(0);
    now = T0 + 121_000;
    expect(await limiter.sweep()).toBe(1);
  });

  it('answers a limited route with 429 RATE_LIMITED in the project’s error body and Retry-After', { timeout: 30_000 }, async () => {
    const database = await migrated(open);
    const limiter = createRateLimiter({ db: database.db, now: () => T0 });
    const app = Fastify();
    app.setErrorHandler(handleError);
    let handled = 0;
    app.post('/limited', { onRequest: rateLimitHook(limiter, { ...POLICY, limit: 2, message: 'Too many tries.' }) }, async () => ({ handled: ++handled }));
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await app.inject({ method: 'POST', url: '/limited', payload: {} })).statusCode);
      expect(codes).toEqual([200, 200, 429]);
      const refused = await app.inject({ method: 'POST', url: '/limited', payload: {} });
      expect(refused.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^Too many tries\. Try again in \d+ seconds\.$/) } });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(handled).toBe(2);
    } finally {
      await app.close();
    }
  });
});

describe('secondsUntilRoom', () => {
  it('waits for the previous window to fade when this one has room', () => {
    // 10 before, 2 now, half-way: 10 × 0.5 + 2 = 7 > 5; room for one more once 10 × (1 − t) + 3 ≤ 5, at t = 0.8.
    expect(secondsUntilRoom({ previous: 10, current: 2 }, 0.5, { limit: 5, windowSeconds: 100 })).toBe(30);
  });

  it('waits into the next window when this one is full', () => {
    expect(secondsUntilRoom({ previous: 0, current: 5 }, 0.25, { limit: 5, windowSeconds: 100 })).toBe(75 + 20);
  });
});
