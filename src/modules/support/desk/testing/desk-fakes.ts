import type { MembershipView } from '../../../billing/index.ts';
import type { Author, ChatConversation, ChatMessage, ChatPort, ConversationStatus, MessagePayload } from '../../chat/chat.types.ts';
import type { AccountSnapshot, SupportAccountPort } from '../../support.ports.ts';
import type { CaseFile } from '../case-file.ts';

type LedgerLine = MembershipView['ledger'][number];

/** A charge line as billing shows it (amount tax included). */
export function charge(id: string, date: string, amount: number, reason = 'renewal', period?: { start: string; end: string }): LedgerLine {
  return {
    id, date, type: 'charge', reason, amount, tax: Math.round(amount / 6), currency: 'USD',
    period_start: period?.start ?? date, period_end: period?.end ?? nextMonth(date), refund_of: null,
  };
}

export function refundLine(id: string, date: string, amount: number, of: string): LedgerLine {
  return { id, date, type: 'refund', reason: null, amount, tax: null, currency: 'USD', period_start: null, period_end: null, refund_of: of };
}

function nextMonth(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const next = new Date(Date.UTC(year, month, day));
  return next.toISOString().slice(0, 10);
}

export function membership(id: string, accountId: string, ledger: LedgerLine[], overrides: Partial<MembershipView> = {}): MembershipView {
  return {
    id, account_id: accountId, country: 'US', region: null, currency: 'USD', billed_by: { kind: 'direct' },
    state: { status: 'active', plan: 'standard', anchor: '2025-10-05', next_billing_date: '2026-04-05', access_until: null, extra_members: 0 },
    pending_plan: null, pause: null, payment_method: { brand: 'visa', last4: '4242', exp_month: 8, exp_year: 2028 }, ledger, events: [], ...overrides,
  };
}

export function snapshotOf(accountId: string, view: MembershipView | null, extra: Partial<AccountSnapshot> = {}): AccountSnapshot {
  return {
    takenAt: '2026-03-10T12:00:00.000Z',
    account: { id: accountId, name: 'Ava Martins', email: 'ava@demo.reelhouse.example', country: 'US', language: 'en', role: 'owner', ownerAccountId: accountId },
    membership: view, sameCard: [], devices: [], household: { primaryNetwork: null, devicesOutside: 0 }, extraMembers: [], invitations: [],
    security: { signals: [], steps: [] }, ...extra,
  };
}

export function caseFileFor(snapshot: AccountSnapshot | null, overrides: Partial<CaseFile> = {}): CaseFile {
  return {
    intent: 'billing.double_charge', confidence: 0.92, reason: 'unexplained_charge', problem: 'I was charged twice this month, card 4242 4242 4242 4242',
    tried: ['Explained the charges from the ledger'], checklist: [{ item: 'Date and amount of the charge', answer: '5 March, 15.49' }],
    snapshot, findings: ['Two charges on 5 March: one on this account, one on a second account paid with the same card.'],
    evidence: { lines: 2 }, ...overrides,
  };
}

/** The chat, in memory: what the desk posted and which statuses it set. */
export function fakeChat() {
  const conversations = new Map<string, ChatConversation>();
  const messages: ChatMessage[] = [];
  const statuses: { conversationId: string; status: ConversationStatus }[] = [];
  const open = (id: string, accountId: string | null): ChatConversation => {
    const conversation: ChatConversation = {
      id, accountId, visitorEmail: accountId === null ? 'visitor@example.com' : null, intent: 'billing.double_charge', country: 'US', language: 'en',
      status: 'assistant', lastSeq: 0, createdAt: '2026-03-10T11:50:00.000Z', updatedAt: '2026-03-10T11:50:00.000Z',
    };
    conversations.set(id, conversation);
    return conversation;
  };
  const port: ChatPort = {
    get: async (id) => conversations.get(id) ?? null,
    async post(options: { conversationId: string; author: Author; body: string; payload?: MessagePayload | null; clientId?: string | null }) {
      const conversation = conversations.get(options.conversationId) ?? open(options.conversationId, null);
      conversation.lastSeq += 1;
      const message: ChatMessage = {
        id: `msg_${messages.length + 1}`, conversationId: options.conversationId, seq: conversation.lastSeq, author: options.author, body: options.body,
        payload: options.payload ?? null, clientId: options.clientId ?? null, createdAt: '2026-03-10T12:00:00.000Z',
      };
      messages.push(message);
      return message;
    },
    history: async (id) => messages.filter((message) => message.conversationId === id),
    async setStatus(id, status) {
      statuses.push({ conversationId: id, status });
      const conversation = conversations.get(id);
      if (conversation) conversation.status = status;
    },
  };
  return { port, open, messages, statuses, conversations };
}

/** The account port over fixed snapshots; records every action it was asked for. */
export function fakeAccount(snapshots: Map<string, AccountSnapshot>, codes: Map<string, string>) {
  const calls: { action: string; options: unknown }[] = [];
  const refundKeys = new Set<string>();
  const find = (membershipId: string): MembershipView => {
    for (const snapshot of snapshots.values()) {
      if (snapshot.membership?.id === membershipId) return snapshot.membership;
      const other = snapshot.sameCard.find((item) => item.membershipId === membershipId);
      if (other) return other.membership;
    }
    throw new Error(`no membership ${membershipId}`);
  };
  const port: SupportAccountPort = {
    snapshot: async (accountId) => snapshots.get(accountId) ?? null,
    async cancelMembership(options) {
      calls.push({ action: 'cancel', options });
      const view = find(options.membershipId);
      return { ...view, state: { ...view.state, status: 'canceled_pending', access_until: '2026-04-05' } };
    },
    async pauseMembership(options) {
      calls.push({ action: 'pause', options });
      return find(options.membershipId);
    },
    async refund(options) {
      // Billing refunds once per key.
      if (!refundKeys.has(options.idempotencyKey)) calls.push({ action: 'refund', options });
      refundKeys.add(options.idempotencyKey);
      return find(options.membershipId);
    },
    async signOutEverywhere(accountId) {
      calls.push({ action: 'sign_out_everywhere', options: { accountId } });
      return 3;
    },
    async removeDevice(options) {
      calls.push({ action: 'remove_device', options });
    },
    async removeExtraMember(options) {
      calls.push({ action: 'remove_extra_member', options });
      return { access_until: '2026-04-05' };
    },
    async resendInvitation(options) {
      calls.push({ action: 'resend_invitation', options });
    },
    async restoreGiftBalance(options) {
      // Billing restores once per key; the snapshot then shows the new balance.
      const view = find(options.membershipId);
      if (!refundKeys.has(options.idempotencyKey)) {
        calls.push({ action: 'restore_gift_balance', options });
        view.state = { ...view.state, gift_balance: (view.state.gift_balance ?? 0) + options.amount };
      }
      refundKeys.add(options.idempotencyKey);
      return view;
    },
    verifyServiceCode: async ({ code }) => codes.get(code) ?? null,
  };
  return { port, calls };
}
