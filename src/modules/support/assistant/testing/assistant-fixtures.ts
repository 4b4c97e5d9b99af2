import type { MembershipView } from '../../../billing/index.ts';
import { loadFlows, type Flow } from '../../../helpcenter/flows/index.ts';
import type { Entities, Intent, TriageResult } from '../../../triage/index.ts';
import { loadContactContent } from '../../contact/checklists.ts';
import type { AccountSnapshot } from '../../support.ports.ts';
import type { AssistantTools, ChargeExplanationLike, ExplainCharges, TurnInput } from '../assistant.types.ts';

/** Plain data for the assistant's tests: a member on 2026-03-20 with a direct, active Standard membership. */
export const TODAY = '2026-03-20';

const charge = (date: string, end: string, amount = 1549) => ({
  id: `led_${date}`, date, type: 'charge', reason: date === '2026-01-15' ? 'signup' : 'renewal', amount, tax: 0, currency: 'USD',
  period_start: date, period_end: end, refund_of: null,
});

export function membershipView(overrides: Partial<MembershipView> = {}): MembershipView {
  return {
    id: 'mem_ben', account_id: 'acct_ben', country: 'US', region: null, currency: 'USD', billed_by: { kind: 'direct' },
    state: { status: 'active', plan: 'standard', anchor: '2026-01-15', next_billing_date: '2026-04-15', access_until: null, extra_members: 0 },
    pending_plan: null, pause: null, payment_method: { brand: 'Visa', last4: '4242', exp_month: 12, exp_year: 2028 },
    ledger: [charge('2026-01-15', '2026-02-15'), charge('2026-02-15', '2026-03-15'), charge('2026-03-15', '2026-04-15')],
    events: [],
    ...overrides,
  };
}

export function snapshotOf(overrides: Partial<AccountSnapshot> = {}): AccountSnapshot {
  return {
    takenAt: `${TODAY}T12:00:00.000Z`,
    account: { id: 'acct_ben', name: 'Ben Carter', email: 'ben@demo.reelhouse.example', country: 'US', language: 'en', role: 'owner', ownerAccountId: 'acct_ben' },
    membership: membershipView(),
    sameCard: [],
    devices: [
      { id: 'dev_tv', accountId: 'acct_ben', type: 'tv', name: 'Living room TV', networkId: 'net_home', location: 'Austin, US', lastUsedAt: '2026-03-19T20:00:00.000Z', removedAt: null },
      { id: 'dev_phone', accountId: 'acct_ben', type: 'phone', name: 'Pixel phone', networkId: null, location: null, lastUsedAt: '2026-03-20T08:00:00.000Z', removedAt: null },
    ],
    household: { primaryNetwork: 'net_home', devicesOutside: 0 },
    extraMembers: [{ accountId: 'acct_jonas', name: 'Jonas Weber', email: 'jonas@demo.reelhouse.example', accessUntil: null }],
    invitations: [{ id: 'inv_mia', name: 'Mia Lopez', email: 'mia@example.com', status: 'pending' }],
    security: { signals: [], steps: [] },
    ...overrides,
  };
}

export const extraMemberSnapshot = (): AccountSnapshot => snapshotOf({
  account: { id: 'acct_jonas', name: 'Jonas Weber', email: 'jonas@demo.reelhouse.example', country: 'US', language: 'en', role: 'extra_member', ownerAccountId: 'acct_ben' },
  extraMembers: [], invitations: [],
});

export const explained = (overrides: Partial<ChargeExplanationLike> = {}): ChargeExplanationLike => ({
  explained: true,
  findings: [{ cause: 'regular_charge', title: 'Your monthly renewal', explanation: 'The $15.49 charge on 2026-03-15 renews Standard until 2026-04-15.', evidence: { lines: [] } }],
  summary: ['The $15.49 charge on 2026-03-15 is your monthly renewal of Standard, for 2026-03-15 to 2026-04-15.'],
  ...overrides,
});

/** A charge explainer that answers `result` and records what it was asked. */
export function fakeExplainer(result: ChargeExplanationLike = explained()): ExplainCharges & { calls: Parameters<ExplainCharges>[0][] } {
  const calls: Parameters<ExplainCharges>[0][] = [];
  const fn = (input: Parameters<ExplainCharges>[0]) => {
    calls.push(input);
    return result;
  };
  return Object.assign(fn, { calls });
}

const flows = loadFlows();
const catalog = {
  get: (id: string): Flow | undefined => flows.find((flow) => flow.id === id),
  forIntent: (intent: string): Flow[] => flows.filter((flow) => (flow.intents as string[]).includes(intent)),
};
const content = loadContactContent();

export const realFlows = catalog;
export const realChecklists = content;

export function toolsWith(explainCharges: ExplainCharges = fakeExplainer()): AssistantTools {
  return { explainCharges, flowsForIntent: catalog.forIntent, flow: catalog.get, help: (intent) => content.forIntent(intent) };
}

export function triageAs(intent: Intent, entities: Entities = {}, confidence = 0.97): TriageResult {
  return { intent, confidence, alternatives: [], entities, language: 'en' };
}

let seq = 1;
export function inputOf(text: string, choice: string | null = null): TurnInput {
  seq += 1;
  return { conversationId: 'conv_1', seq, text, choice, today: TODAY };
}
