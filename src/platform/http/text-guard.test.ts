import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTestDatabase } from '../testing/test-database.ts';
import { buildTestServer } from '../testing/test-server.ts';
import type { RoutesPlugin } from './server.ts';
import { badTextAt, badTextIn } from './text-guard.ts';

describe('bad text', () => {
  it('finds NUL characters and lone surrogates, and leaves whole characters alone', () => {
    expect(badTextIn('a\u0000b')).toBe('nul');
    expect(badTextIn('lone \ud800 high')).toBe('surrogate');
    expect(badTextIn('\udfff')).toBe('surrogate');
    expect(badTextIn('ends with \ud83c')).toBe('surrogate');
    expect(badTextIn('🎬 Émile, 東京, مرحبا')).toBeNull();
    expect(badTextIn('')).toBeNull();
  });

  it('names the field, keys and nested arrays included, without recursion', () => {
    expect(badTextAt({ a: [{ b: 'x' }, { c: 'y\u0000' }] }, 'body')).toEqual({ at: 'body.a.1.c', kind: 'nul' });
    expect(badTextAt({ ['k\ud800']: 1 }, 'querystring')).toEqual({ at: 'querystring', kind: 'surrogate' });
    let deep: unknown = 'bottom\u0000';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(badTextAt(deep, 'body')?.kind).toBe('nul');
  });
});

describe('the server refuses bad text on every route', () => {
  it('answers 400 naming the field in the body, the query string and the path, before the handler runs', async () => {
    const database = await openTestDatabase('pglite');
    let handled = 0;
    const routes: RoutesPlugin = async (app) => {
      app.post('/echo/:id', { schema: { params: z.object({ id: z.string() }), querystring: z.object({ q: z.string().optional() }), body: z.object({ name: z.string() }) } }, async () => {
        handled += 1;
        return { ok: true };
      });
    };
    const server = await buildTestServer({ database, routes: [routes] });
    try {
      const post = (url: string, name: string) => server.inject({ method: 'POST', url, payload: { name } });
      const fine = await post('/echo/abc?q=ok', 'Émile 🎬');
      expect(fine.statusCode).toBe(200);
      const inBody = await post('/echo/abc', 'a\u0000b');
      expect(inBody.statusCode).toBe(400);
      expect(inBody.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.name' });
      const surrogate = await post('/echo/abc', 'half \ud800');
      expect(surrogate.json().error).toMatchObject({ field: 'body.name' });
      expect(surrogate.json().error.message).toMatch(/valid Unicode/);
      expect((await post('/echo/abc?q=%00', 'x')).json().error.field).toBe('querystring.q');
      expect((await post('/echo/a%00b', 'x')).json().error.field).toBe('params.id');
      expect(handled).toBe(1);
    } finally {
      await server.close();
      await database.close();
    }
  });
});
