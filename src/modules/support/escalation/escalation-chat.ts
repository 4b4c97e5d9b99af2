import { AppError } from '../../../platform/errors.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { ChatConversation, ChatMessage, Choice } from '../chat/chat.types.ts';
import { queueForIntent } from '../assistant/index.ts';
import { fileEscalation, type EscalationContext } from './escalation.service.ts';
import { day, escalationWish, KIND_NAMES, partnerAdvice, type EscalationKind } from './escalation.rules.ts';

const AUTHOR = { kind: 'assistant' as const, id: null, name: 'Reelhouse assistant' };
const PREFIX = 'escalation:';
const CHOICES: Choice[] = [
  { id: `${PREFIX}complaint`, label: 'Make a formal complaint' },
  { id: `${PREFIX}specialist`, label: 'Ask for a specialist' },
  { id: `${PREFIX}not_now`, label: 'No, keep chatting' },
];

/** The assistant's hand-off choice: not ours, so the tap goes on to the assistant, which brings in a person. */
const TALK_NOW: Choice = { id: 'handoff', label: 'Talk to a person now' };

const isMember = (message: ChatMessage): boolean => message.author.kind === 'member' || message.author.kind === 'visitor';
const choiceOf = (message: ChatMessage): string | null => {
  const choice = message.payload?.data?.choice;
  return typeof choice === 'string' ? choice : null;
};

/**
 * The chat's side of escalation: a member who asks in so many words to
 * complain or to go higher is offered a formal complaint or a specialist
 * (buttons); a tap files it and answers with the reference and the dates.
 * `onMemberMessage` answers true when it took the message (the assistant
 * then leaves it alone).
 */
export function createEscalationChat(ctx: EscalationContext, options: { logger?: Logger } = {}) {
  const post = (conversationId: string, body: string, data?: Record<string, unknown>, choices?: Choice[]) =>
    ctx.chat.post({ conversationId, author: AUTHOR, body, payload: { kind: 'notice', ...(choices ? { choices } : {}), ...(data ? { data } : {}) } });

  async function file(conversation: ChatConversation, kind: EscalationKind): Promise<void> {
    if (conversation.accountId === null) {
      await post(conversation.id, 'To make a formal complaint or ask for a specialist, please sign in first: then we can link it to your account and you can follow every step on your support page.');
      return;
    }
    const history = await ctx.chat.history(conversation.id);
    const words = history.filter((message) => isMember(message) && choiceOf(message) === null).map((message) => message.body).slice(-6).join('\n');
    const { escalation, repeated } = await fileEscalation(ctx, {
      accountId: conversation.accountId, kind, topic: queueForIntent(conversation.intent), source: 'chat', conversationId: conversation.id,
      description: words.length >= 10 ? words : `${KIND_NAMES[kind]} made from the chat about ${conversation.intent}.`,
    });
    const partner = escalation.billingPartner ? ` ${partnerAdvice(escalation.billingPartner, escalation.topic)}` : '';
    const body = repeated
      ? `You already have an open ${KIND_NAMES[kind]} from this chat: ${escalation.reference}. We will answer by ${day(escalation.answerDue)}.${partner}`
      : `Your ${KIND_NAMES[kind]} is registered. Your reference is ${escalation.reference}. We will acknowledge it by ${day(escalation.acknowledgeDue)} and give you our answer by ${day(escalation.answerDue)} (UTC). You can follow every step on your support page.${partner}`;
    await post(conversation.id, body, { event: 'escalation_opened', reference: escalation.reference, kind, answer_by: escalation.answerDue.toISOString(), href: '/account/support' });
  }

  return {
    async onMemberMessage(conversation: ChatConversation, message: ChatMessage): Promise<boolean> {
      if (!isMember(message) || conversation.status === 'closed') return false;
      try {
        const choice = choiceOf(message);
        if (choice !== null) {
          if (!choice.startsWith(PREFIX)) return false;
          const picked = choice.slice(PREFIX.length);
          if (picked === 'complaint' || picked === 'specialist') await file(conversation, picked);
          else await post(conversation.id, 'All right. You can make a formal complaint or ask for a specialist at any time, here or from your support page.');
          return true;
        }
        const wish = escalationWish(message.body);
        if (wish === null) return false;
        const lead = wish === 'complaint' ? 'I’m sorry this has not been put right.' : 'Of course.';
        // While the assistant answers, a person now is one more way (the assistant's own hand-off takes that tap).
        const choices = conversation.status === 'assistant' ? [...CHOICES.slice(0, 2), TALK_NOW, ...CHOICES.slice(2)] : CHOICES;
        await post(conversation.id, `${lead} You can make a formal complaint, or ask for a specialist to review your case. Either way you get a reference number, a date by which we answer, and every step on your support page.`, { event: 'escalation_offer', suggested: wish }, choices);
        return true;
      } catch (error) {
        // A refusal (too many today) says why; anything else is logged and the member gets another way.
        if (!(error instanceof AppError && error.status < 500)) options.logger?.error({ err: error }, 'escalation from the chat failed');
        const why = error instanceof AppError && error.status < 500 ? error.message : 'Sorry, I could not register that just now. Please try again in a moment, or use the complaint form on the contact page.';
        await post(conversation.id, why).catch(() => undefined);
        return true;
      }
    },
  };
}

export type EscalationChat = ReturnType<typeof createEscalationChat>;
