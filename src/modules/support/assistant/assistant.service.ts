import type { Clock } from '../../../platform/clock.ts';
import { isAppError } from '../../../platform/errors.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Flow, FlowCatalog } from '../../helpcenter/flows/index.ts';
import { redactForStorage } from '../../safety/redaction/index.ts';
import { INTENTS, isIntent, MAX_TEXT_LENGTH, type TriageResult } from '../../triage/index.ts';
import type { Author, ChatConversation, ChatMessage, ChatPort } from '../chat/chat.types.ts';
import type { ContactContent } from '../contact/checklists.ts';
import type { HandOff } from '../desk/case-file.ts';
import type { AccountSnapshot, SupportAccountPort } from '../support.ports.ts';
import { concludeAction, type ActionOutcome } from './action-results.rules.ts';
import type { AssistantStore } from './assistant-state.repository.ts';
import { decideTurn } from './assistant.rules.ts';
import { initialState, type ActionToRun, type AssistantState, type AssistantTools, type ExplainCharges, type Reply } from './assistant.types.ts';
import { handOffReply } from './handoff.rules.ts';
import { greetingBody } from './help-topics.rules.ts';
import { textForTriage } from './member-notes.rules.ts';
import { createKeyedQueue } from './keyed-queue.ts';

/**
 * The assistant's I/O around the pure turn rules: reads the state and the
 * account, posts the replies, runs a confirmed action, hands off to the desk,
 * saves the state. Turns of one conversation run one at a time.
 */

export const ASSISTANT_AUTHOR: Author = { kind: 'assistant', id: null, name: 'Reelhouse assistant' };

export type AssistantDeps = {
  chat: ChatPort;
  account: SupportAccountPort;
  handOff: HandOff;
  triage: (text: string) => TriageResult;
  clock: Clock;
  /** The guided flows; `get` is optional (looked up through `forIntent` without it). */
  flows: Pick<FlowCatalog, 'forIntent'> & { get?(id: string): Flow | undefined };
  checklists: ContactContent;
  explainCharges: ExplainCharges;
  store: AssistantStore;
  logger?: Pick<Logger, 'error' | 'warn'>;
};

export type Assistant = {
  greet(conversation: ChatConversation): Promise<void>;
  /** Call after a member's (or visitor's) message is stored; `choice` is the id of a tapped choice. */
  onMemberMessage(options: { conversation: ChatConversation; message: ChatMessage; choice?: string | null }): Promise<void>;
};

function flowLookup(flows: AssistantDeps['flows']): (id: string) => Flow | undefined {
  if (flows.get) return (id) => flows.get?.(id);
  let byId: Map<string, Flow> | undefined;
  return (id) => {
    byId ??= new Map(INTENTS.flatMap((intent) => flows.forIntent(intent)).map((flow) => [flow.id, flow]));
    return byId.get(id);
  };
}

/** A choice may also travel in the stored message's payload (`data.choice`). */
function choiceOf(message: ChatMessage, given: string | null | undefined): string | null {
  if (typeof given === 'string' && given !== '') return given;
  const carried = message.payload?.data?.choice;
  return typeof carried === 'string' && carried !== '' ? carried : null;
}

const isFromMember = (message: ChatMessage): boolean => message.author.kind === 'member' || message.author.kind === 'visitor';

/**
 * The state keeps the member's first words as the chat stored them, but
 * without a service code: the assistant never uses it, and once the desk has
 * checked it the chat forgets its own copy (this one would have stayed).
 */
function forStorage(state: AssistantState): AssistantState {
  return state.problem === null ? state : { ...state, problem: redactForStorage(state.problem) };
}

