import { afterAll, expect, it, vi } from 'vitest';
import { withTables, type Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { describeEachDatabase, openPeerDatabase } from '../../../platform/testing/test-database.ts';
import type { DeskTables } from './desk.tables.ts';
import { insertReservation, listReservationsBefore } from './refund-reservations.repository.ts';
import { CODES, openDeskTestApp, type DeskTestApp } from './testing/desk-test-app.ts';

const refund = (overrides: Record<string, unknown> = {}) => ({ charge_id: 'led_mar', amount: 600, reason: 'Charged twice this month', idempotency_key: 'refund-key-0001', ...overrides });
const MINUTE = 60_000;

/**
 * Another server process: a desk built from a fresh copy of every module
 * (nothing in memory shared, the in-process lock included) on its own
 * connection pool; it shares the database and billing only.
 */
async function openPeerProcess(database: Database, app: DeskTestApp): Promise<{ peer: DeskTestApp; close(): Promise<void> }> {
  const peerDatabase = await openPeerDatabase(database);
  vi.resetModules();
  const fresh = (await import('./testing/desk-test-app.ts')) as typeof import('./testing/desk-test-app.ts');
  const peer = await fresh.openDeskTestApp(peerDatabase, { migrate: false, account: app.account });
  return { peer, close: async () => { await peer.close(); await peerDatabase.close(); } };
}

const refundCalls = (app: DeskTestApp) => app.account.calls.filter((call) => call.action === 'refund').map((call) => call.options as { amount: number; idempotencyKey: string });

describeEachDatabase('agent desk: refund limits across processes', (open) => {
  const closing: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closing.reverse()) await close();
  });

  /** Sam signed in with Ava's billing case, verified. */
  const verifiedCase = async () => {
    const database = await open();
    const app = await openDeskTestApp(database);
    closing.push(() => app.close());
    const sam = await app.agent('sam');
    const handed = await app.handOff({ queue: 'billing' });
    const url = `/api/desk/cases/${handed.caseId}`;
    expect((await sam.post(`${url}/verify`, { code: CODES.ava })).statusCode).toBe(200);
    const db = withTables<DeskTables>(database.db);
    /** A reservation as a request (maybe of another process) leaves it between the limit check and billing. */
    const reserve = (amount: number, key: string, age = 0) => insertReservation(db, {
      id: `rsv_${key}`, caseId: handed.caseId, agentId: 'agt_demo_sam', idempotencyKey: key, membershipId: 'mem_ava', chargeId: 'led_mar',
      chargeDate: '2026-03-05', amount, currency: 'USD', reason: 'Charged twice', createdAt: new Date(app.clock.now().getTime() - age),
    });
    const pending = () => listReservationsBefore(db, { before: new Date(app.clock.now().getTime() + MINUTE), caseId: handed.caseId, limit: 100 });
    return { database, app, sam, url, db, reserve, pending, ...handed };
  };

  it('never refunds more than an agent\'s limit when two processes refund on one case at once', async () => {
    const { database, app, sam, url, pending } = await verifiedCase();
    const { peer, close } = await openPeerProcess(database, app);
    closing.push(close);
    const samOnPeer = await peer.agent('sam');
    // One period's charge is 15.49: one refund of 10.00 fits, a second does not, whichever process takes it.
    const answers = await Promise.all([0, 1, 2, 3].map((index) =>
      (index % 2 === 0 ? sam : samOnPeer).post(`${url}/actions/refund`, refund({ amount: 1000, idempotency_key: `refund-key-${index}` }))));
    const refunded = refundCalls(app).reduce((sum, call) => sum + call.amount, 0);
    expect(refunded).toBeLessThanOrEqual(1549);
    expect(answers.filter((answer) => answer.statusCode === 200)).toHaveLength(1);
    for (const answer of answers.filter((item) => item.statusCode !== 200)) expect(answer.json().error.code).toBe('REFUND_LIMIT');
    const trail = (await sam.get(url)).json();
    expect(trail.refund_policy).toMatchObject({ refunded_on_case: 1000, your_limit_left: 549 });
    expect(await pending()).toEqual([]);
  });

  it('refunds once when two processes get the same key at once, and only one answer is the first', async () => {
    const { database, app, sam, url, pending } = await verifiedCase();
    const { peer, close } = await openPeerProcess(database, app);
    closing.push(close);
    const samOnPeer = await peer.agent('sam');
    const answers = await Promise.all([sam, samOnPeer, sam, samOnPeer].map((client) => client.post(`${url}/actions/refund`, refund())));
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200]);
    expect(answers.filter((answer) => answer.json().repeated === false)).toHaveLength(1);
    for (const answer of answers) expect(answer.json()).toMatchObject({ charge_id: 'led_mar', amount: 600 });
    expect(refundCalls(app)).toHaveLength(1);
    const detail = (await sam.get(url)).json();
    expect(detail.audit.filter((entry: { action: string }) => entry.action === 'refund')).toHaveLength(1);
    expect(detail.steps.filter((step: { kind: string }) => step.kind === 'refund')).toHaveLength(1);
    expect(await pending()).toEqual([]);
  });

  it('counts a refund still waiting for billing against the limit', async () => {
    const { sam, url, reserve } = await verifiedCase();
    await reserve(1000, 'in-flight-elsewhere');
    expect((await sam.get(url)).json().refund_policy).toMatchObject({ refunded_on_case: 0, your_limit_left: 549 });
    const over = await sam.post(`${url}/actions/refund`, refund());
    expect(over.statusCode).toBe(403);
    expect(over.json().error).toMatchObject({ code: 'REFUND_LIMIT', message: expect.stringContaining('$10.00 is being refunded right now') });
    expect((await sam.post(`${url}/actions/refund`, refund({ amount: 549, idempotency_key: 'refund-key-0002' }))).statusCode).toBe(200);
  });

  it('answers a key whose refund is still waiting for billing as a repeat, refunding once', async () => {
    const { app, sam, url, reserve, pending } = await verifiedCase();
    await reserve(1000, 'refund-key-0001');
    const answer = await sam.post(`${url}/actions/refund`, refund({ amount: 1549 }));
    expect(answer.statusCode).toBe(200);
    // The first request's terms stand: the key was already given to them.
    expect(answer.json()).toMatchObject({ amount: 1000, repeated: true });
    expect(refundCalls(app).map((call) => call.amount)).toEqual([1000]);
    expect(await pending()).toEqual([]);
  });

  it('settles a refund a stopped process left behind before the next refund on the case', async () => {
    const { app, sam, url, reserve, pending, caseId } = await verifiedCase();
    await reserve(1000, 'left-behind', 3 * MINUTE);
    const over = await sam.post(`${url}/actions/refund`, refund());
    // Billing was asked again with the same key (it refunds once, whatever happened before), and the refund recorded.
    expect(refundCalls(app)).toEqual([expect.objectContaining({ amount: 1000, idempotencyKey: `desk:${caseId}:left-behind` })]);
    expect(over.json().error).toMatchObject({ code: 'REFUND_LIMIT', message: expect.stringContaining('$10.00 is already refunded') });
    expect(await pending()).toEqual([]);
    const detail = (await sam.get(url)).json();
    expect(detail.audit.find((entry: { action: string }) => entry.action === 'refund')).toMatchObject({ details: expect.objectContaining({ amount: 1000 }) });
    expect(app.chat.messages.at(-1)?.body).toContain('Sam refunded $10.00 of the charge of March 5, 2026');
  });

  it('settles left-behind refunds when the desk starts, never one that is still young', async () => {
    const { app, reserve, pending } = await verifiedCase();
    await reserve(300, 'young');
    await reserve(500, 'old', 5 * MINUTE);
    await app.desk.start();
    await app.desk.stop();
    expect(refundCalls(app).map((call) => call.amount)).toEqual([500]);
    expect((await pending()).map((item) => item.idempotencyKey)).toEqual(['young']);
  });

  it('frees the amount when billing refuses, at once or when settling a left-behind refund', async () => {
    const { app, sam, url, reserve, pending } = await verifiedCase();
    const real = app.account.port.refund;
    app.account.port.refund = async () => {
      throw new AppError({ code: 'REFUND_NOT_ALLOWED', message: 'Billing refused this refund.', status: 422 });
    };
    const refused = await sam.post(`${url}/actions/refund`, refund({ amount: 1549 }));
    expect(refused.json().error.code).toBe('REFUND_NOT_ALLOWED');
    await reserve(1000, 'left-behind', 3 * MINUTE);
    expect(await app.desk.settleRefunds()).toBe(1);
    expect(await pending()).toEqual([]);
    app.account.port.refund = real;
    // Neither the refused request nor the refused left-behind one counts: the whole period's charge is still there.
    expect((await sam.post(`${url}/actions/refund`, refund({ amount: 1549, idempotency_key: 'refund-key-0002' }))).statusCode).toBe(200);
  });

  it('keeps a left-behind refund counting while billing cannot be reached', async () => {
    const { app, reserve, pending } = await verifiedCase();
    const real = app.account.port.refund;
    app.account.port.refund = async () => {
      throw new Error('connection reset');
    };
    await reserve(1000, 'left-behind', 3 * MINUTE);
    expect(await app.desk.settleRefunds()).toBe(0);
    expect(await pending()).toHaveLength(1);
    app.account.port.refund = real;
    expect(await app.desk.settleRefunds()).toBe(1);
    expect(await pending()).toEqual([]);
  });
});
