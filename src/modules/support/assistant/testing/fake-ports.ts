import type { ChatConversation, ChatMessage, ChatPort, ConversationStatus } from '../../chat/chat.types.ts';
import type { HandOff } from '../../desk/case-file.ts';
import type { AccountSnapshot, SupportAccountPort } from '../../support.ports.ts';
import { membershipView, snapshotOf } from './assistant-fixtures.ts';

/** In-memory chat: posts get the next seq; member messages are added with `say`. */
export function fakeChat(conversation: Partial<ChatConversation> = {}) {
  const base: ChatConversation = {
    id: 'conv_1', accountId: 'acct_ben', visitorEmail: null, intent: 'out_of_scope', country: 'US', language: 'en', status: 'assistant',
    lastSeq: 0, createdAt: '2026-03-20T12:00:00.000Z', updatedAt: '2026-03-20T12:00:00.000Z', ...conversation,
  };
  const messages: ChatMessage[] = [];
  const state = { conversation: base };
  const append = (author: ChatMessage['author'], body: string, payload: ChatMessage['payload']): ChatMessage => {
    const message: ChatMessage = {
      id: `msg_${messages.length + 1}`, conversationId: base.id, seq: messages.length + 1, author, body, payload, clientId: null, createdAt: '2026-03-20T12:00:00.000Z',
    };
    messages.push(message);
    state.conversation = { ...state.conversation, lastSeq: message.seq };
    return message;
  };
  const port: ChatPort = {
    get: async (id) => (id === state.conversation.id ? state.conversation : null),
    post: async (options) => append(options.author, options.body, options.payload ?? null),
    history: async (_id, afterSeq = 0) => messages.filter((message) => message.seq > afterSeq),
    setStatus: async (_id, status: ConversationStatus) => {
      state.conversation = { ...state.conversation, status };
    },
  };
  return {
    port,
    messages,
    get conversation() {
      return state.conversation;
    },
    /** The member (or visitor) writes. */
    say(body: string): ChatMessage {
      return append({ kind: state.conversation.accountId ? 'member' : 'visitor', id: state.conversation.accountId, name: 'Ben' }, body, null);
    },
    assistantTexts: () => messages.filter((message) => message.author.kind === 'assistant'),
  };
}

export type AccountCall = { name: string; args: unknown };

/** A SupportAccountPort that answers a snapshot and records every action; `fail` makes an action throw. */
export function fakeAccount(snapshot: AccountSnapshot | null = snapshotOf(), options: { fail?: Partial<Record<keyof SupportAccountPort, Error>>; beforeSnapshot?: () => Promise<void> } = {}) {
  const calls: AccountCall[] = [];
  const record = <T>(name: keyof SupportAccountPort, args: unknown, result: T): T => {
    calls.push({ name, args });
    const failure = options.fail?.[name];
    if (failure) throw failure;
    return result;
  };
  const port: SupportAccountPort = {
    snapshot: async () => {
      await options.beforeSnapshot?.();
      return snapshot;
    },
    cancelMembership: async (args) => record('cancelMembership', args, membershipView({ state: { ...membershipView().state, status: 'canceled_pending', access_until: '2026-04-15', next_billing_date: null } })),
    pauseMembership: async (args) => record('pauseMembership', args, membershipView({ pause: { starts: '2026-04-15', months: args.months, resumes: '2026-06-15' } })),
    refund: async (args) => record('refund', args, membershipView()),
    restoreGiftBalance: async (args) => record('restoreGiftBalance', args, membershipView()),
    signOutEverywhere: async (accountId) => record('signOutEverywhere', { accountId }, 2),
    removeDevice: async (args) => record('removeDevice', args, undefined),
    removeExtraMember: async (args) => record('removeExtraMember', args, { access_until: '2026-04-15' }),
    resendInvitation: async (args) => record('resendInvitation', args, undefined),
    verifyServiceCode: async (args) => record('verifyServiceCode', args, null),
  };
  return { port, calls, actions: () => calls.map((call) => call.name) };
}

/** The desk's door: records the case and, like the desk, sets the conversation to waiting. */
export function fakeHandOff(chat: ChatPort) {
  const cases: Parameters<HandOff>[0][] = [];
  const handOff: HandOff = async (options) => {
    cases.push(options);
    await chat.setStatus(options.conversationId, 'waiting');
    return { caseId: `case_${cases.length}`, queue: options.queue, position: 3 };
  };
  return { handOff, cases };
}
