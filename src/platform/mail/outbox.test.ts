import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { SMTPServer } from 'smtp-server';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { expect, it } from 'vitest';
import { platformMigrations, runMigrations } from '../db/migrations.ts';
import { createLogger } from '../logger.ts';
import { describeEachDatabase } from '../testing/test-database.ts';
import { createMailer, findSentEmailByMessageId, findSentEmailsBySubject, listOutboxMessages, maskRecipient, outboxRoutes } from './outbox.ts';

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

  it('gives every email a Message-ID on our domain and keeps it with its purpose, to recognise it when a member forwards it', async () => {
    const database = await open();
    await runMigrations(database, [platformMigrations]);
    const mailer = createMailer({ database, from: 'Watchly <no-reply@watchly.example>' });
    await mailer.send({ channel: 'email', to: 'amy@example.com', subject: 'Reset your password', body: 'link', purpose: 'a password reset' });
    await mailer.send({ channel: 'sms', to: '+15550100123', body: 'Your code is 482913.' });
    const [sms, email] = await listOutboxMessages(database.db, { limit: 5 });
    expect(sms?.message_id).toBeNull();
    expect(email?.message_id).toMatch(/^<msg_[0-9a-f]+@watchly\.example>$/);
    const found = await findSentEmailByMessageId(database.db, String(email?.message_id).slice(1, -1));
    expect(found).toMatchObject({ id: email?.id, recipient: 'amy@example.com', subject: 'Reset your password', purpose: 'a password reset' });
    const now = Date.now();
    expect(await findSentEmailsBySubject(database.db, { recipient: 'AMY@example.com', subject: 'Reset your password', from: new Date(now - 60_000), to: new Date(now + 60_000) })).toHaveLength(1);
    expect(await findSentEmailsBySubject(database.db, { recipient: 'amy@example.com', subject: 'Reset your password', from: new Date(now + 60_000), to: new Date(now + 120_000) })).toHaveLength(0);
  });

  it('signs mail sent through SMTP with DKIM when a key is given, and records it without its body', async () => {
    const database = await open();
    await runMigrations(database, [platformMigrations]);
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], logger: false,
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => { raw += chunk.toString(); });
        stream.on('end', () => { received.push(raw); callback(); });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const port = (server.server.address() as AddressInfo).port;
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
      const mailer = createMailer({ database, smtpUrl: `smtp://127.0.0.1:${port}`, dkim: { domainName: 'reelhouse.example', keySelector: 'usher', privateKey } });
      await mailer.send({ channel: 'email', to: 'amy@example.com', subject: 'Your household update code', body: 'Your code is 482913.', purpose: 'a household code' });
      expect(received).toHaveLength(1);
      expect(received[0]).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=reelhouse\.example;[\s\S]*s=usher;/m);
      const messageId = /^Message-ID: (<[^>]+>)/im.exec(received[0] ?? '')?.[1];
      expect(messageId).toMatch(/^<msg_[0-9a-f]+@reelhouse\.example>$/);
      const sent = await findSentEmailByMessageId(database.db, messageId as string);
      expect(sent).toMatchObject({ recipient: 'amy@example.com', purpose: 'a household code' });
      // Recorded to prove we sent it, but not shown in the demo outbox and without the code it carried.
      expect(await listOutboxMessages(database.db, { limit: 5 })).toEqual([]);
      const raw = await database.db.selectFrom('outbox_messages' as never).selectAll().execute() as { body: string; delivery: string }[];
      expect(raw).toEqual([expect.objectContaining({ body: '', delivery: 'smtp' })]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
