import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { expect, it } from 'vitest';
import { platformMigrations, runMigrations } from '../db/migrations.ts';
import { createLogger } from '../logger.ts';
import { describeEachDatabase } from '../testing/test-database.ts';
import { createMailer, maskRecipient, outboxRoutes } from './outbox.ts';

describeEachDatabase('mail outbox', (open) => {
  async function setup(smtpUrl?: string) {
    const database = await open();
    await runMigrations(database, [platformMigrations]);
    let logs = '';
    const logger = createLogger({ level: 'info', destination: new Writable({ write(chunk, _encoding, done) { logs += String(chunk); done(); } }) });
    const mailer = createMailer({ database, logger, ...(smtpUrl ? { smtpUrl } : {}) });
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(outboxRoutes({ database, publicUrl: 'http://localhost:3000' }));
    return { mailer, app, logs: () => logs };
  }

  it('keeps every message without SMTP, newest first, and never logs a body', async () => {
    const { mailer, app, logs } = await setup();
    await mailer.send({ channel: 'email', to: 'Amy@Example.com', subject: 'Reset your password', body: 'Open http://localhost:3000/reset?token=abc123secret within 15 minutes.' });
    await mailer.send({ channel: 'sms', to: '+15550100123', body: 'Your code is 482913.' });
    await mailer.send({ channel: 'email', to: 'amy@example.com', subject: 'Second', body: 'Two' });
    const forAmy = (await app.inject({ method: 'GET', url: '/api/dev/outbox?to=amy@example.com' })).json().messages;
    expect(forAmy.map((message: { subject: string }) => message.subject)).toEqual(['Second', 'Reset your password']);
    expect(forAmy[1].links).toEqual(['http://localhost:3000/reset?token=abc123secret']);
    const all = (await app.inject({ method: 'GET', url: '/api/dev/outbox' })).json().messages;
    expect(all).toHaveLength(3);
    expect(logs()).not.toContain('abc123secret');
    expect(logs()).not.toContain('482913');
    expect(logs()).not.toContain('Amy@Example.com');
    expect(logs()).toContain('A***@Example.com');
  });

  it('shows an HTML page with clickable links, relative to this server, escaped', async () => {
    const { mailer, app } = await setup();
    await mailer.send({ channel: 'email', to: 'bob@example.com', subject: '<b>Hi</b>', body: 'Undo: http://localhost:3000/security/undo?token=t0k3n and see https://reelhouse.example/help' });
    const page = await app.inject({ method: 'GET', url: '/dev/outbox' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<a href="/security/undo?token=t0k3n">');
    expect(page.body).toContain('<a href="https://reelhouse.example/help">');
    expect(page.body).toContain('&lt;b&gt;Hi&lt;/b&gt;');
    expect(page.body).toContain('name="viewport"');
  });

  it('masks recipients in logs', () => {
    expect(maskRecipient('karim@demo.reelhouse.example')).toBe('k***@demo.reelhouse.example');
    expect(maskRecipient('+15550100123')).toBe('***0123');
  });
});
