import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { createLogger, redactUrl } from './logger.ts';

function capture(): { lines: () => Record<string, unknown>[]; destination: Writable } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { destination, lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('logger', () => {
  it('never writes passwords, card numbers, one-time codes, auth headers or cookies', () => {
    const { destination, lines } = capture();
    const logger = createLogger({ level: 'info', destination });
    logger.info({
      req: { headers: { authorization: 'Bearer abc', cookie: 'session=xyz', host: 'usher' } },
      body: { password: 'hunter2', card_number: '4111111111111111', code: '123456', plan: 'standard' },
    }, 'sign-in attempt');
    const text = JSON.stringify(lines());
    for (const secret of ['Bearer abc', 'session=xyz', 'hunter2', '4111111111111111', '123456']) expect(text).not.toContain(secret);
    expect(text).toContain('standard');
  });

  it('keeps an error code searchable as errorCode', () => {
    const { destination, lines } = capture();
    createLogger({ level: 'info', destination }).error({ err: new AppError({ code: 'BILLING_PAUSE_LIMIT', message: 'no' }) }, 'refused');
    expect(lines()[0]).toMatchObject({ err: { errorCode: 'BILLING_PAUSE_LIMIT' } });
  });

  it('redacts one-time secrets in URLs and keeps the rest readable', () => {
    expect(redactUrl('/reset?token=abc123')).toBe('/reset?token=[Redacted]');
    expect(redactUrl('/security/undo?lang=en&TOKEN=abc')).toBe('/security/undo?lang=en&TOKEN=[Redacted]');
    expect(redactUrl('/api/dev/outbox?to=ava%40demo.example')).toBe('/api/dev/outbox?to=ava%40demo.example');
    expect(redactUrl('/api/invitations/tok_secret/accept')).toBe('/api/invitations/[Redacted]/accept');
    expect(redactUrl('/invitations/tok_secret?x=1')).toBe('/invitations/[Redacted]?x=1');
    expect(redactUrl('/greetings/ada')).toBe('/greetings/ada');
  });
});
