import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { platformMigrations, runMigrations } from '../../platform/db/migrations.ts';
import { buildHttpServer, type HttpServer } from '../../platform/http/server.ts';
import { createLogger } from '../../platform/logger.ts';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { CATEGORIES } from './categories.ts';
import { createHelpCenterModule, DEMO_ADMIN_KEY, type HelpCenterModule } from './index.ts';

const ARTICLES_DIR = fileURLToPath(new URL('../../../content/articles/', import.meta.url));
const form = (fields: Record<string, string>) => ({ payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describeEachDatabase('help center', (open) => {
  let database: Database;
  let server: HttpServer;
  let module: HelpCenterModule;
  const clock = fixedClock('2026-11-27T10:00:00Z');

  beforeAll(async () => {
    database = await open();
    module = createHelpCenterModule({ db: database.db, clock, config: { demoMode: true } });
    await runMigrations(database, [platformMigrations, { module: module.name, dir: module.migrationsDir }]);
    await module.start?.();
    server = await buildHttpServer({
      config: loadConfig({ USHER_DEMO: 'true' }), logger: createLogger({ level: 'silent' }), database, clock, routes: [module.routes ?? []].flat(), homeLinks: [],
    });
  });
  afterAll(() => server.close());

  it('loads at least 40 articles, every category has some, and every related link and in-article link resolves', async () => {
    const { rows } = await sql<{ slug: string; category: string; related: string[]; body: string }>`select slug, category, related, body from helpcenter_articles`.execute(database.db);
    expect(rows.length).toBeGreaterThanOrEqual(40);
    const slugs = new Set(rows.map((row) => row.slug));
    for (const category of CATEGORIES) expect(rows.some((row) => row.category === category.slug), category.slug).toBe(true);
    for (const row of rows) {
      for (const related of row.related) expect(slugs.has(related), `${row.slug} → ${related}`).toBe(true);
      for (const link of row.body.matchAll(/\/help\/articles\/([a-z0-9-]+)/g)) expect(slugs.has(link[1]), `${row.slug} links ${link[1]}`).toBe(true);
      expect(row.body).not.toMatch(/\+?\d[\d\s-]{8,}\d/); // no phone number to dial
    }
  });

  it('loads content idempotently: a second start writes nothing and keeps the same articles', async () => {
    const before = await sql<{ updated_at: Date }>`select max(updated_at) as updated_at from helpcenter_articles`.execute(database.db);
    clock.advance(60_000);
    const again = createHelpCenterModule({ db: database.db, clock, config: { demoMode: true } });
    await again.start?.();
    const after = await sql<{ updated_at: Date; count: number }>`select max(updated_at) as updated_at, count(*)::int as count from helpcenter_articles`.execute(database.db);
    expect(new Date(after.rows[0].updated_at).getTime()).toBe(new Date(before.rows[0].updated_at).getTime());
    expect(after.rows[0].count).toBe(fs.readdirSync(ARTICLES_DIR).flatMap((dir) => fs.readdirSync(path.join(ARTICLES_DIR, dir))).length);
  });

  it('serves /help, a category and an article as complete HTML without scripts', async () => {
    for (const url of ['/help', '/help/categories/billing-and-payments', '/help/articles/why-was-i-charged']) {
      const page = await server.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).not.toContain('<script');
      expect(page.body).toContain('<form class="search" action="/help/search"');
    }
    const article = await server.inject({ url: '/help/articles/why-was-i-charged' });
    expect(article.body).toContain('<h1 id="article-title">Why was I charged?');
    expect(article.body).toContain('Was this helpful?');
    expect(article.body).toContain('href="/help/articles/temporary-authorization"');
    expect((await server.inject({ url: '/help/articles/no-such-thing' })).statusCode).toBe(404);
    expect((await server.inject({ url: '/help/categories/nope' })).statusCode).toBe(404);
  });

  it('searches in HTML and JSON, with typos, and shows a matching error code', async () => {
    const page = await server.inject({ url: '/help/search?q=forgot+pasword' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/help/articles/reset-your-password"');
    expect(page.body).toContain('value="forgot pasword"');
    const json = await server.inject({ url: '/api/help/search?q=chagred%20twice&limit=3' });
    expect(json.json().hits[0].slug).toBe('second-account-same-card');
    const code = await server.inject({ url: '/api/help/search?q=nt-104' });
    expect(code.json().error_code).toMatchObject({ code: 'NT-104', url: '/help/errors/NT-104' });
    const inSentence = await server.inject({ url: '/help/search?q=my+tv+says+error+ap+310' });
    expect(inSentence.body).toContain('href="/help/errors/AP-310"');
    expect((await server.inject({ url: '/api/help/search?q=error%20NT-104%20again' })).json().error_code).toMatchObject({ code: 'NT-104' });
    expect((await module.searchArticles('cancel my membership', 1))[0].slug).toBe('cancel-your-membership');
    expect((await module.getArticle('refunds'))?.title).toBe('Refunds');
  });

  it('says when there is no good answer and offers the contact page instead of unrelated articles, in HTML and JSON', async () => {
    const none = await server.inject({ url: '/api/help/search?q=recipe%20for%20lasagna' });
    expect(none.json()).toMatchObject({ hits: [], confident: false, contact_url: '/help/contact', error_code: null });
    const answered = await server.inject({ url: '/api/help/search?q=cancel%20my%20sub' });
    expect(answered.json()).toMatchObject({ confident: true, contact_url: null });
    expect(answered.json().hits[0].slug).toBe('cancel-your-membership');
    const page = await server.inject({ url: '/help/search?q=recipe+for+lasagna' });
    expect(page.body).toContain('have a good answer for');
    expect(page.body).toContain('href="/help/contact"');
    expect(page.body).not.toContain('href="/help/articles/');
    expect((await server.inject({ url: '/api/help/search?q=' })).json()).toMatchObject({ hits: [], confident: false, contact_url: null });
  });

  it('answers a German, Spanish or Portuguese query with English articles and says so', async () => {
    const json = await server.inject({ url: `/api/help/search?q=${encodeURIComponent('passwort vergessen')}` });
    expect(json.json()).toMatchObject({ confident: true, language: 'de' });
    expect(json.json().hits[0].slug).toBe('reset-your-password');
    const page = await server.inject({ url: `/help/search?q=${encodeURIComponent('me cobraron dos veces')}` });
    expect(page.body).toContain('lang="es"');
    expect(page.body).toContain('Our help articles are in English.');
    expect(page.body).toContain('href="/help/articles/second-account-same-card"');
    expect((await server.inject({ url: '/api/help/search?q=cancel%20my%20sub' })).json().language).toBeNull();
  });

  it('finds an error code typed without the dash or in lower case, as a code and as its articles', async () => {
    for (const q of ['ap310', 'Ap-310', 'my tv says AP310']) {
      const json = (await server.inject({ url: `/api/help/search?q=${encodeURIComponent(q)}` })).json();
      expect(json.error_code, q).toMatchObject({ code: 'AP-310' });
      expect(json.hits.map((hit: { slug: string }) => hit.slug).slice(0, 2), q).toContain('tv-troubleshooting');
    }
    const lookup = await server.inject({ url: '/help/errors?code=hh430' });
    expect(lookup.headers.location).toBe('/help/errors/HH-430');
    expect((await server.inject({ url: '/help/errors/ap310' })).statusCode).toBe(200);
  });

  it('lists error codes, finds a code whatever its case, and sends an unknown code to the general streaming steps', async () => {
    const list = await server.inject({ url: '/help/errors' });
    expect((list.body.match(/href="\/help\/errors\/[A-Z]/g) ?? []).length).toBeGreaterThanOrEqual(30);
    const known = await server.inject({ url: '/help/errors/hh-430' });
    expect(known.statusCode).toBe(200);
    expect(known.body).toContain('isn&#39;t part of your household');
    expect(known.body).toContain('href="/help/flows/household-message"');
    const unknown = await server.inject({ url: '/help/errors/ZZ-999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('href="/help/flows/general-streaming"');
    const lookup = await server.inject({ url: '/help/errors?code=pb%20210' });
    expect(lookup.statusCode).toBe(303);
    expect(lookup.headers.location).toBe('/help/errors/PB-210');
    expect((await server.inject({ url: '/help/errors/PB-210' })).statusCode).toBe(200);
  });

  it('stores "was this helpful?" answers from a plain form, thanks the member, and limits repeats per address', async () => {
    const url = '/help/articles/refunds/feedback';
    const first = await server.inject({ method: 'POST', url, ...form({ helpful: 'no', comment: 'Say how long a refund takes in Japan' }) });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/help/articles/refunds?feedback=thanks#feedback');
    const thanks = await server.inject({ url: '/help/articles/refunds?feedback=thanks' });
    expect(thanks.body).toContain('Thank you');
    const { rows } = await sql<{ helpful: boolean; comment: string }>`select helpful, comment from helpcenter_feedback where article_slug = 'refunds'`.execute(database.db);
    expect(rows).toEqual([{ helpful: false, comment: 'Say how long a refund takes in Japan' }]);
    for (let i = 0; i < 2; i++) await server.inject({ method: 'POST', url, ...form({ helpful: 'yes' }) });
    const limited = await server.inject({ method: 'POST', url, ...form({ helpful: 'yes' }) });
    expect(limited.headers.location).toBe('/help/articles/refunds?feedback=already#feedback');
    const count = await sql<{ count: number }>`select count(*)::int as count from helpcenter_feedback where article_slug = 'refunds'`.execute(database.db);
    expect(count.rows[0].count).toBe(3);
    const crossSite = await server.inject({ method: 'POST', url, ...form({ helpful: 'yes' }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
    expect(crossSite.statusCode).toBe(403);
  });

  it('refuses an article edit without the admin key, applies it with the key, and keeps it over the content file', async () => {
    const edit = { summary: 'Edited by an admin: refunds are looked at case by case.', keywords: ['refund', 'money back', 'reimbursement'] };
    expect((await server.inject({ method: 'PUT', url: '/api/admin/articles/refunds', payload: edit })).statusCode).toBe(401);
    expect((await server.inject({ method: 'PUT', url: '/api/admin/articles/refunds', payload: edit, headers: { 'x-admin-key': 'wrong' } })).statusCode).toBe(401);
    const done = await server.inject({ method: 'PUT', url: '/api/admin/articles/refunds', payload: edit, headers: { 'x-admin-key': DEMO_ADMIN_KEY } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ created: false, article: { source: 'admin', summary: edit.summary, updated: '2026-11-27' } });
    expect((await server.inject({ url: '/help/articles/refunds' })).body).toContain('Edited by an admin');
    const again = createHelpCenterModule({ db: database.db, clock, config: { demoMode: true } });
    expect((await again.getArticle('refunds'))?.summary).toBe(edit.summary);
    const bad = await server.inject({ method: 'PUT', url: '/api/admin/articles/refunds', payload: { related: ['no-such-article'] }, headers: { 'x-admin-key': DEMO_ADMIN_KEY } });
    expect(bad.statusCode).toBe(400);
  });

  it('creates a new article through the admin API and finds it by search at once', async () => {
    const created = await server.inject({
      method: 'PUT', url: '/api/admin/articles/premiere-nights', headers: { 'x-admin-key': DEMO_ADMIN_KEY },
      payload: { title: 'Reelhouse premiere nights', category: 'shows-and-movies', summary: 'Watch a premiere together at the same minute on every screen.', body: 'Open the **Premieres** row.' },
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().created).toBe(true);
    expect((await module.searchArticles('premiere night', 1))[0]?.slug).toBe('premiere-nights');
  });

  it('has no admin key outside demo mode unless one is configured', async () => {
    const production = createHelpCenterModule({ db: database.db, clock, config: { demoMode: false, articlesDir: ARTICLES_DIR } });
    const other = await buildHttpServer({ config: loadConfig({ USHER_DEMO: 'false' }), logger: createLogger({ level: 'silent' }), database, clock, routes: [production.routes ?? []].flat(), homeLinks: [] });
    const refused = await other.inject({ method: 'PUT', url: '/api/admin/articles/refunds', payload: { summary: 'Should never be stored here.' }, headers: { 'x-admin-key': DEMO_ADMIN_KEY } });
    expect(refused.statusCode).toBe(401);
    await other.close();
  });
});
