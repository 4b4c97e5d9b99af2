import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.ts';

describe('the members’ web app', () => {
  it('serves index.html on app paths and hashed assets with a long cache', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'usher-web-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)');
    const app = Fastify();
    await registerWebApp(app, dist);
    const page = await app.inject({ method: 'GET', url: '/account/payments' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="root"');
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ method: 'GET', url: '/api/unknown' })).statusCode).toBe(404);
    await app.close();
  });

  it('says how to build the app when it is missing', async () => {
    const app = Fastify();
    await registerWebApp(app, path.join(tmpdir(), 'usher-no-such-dist'));
    const page = await app.inject({ method: 'GET', url: '/join' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build');
    await app.close();
  });
});
