import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../platform/testing/test-app.ts';

describe('error code look-up form', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ today: '2026-11-27', demo: false });
  });
  afterAll(() => t?.close());

  it('sends a known code, however it is typed, to its page at the catalog’s spelling', async () => {
    const response = await t.app.server.inject({ method: 'GET', url: '/help/errors?code=ap%20310' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/help/errors/AP-310');
  });

  it('sends an unknown code to the unknown-code page as typed', async () => {
    const response = await t.app.server.inject({ method: 'GET', url: '/help/errors?code=XQ-999' });
    expect(response.headers.location).toBe('/help/errors/XQ-999');
  });
});