export function createAssistant(deps: AssistantDeps): Assistant {
  const serial = createKeyedQueue();
  const tools: AssistantTools = {
    explainCharges: deps.explainCharges,
    flowsForIntent: (intent) => deps.flows.forIntent(intent),
    flow: flowLookup(deps.flows),
    help: (intent) => deps.checklists.forIntent(intent),
  };

  const post = (conversationId: string, reply: Reply) => deps.chat.post({ conversationId, author: ASSISTANT_AUTHOR, body: reply.body, payload: reply.payload });

  async function readSnapshot(accountId: string | null): Promise<AccountSnapshot | null> {
    if (accountId === null) return null;
    try {
      return await deps.account.snapshot(accountId);
    } catch (error) {
      // Without the account the assistant still helps as with a visitor, and hands account questions to a person.
      deps.logger?.error({ err: error, accountId }, 'assistant could not read the account snapshot');
      return null;
    }
  }

  async function runAction(run: ActionToRun): Promise<ActionOutcome> {
    const { action, idempotencyKey } = run;
    try {
      switch (action.kind) {
        case 'cancel_membership':
          return { ok: true, membership: await deps.account.cancelMembership({ membershipId: action.membershipId, idempotencyKey }) };
        case 'pause_membership':
          return { ok: true, membership: await deps.account.pauseMembership({ membershipId: action.membershipId, months: action.months, idempotencyKey }) };
        case 'sign_out_everywhere':
          return { ok: true, signedOut: await deps.account.signOutEverywhere(action.accountId) };
        case 'remove_device':
          await deps.account.removeDevice({ accountId: action.accountId, deviceId: action.deviceId });
          return { ok: true };
        case 'remove_extra_member':
          return { ok: true, accessUntil: (await deps.account.removeExtraMember({ ownerAccountId: action.ownerAccountId, memberAccountId: action.memberAccountId })).access_until };
        case 'resend_invitation':
          await deps.account.resendInvitation({ ownerAccountId: action.ownerAccountId, invitationId: action.invitationId });
          return { ok: true };
      }
    } catch (error) {
      if (isAppError(error)) return { ok: false, message: error.message };
      deps.logger?.error({ err: error, action: action.kind }, 'assistant action failed');
      return { ok: false, message: null };
    }
  }

  function intro(conversation: ChatConversation, snapshot: AccountSnapshot | null, answering: boolean): Reply {
    const intent = conversation.intent;
    const plain = !answering && isIntent(intent) && intent !== 'out_of_scope' && intent !== 'contact.agent' ? deps.checklists.forIntent(intent).plain : null;
    return { body: greetingBody({ visitor: conversation.accountId === null, name: snapshot?.account.name ?? null, plain, answering }), payload: { kind: 'text' } };
  }

  /** One member message; the state comes back with `lastSeq` at this message whether or not the assistant answered. */
  async function answer(conversation: ChatConversation, prior: AssistantState, message: ChatMessage, choice: string | null): Promise<AssistantState> {
    const conversationId = conversation.id;
    let state = prior;
    // Once a person has the conversation the assistant is quiet, except to answer a confirmation it asked for.
    if (conversation.status !== 'assistant' && !(state.handedOff && state.pending && choice !== null)) return { ...state, lastSeq: message.seq };
    const snapshot = await readSnapshot(conversation.accountId);
    const text = message.body.trim();
    const triaged = choice === null && text !== '' ? deps.triage(textForTriage(text).slice(0, MAX_TEXT_LENGTH)) : null;
    if (!state.greeted && !state.handedOff) {
      await post(conversationId, intro(conversation, snapshot, true));
      state = { ...state, greeted: true };
    }
    const decision = decideTurn(state, { conversationId, seq: message.seq, text, choice, today: deps.clock.today() }, { snapshot, triage: triaged, tools });
    for (const reply of decision.replies) await post(conversationId, reply);
    state = decision.state;
    let handOff = decision.handOff;
    if (decision.run) {
      const concluded = concludeAction({ state, run: decision.run, outcome: await runAction(decision.run), snapshot, tools });
      for (const reply of concluded.replies) await post(conversationId, reply);
      state = concluded.state;
      handOff ??= concluded.handOff;
    }
    if (handOff) {
      try {
        const reason = handOff.caseFile.reason;
        let announced = false;
        const result = await deps.handOff({
          conversationId, accountId: conversation.accountId, queue: handOff.queue, caseFile: handOff.caseFile,
          // Told before an agent is assigned, so the member reads the hand-off before "Sam has joined".
          announce: async (placed) => {
            announced = true;
            await post(conversationId, handOffReply(placed, reason));
          },
        });
        if (!announced) await post(conversationId, handOffReply(result, reason));
        state = { ...state, handedOff: { caseId: result.caseId, queue: result.queue } };
      } catch (error) {
        deps.logger?.error({ err: error, conversationId }, 'assistant could not hand off');
        await post(conversationId, { body: 'I couldn’t reach our team just now. Please try again in a moment by asking for a person.', payload: { kind: 'notice' } });
      }
    }
    return state;
  }

  /**
   * Answers every member message not answered yet up to `trigger`, in seq
   * order: a listener called out of order, or a message whose listener never
   * ran, is still answered once and in its place.
   */
  async function catchUp(conversationId: string, trigger: ChatMessage, triggerChoice: string | null): Promise<void> {
    let state: AssistantState = (await deps.store.load(conversationId)) ?? initialState();
    if (trigger.seq <= state.lastSeq) return;
    const earlier = (await deps.chat.history(conversationId, state.lastSeq)).filter((message) => isFromMember(message) && message.seq < trigger.seq);
    for (const message of [...earlier, trigger]) {
      const conversation = await deps.chat.get(conversationId);
      if (!conversation) return;
      state = await answer(conversation, state, message, message === trigger ? triggerChoice : choiceOf(message, null));
      await deps.store.save(conversationId, forStorage(state), deps.clock.now());
    }
  }

  return {
    greet(conversation) {
      return serial(conversation.id, async () => {
        const state = (await deps.store.load(conversation.id)) ?? initialState();
        if (state.greeted || conversation.status !== 'assistant') return;
        const snapshot = await readSnapshot(conversation.accountId);
        await post(conversation.id, intro(conversation, snapshot, false));
        await deps.store.save(conversation.id, { ...state, greeted: true }, deps.clock.now());
      });
    },
    onMemberMessage({ conversation, message, choice }) {
      if (!isFromMember(message)) return Promise.resolve();
      return serial(conversation.id, () => catchUp(conversation.id, message, choiceOf(message, choice)));
    },
  };
}
