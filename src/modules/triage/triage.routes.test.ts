import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTriageModule } from './index.ts';
import { triage } from './triage.ts';
import { triageRoutes } from './triage.routes.ts';

describe('POST /api/triage', () => {
  const app = Fastify();
  beforeAll(async () => {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(triageRoutes({ triage }));
  });
  afterAll(() => app.close());

  it('answers the same JSON as the command line', async () => {
    const text = 'my card ending 4242 was charged $15.99 twice on 4 March';
    const response = await app.inject({ method: 'POST', url: '/api/triage', payload: { text } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(JSON.parse(JSON.stringify(triage(text))));
    expect(response.json().entities).toMatchObject({ card_last4: '4242', amount: '$15.99' });
  });

  it('refuses an empty, missing or overlong text with 400', async () => {
    for (const payload of [{ text: '' }, {}, { text: 'x'.repeat(5001) }, { text: 42 }]) {
      const response = await app.inject({ method: 'POST', url: '/api/triage', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('is a module with an empty migrations directory the runner accepts', async () => {
    const module = createTriageModule();
    expect(module.name).toBe('triage');
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(module.migrationsDir)).filter((name) => name.endsWith('.sql'))).toEqual([]);
    await module.start?.();
  });
});
