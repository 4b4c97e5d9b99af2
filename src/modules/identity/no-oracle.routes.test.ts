import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Mailer } from '../../platform/mail/outbox.ts';
import { describeEachDatabase } from '../../platform/testing/test-database.ts';
import { joinMember, openIdentityKit, type Browser, type IdentityKit } from './testing/identity-test-kit.ts';
import { compareTimings, type TimingComparison } from './testing/timing.ts';

const MINUTE = 60_000;

/** A mailer that can hold every message until released, or fail. */
function controllableMailer() {
  let gate: Promise<void> | null = null;
  let open = () => {};
  let failing = false;
  return {
    wrap: (inner: Mailer): Mailer => ({
      async send(message) {
        if (failing) throw new Error('the mail server is down');
        if (gate) await gate;
        await inner.send(message);
      },
    }),
    hold() {
      gate = new Promise<void>((resolve) => { open = resolve; });
    },
    release() {
      gate = null;
      open();
    },
    fail(on: boolean) {
      failing = on;
    },
  };
}

/** The answer, or a failure when it waits for longer than a held message could ever allow. */
async function answeredWhileHeld<T>(answer: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the answer waited for the message')), 5_000);
  });
  try {
    return await Promise.race([answer, waited]);
  } finally {
    clearTimeout(timer);
  }
}

/** `USHER_TIMING_REPORT=1` prints the medians (for docs and reviews); the test never needs it. */
function report(what: string, timing: TimingComparison, kind: string): void {
  if (!process.env.USHER_TIMING_REPORT) return;
  console.info(`[${kind}] ${what}: known ${timing.medianA.toFixed(2)} ms, unknown ${timing.medianB.toFixed(2)} ms, difference ${timing.difference.toFixed(2)} ms (tolerance ${timing.tolerance.toFixed(2)} ms, ${timing.rounds} round${timing.rounds === 1 ? '' : 's'})`);
}

describeEachDatabase('identity: known and unknown logins cannot be told apart', (open, kind) => {
  let kit: IdentityKit;
  const mail = controllableMailer();
  beforeAll(async () => {
    kit = await openIdentityKit(open, { wrapMailer: mail.wrap });
    await joinMember(kit, { email: 'known@example.com', phone: '+15550100951', name: 'Tim Ober', password: 'known password 1' });
  });
  afterAll(async () => {
    mail.release();
    await kit.close();
  });

  async function visitor(ip: string): Promise<Browser> {
    const browser = kit.browser({ ip });
    await browser.start();
    return browser;
  }

  /** Untimed between requests: the previous answer's work is done, and every limit's window has passed. */
  const between = async () => {
    await kit.identity.settle();
    kit.clock.advance(16 * MINUTE);
  };

  it('answers a reset request before its message is written, and the message still arrives', async () => {
    const browser = await visitor('198.51.100.60');
    mail.hold();
    try {
      const answer = await answeredWhileHeld(browser.request('POST', '/api/login-help/reset', { login: 'known@example.com', channel: 'email' }));
      expect(answer.statusCode).toBe(202);
    } finally {
      mail.release();
    }
    await kit.identity.settle();
    expect((await kit.lastMessage('known@example.com')).subject).toBe('Reset your Reelhouse password');
  });

  it('answers a find-account request before looking the card up and writing the email', async () => {
    kit.clock.advance(16 * MINUTE);
    const browser = await visitor('198.51.100.61');
    mail.hold();
    try {
      const answer = await answeredWhileHeld(browser.request('POST', '/api/login-help/find-account', { owner_name: 'Tim Ober', card_last4: '4242', card_exp_month: 12, card_exp_year: 2030, country: 'US' }));
      expect(answer.statusCode).toBe(202);
    } finally {
      mail.release();
    }
    expect((await kit.lastMessage('known@example.com')).subject).toBe('Your Reelhouse login');
  });

  it('still answers 202 when the message cannot be sent, and logs the failure', async () => {
    kit.clock.advance(16 * MINUTE);
    const browser = await visitor('198.51.100.62');
    mail.fail(true);
    try {
      const answer = await browser.request('POST', '/api/login-help/reset', { login: 'known@example.com', channel: 'sms' });
      expect(answer.statusCode).toBe(202);
      await kit.identity.settle();
    } finally {
      mail.fail(false);
    }
    expect(kit.logs()).toContain('work after the answer failed');
  });

  it('takes as long to answer a reset by email for a known login as for an unknown one', async () => {
    const browser = await visitor('198.51.100.63');
    const timing = await compareTimings({
      pairs: 60, warmUp: 5, between,
      a: () => browser.request('POST', '/api/login-help/reset', { login: 'known@example.com', channel: 'email' }),
      b: () => browser.request('POST', '/api/login-help/reset', { login: 'unknown@example.com', channel: 'email' }),
    });
    report('reset by email', timing, kind);
    expect(timing.difference).toBeLessThanOrEqual(timing.tolerance);
  });

  it('takes as long to answer a reset by SMS for a known phone number as for an unknown one', async () => {
    const browser = await visitor('198.51.100.64');
    const timing = await compareTimings({
      pairs: 60, warmUp: 5, between,
      a: () => browser.request('POST', '/api/login-help/reset', { login: '+1 555 0100 951', channel: 'sms' }),
      b: () => browser.request('POST', '/api/login-help/reset', { login: '+1 555 0100 999', channel: 'sms' }),
    });
    report('reset by SMS (phone login)', timing, kind);
    expect(timing.difference).toBeLessThanOrEqual(timing.tolerance);
  });

  it('takes as long to answer find-account for matching details as for details that match nobody', async () => {
    const browser = await visitor('198.51.100.65');
    const card = { card_last4: '4242', card_exp_month: 12, card_exp_year: 2030, country: 'US' };
    const timing = await compareTimings({
      pairs: 60, warmUp: 5, between,
      a: () => browser.request('POST', '/api/login-help/find-account', { owner_name: 'Tim Ober', ...card }),
      b: () => browser.request('POST', '/api/login-help/find-account', { owner_name: 'Nobody Atall', ...card }),
    });
    report('find account', timing, kind);
    expect(timing.difference).toBeLessThanOrEqual(timing.tolerance);
  });

  it('takes as long to refuse a wrong password as an unknown login, by email or phone', async () => {
    const browser = await visitor('198.51.100.66');
    const timing = await compareTimings({
      pairs: 60, warmUp: 5, between,
      a: (index) => browser.request('POST', '/api/sign-in', { login: index % 4 < 2 ? 'known@example.com' : '+15550100951', password: 'not the password' }),
      b: (index) => browser.request('POST', '/api/sign-in', { login: index % 4 < 2 ? 'unknown@example.com' : '+15550100999', password: 'not the password' }),
    });
    report('sign-in', timing, kind);
    expect(timing.difference).toBeLessThanOrEqual(timing.tolerance);
  });
});
