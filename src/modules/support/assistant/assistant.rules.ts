import { clarify, INTENT_LABELS, isIntent, type Intent, type TriageResult } from '../../triage/index.ts';
import type { HandOffReason, Queue } from '../desk/case-file.ts';
import type { AccountSnapshot } from '../support.ports.ts';
import {
  cancellationStatus, describeDevices, describeHousehold, devicesTopic, explainChargesTopic, FEEDBACK_CHOICES, HANDOFF_CHOICES, invitationsTopic, isChargeIntent,
  partnerOf, say, whoBills, type TopicOutcome,
} from './account-topics.rules.ts';
import { describeAction } from './action-results.rules.ts';
import { confirmChoices, detectActionRequest, proposeAction, readConfirmTap, requestFromChoice, tapIsFor, type ActionRequest } from './actions.rules.ts';
import type { AssistantState, PendingAction, Reply, TurnContext, TurnDecision, TurnInput } from './assistant.types.ts';
import { advanceFlow, flowsFor, offerGuides, optionFromText, startFlow } from './flow-chat.rules.ts';
import { buildCaseFile, FAILURES_BEFORE_HANDOFF, handOffOpening, queueForIntent } from './handoff.rules.ts';
import { dangerSignals, infoTopic, isInfoIntent, takeoverTopic } from './help-topics.rules.ts';
import { amountToMinor, asksForPerson, isNo, isYes, saysNotHelped, smallTalk } from './message-reading.rules.ts';
import { answerAccountQuestion, holdText, nextChargeText, readAccountQuestion, type AccountQuestion } from './account-questions.rules.ts';
import { asksAboutCharge, CANCELLED_BEFORE, glossToEnglish, hasStatementLines, MONEY_AMOUNT, MONEY_OUT, questionSegments, type MeaningContext } from './question-meaning.rules.ts';
import { languageNote, linkAnswer, otherLanguage, pastedSecretNotes, securityBrief } from './member-notes.rules.ts';
import { longDate } from './charges/charge-dates.ts';
import { giftCardTopic } from './gift-cards.rules.ts';
import { explainsChargeToo, pastAmountsOf, readsAsCharge, restartSecurityReply, wasRestarted } from './context-questions.rules.ts';

/**
 * One turn of the assistant, decided without I/O: the state so far, the
 * member's message (text or a tapped choice), the account snapshot and the
 * triage of the text in; replies, at most one confirmed action, the new
 * state and an optional hand-off out. Account changes only ever run on the
 * turn that answers their confirmation.
 */

/** Words of a money question, in English and the languages members write in most. */
const CHARGE_WORDS = /\d+[.,]\d{2}\b|\b(?:money back|(?:pounds|dollars|euros|reais|yen|bucks) back|refund\w*|charg\w*|bill(?:ed|ing)?|payments?|paid|price|fee|debit\w*|cobr\w*|cargo\w*|abgebucht|belastet|abbuchung|preis|pre[cç]o|precio|pagamento|pago)\b/i;
/** The member says someone else is in the account: the security review's findings are then the answer. */
const COMPROMISE = /\b(?:hack(?:ed|er)?|compromised|(?:someone|somebody|a stranger)\b[^.?!]{0,40}?\b(?:changed|is using|are using|using|uses|used|logged|got into|has|have)|not me|wasn['’]?t me|(?:i )?(?:never|didn['’]?t|did not) (?:change|changed|add|added|create|created|make|made)\b[^.?!]{0,20}\b(?:email|password|profile|device|phone)|(?:don['’]?t|do not) (?:know|recogni[sz]e) (?:these|this|the|those)|unauthori[sz]ed|stolen|nigeria|lagos)\b/i;

/** Below this the assistant would be guessing: it asks again instead, and that counts as a failure. */
export const MIN_CONFIDENCE = 0.5;

type Turn = { state: AssistantState; replies: Reply[]; run: TurnDecision['run']; handOff: { queue: Queue; reason: HandOffReason } | null };

function apply(turn: Turn, outcome: TopicOutcome): Turn {
  const state = { ...turn.state };
  if (outcome.tried) state.tried = [...state.tried, ...outcome.tried];
  if (outcome.findings) state.findings = [...new Set([...state.findings, ...outcome.findings])];
  if (outcome.evidence) state.evidence = outcome.evidence;
  if (outcome.offer !== undefined) state.offer = outcome.offer;
  if (outcome.pending !== undefined) state.pending = outcome.pending;
  if (outcome.flow !== undefined) state.flow = outcome.flow;
  const next = { ...turn, state, replies: [...turn.replies, ...outcome.replies] };
  return outcome.handOff ? handOff(next, outcome.handOff.queue, outcome.handOff.reason) : next;
}

function handOff(turn: Turn, queue: Queue, reason: HandOffReason): Turn {
  return { ...turn, state: { ...turn.state, offer: null, flow: null }, replies: [...turn.replies, handOffOpening(reason, queue)], handOff: { queue, reason } };
}

const problemQueue = (state: AssistantState): Queue => queueForIntent(state.intent);

function fail(turn: Turn, why: 'not_understood' | 'not_helped'): Turn {
  const failures = turn.state.failures + 1;
  const state = { ...turn.state, failures, offer: null, tried: why === 'not_helped' ? [...turn.state.tried, 'The member said the answer did not help'] : turn.state.tried };
  if (failures >= FAILURES_BEFORE_HANDOFF) return handOff({ ...turn, state }, problemQueue(state), 'assistant_failed_twice');
  const body = why === 'not_understood'
    ? 'I’m not sure I understood. Could you tell me in a sentence what’s wrong? For example: “I was charged twice”, “my TV says it isn’t part of my household” or “I want to pause”.'
    : 'I’m sorry that didn’t help. Could you tell me a bit more about what you see, or what you expected?';
  return { ...turn, state, replies: [...turn.replies, say(body, [{ id: 'handoff', label: 'Talk to a person' }])] };
}

/**
 * Unsure between a few intents: ask which one, with a button each (clarify, from triage) and one for a person.
 * Like "not understood" it counts as a failure; with no two likely intents it is the plain "not understood".
 */
function askWhich(turn: Turn, triage: TriageResult): Turn {
  const question = clarify(triage);
  if (!question) return fail(turn, 'not_understood');
  const failures = turn.state.failures + 1;
  const state = { ...turn.state, failures, offer: null };
  if (failures >= FAILURES_BEFORE_HANDOFF) return handOff({ ...turn, state }, problemQueue(state), 'assistant_failed_twice');
  const choices = question.choices.filter((choice) => choice.intent !== 'contact.agent').map((choice) => ({ id: `intent:${choice.intent}`, label: choice.label }));
  return { ...turn, state, replies: [...turn.replies, say(question.question, [...choices, { id: 'handoff', label: 'Talk to a person' }])] };
}

/** Member-only topics by intent; null when the intent has no account answer (the caller falls back). */
function accountTopic(intent: Intent, turn: Turn, input: TurnInput, ctx: TurnContext, snapshot: AccountSnapshot): TopicOutcome | null {
  const { tools } = ctx;
  if (isChargeIntent(intent) && snapshot.account.role === 'extra_member') return ownerPaysTopic();
  if (isChargeIntent(intent)) {
    const explained = explainChargesTopic({ intent, state: turn.state, snapshot, tools, today: input.today, text: input.text });
    // A restart the member may not have made comes with the security steps (check devices, password).
    const restartFound = causesOf(explained.evidence).includes('restarted_by_someone_else');
    // A charge from a change (an upgrade, an extra member's place, a new price) comes with what the next one is.
    const changed = causesOf(explained.evidence).some((cause) => CHANGE_CAUSES.has(cause)) && snapshot.membership?.state.status === 'active';
    const extra = [...(restartFound ? [restartSecurityReply()] : []), ...(changed ? [say(nextChargeText({ snapshot, state: turn.state, tools, today: input.today, text: input.text }))] : [])];
    const topic = extra.length > 0 ? { ...explained, replies: [...explained.replies.slice(0, -1), ...extra, ...explained.replies.slice(-1)] } : explained;
    // A member on hold asks about "a charge" in many words; the hold itself comes first.
    if (snapshot.membership?.state.status !== 'on_hold') return topic;
    const hold = holdText(snapshot, tools.explainCharges({ membership: snapshot.membership, sameCard: snapshot.sameCard, today: input.today }));
    return { ...topic, replies: [say(hold), ...topic.replies.filter((reply) => !reply.body.startsWith('You can update your card'))] };
  }
  switch (intent) {
    case 'billing.third_party':
      return { replies: [say(whoBills(snapshot), FEEDBACK_CHOICES)], offer: { kind: 'feedback' }, tried: ['Checked who bills the membership'], findings: [whoBills(snapshot)] };
    case 'membership.cancel':
    case 'membership.cannot_cancel': {
      const status = cancellationStatus(snapshot);
      const canCancelHere = snapshot.account.role === 'owner' && !partnerOf(snapshot) && ['active', 'paused', 'on_hold'].includes(snapshot.membership?.state.status ?? '');
      const choices = canCancelHere ? [{ id: 'cancel_membership', label: 'Cancel it here' }, FEEDBACK_CHOICES[0]] : FEEDBACK_CHOICES;
      return { replies: [say(status, choices)], offer: { kind: 'feedback' }, tried: ['Checked the cancellation status'], findings: [status] };
    }
    case 'membership.pause': {
      const pause = snapshot.membership?.pause;
      const body = pause ? `Your membership pauses on ${longDate(pause.starts)}${pause.resumes ? ` and restarts by itself on ${longDate(pause.resumes)}` : ''}.` : cancellationStatus(snapshot);
      return { replies: [say(body, FEEDBACK_CHOICES)], offer: { kind: 'feedback' }, tried: ['Checked the pause'], findings: [body] };
    }
    case 'security.unknown_user': {
      const devices = devicesTopic(snapshot);
      return wasRestarted(snapshot) ? { ...devices, replies: [...devices.replies, restartSecurityReply()] } : devices;
    }
    case 'extra_member.invite':
      return invitationsTopic(snapshot);
    case 'household.not_in_household': {
      const about = `${describeHousehold(snapshot)}\n\n${describeDevices(snapshot)}`;
      const guide = guideFor(intent, turn, ctx);
      return { ...guide, replies: [say(about), ...guide.replies], findings: [describeHousehold(snapshot)], tried: ['Described the household and its devices', ...(guide.tried ?? [])] };
    }
    default:
      return null;
  }
}

const CHANGE_CAUSES = new Set(['upgrade_proration', 'extra_member_slot', 'price_change']);
const causesOf = (evidence: unknown): string[] => ((evidence as { findings?: { cause: string }[] } | undefined)?.findings ?? []).map((finding) => finding.cause);

/** An extra member never sees the owner's ledger or card: the owner pays, and billing can talk to them. */
function ownerPaysTopic(): TopicOutcome {
  return {
    replies: [say('The account owner pays for the membership, including your extra member place, so their charges aren’t shown in your chat. The owner can see them on their account page, or I can pass your question to our billing team.', HANDOFF_CHOICES)],
    offer: { kind: 'handoff', queue: 'billing', reason: 'needs_agent' },
    tried: ['Explained that the owner’s charges are not shown to an extra member'],
  };
}

function guideFor(intent: Intent, turn: Turn, ctx: TurnContext): TopicOutcome {
  const flows = flowsFor(intent, turn.state.entities, ctx.tools);
  if (flows.length === 0) return { replies: [] };
  if (flows.length > 1) return { replies: [offerGuides(flows)] };
  const started = startFlow(flows[0]);
  return { replies: started.replies, flow: started.flow, tried: [`Started the guide “${flows[0].title}”`] };
}

function onFlowChoice(turn: Turn, choice: string, ctx: TurnContext): Turn {
  const progress = turn.state.flow;
  const flow = progress ? ctx.tools.flow(progress.flowId) : undefined;
  if (!progress || !flow) return { ...turn, state: { ...turn.state, flow: null }, replies: [...turn.replies, say('That guide has finished. Tell me what’s still not working and I’ll help from there.')] };
  const step = advanceFlow(flow, progress, choice);
  const next = { ...turn, state: { ...turn.state, flow: step.flow }, replies: [...turn.replies, ...step.replies] };
  if (!step.ended) return next;
  const where = `Walked through the guide “${flow.title}” up to “${step.ended.stepTitle}”`;
  if (step.ended.outcome === 'solved') return apply(next, { replies: [], tried: [`${where}: solved`], offer: null });
  // Troubleshooting guides go to the technical team; the billing guides to their own queue.
  const queue = flow.intents.some((intent) => queueForIntent(intent) === 'technical') ? 'technical' : queueForIntent(flow.intents[0] ?? null);
  return apply(next, { replies: [], tried: [`${where}: not solved`], findings: [`The guide “${flow.title}” did not solve it (last step: “${step.ended.stepTitle}”).`], handOff: { queue, reason: 'needs_agent' } });
}

function onActionRequest(turn: Turn, request: ActionRequest, input: TurnInput, snapshot: AccountSnapshot | null): Turn {
  if (!snapshot) return handOff({ ...turn, replies: [...turn.replies, say('I can’t see an account in this chat, so a person will help with that.')] }, problemQueue(turn.state), 'needs_agent');
  const proposal = proposeAction(request, snapshot, input);
  return apply(turn, { replies: proposal.replies, pending: proposal.pending, tried: proposal.tried ? [proposal.tried] : [], offer: null });
}

function onChoice(turn: Turn, choice: string, input: TurnInput, ctx: TurnContext): Turn {
  const { state } = turn;
  if (readConfirmTap(choice)) return notOpen(turn, null);
  if (choice === 'helped') return apply(turn, { replies: [say('Glad that helped. Is there anything else?')], tried: ['The member said the answer helped'], offer: null });
  if (choice === 'not_helped') return fail(turn, 'not_helped');
  if (choice === 'handoff') {
    const offer = state.offer?.kind === 'handoff' ? state.offer : { queue: problemQueue(state), reason: 'member_asked' as const };
    return handOff(turn, offer.queue, offer.reason);
  }
  if (choice === 'no_handoff') return apply(turn, { replies: [say('All right. Is there anything else I can help with?')], offer: null });
  if (choice === 'secure_account') {
    const security = takeoverTopic(ctx.snapshot, input);
    return apply({ ...turn, state: { ...state, securityRaised: true, intent: 'security.account_takeover', confidence: 1 } }, security);
  }
  const link = linkAnswer(choice);
  if (link) return apply(turn, { replies: [link], tried: [`Pointed to ${choice.slice('link:'.length)}`] });
  if (choice.startsWith('intent:')) {
    // The member tapped what they meant after askWhich: answer that intent as if triage had been sure (by the intent
    // alone: the button's label is our wording, not the member's, so it is not read for requests).
    const intent = choice.slice('intent:'.length);
    if (!isIntent(intent)) return turn;
    const chosen: TriageResult = { intent, confidence: 1, alternatives: [], entities: {}, language: 'en' };
    return onText({ ...turn, state: { ...turn.state, tried: [...turn.state.tried, `The member chose “${INTENT_LABELS[intent]}”`] } }, { ...input, text: '', choice: null }, { ...ctx, triage: chosen });
  }
  if (choice.startsWith('guide:')) {
    const flow = ctx.tools.flow(choice.slice('guide:'.length));
    if (!flow) return turn;
    const started = startFlow(flow);
    return apply(turn, { replies: started.replies, flow: started.flow, tried: [`Started the guide “${flow.title}”`], offer: null });
  }
  if (choice.startsWith('flow')) return onFlowChoice(turn, choice, ctx);
  const request = requestFromChoice(choice);
  if (request) return onActionRequest(turn, request, input, ctx.snapshot);
  return turn;
}

function onText(turn: Turn, input: TurnInput, ctx: TurnContext): Turn {
  const text = input.text.trim();
  const { snapshot, triage } = ctx;
  // Another language is glossed into English words for reading the question; the answer is in English.
  const language = otherLanguage(text, triage?.language);
  const reading = language ? glossToEnglish(text) : text;
  const meaning = {
    status: snapshot?.membership?.state.status ?? null, role: snapshot?.account.role ?? null,
    lastQuestion: (turn.state.lastQuestion as AccountQuestion | null) ?? null,
    extraMemberNames: snapshot?.extraMembers.map((member) => member.name.split(' ')[0]) ?? [],
    sameCard: (snapshot?.sameCard.length ?? 0) > 0, partner: snapshot ? partnerOf(snapshot) !== null : false, restarted: wasRestarted(snapshot),
    anchorDay: snapshot?.membership?.state.anchor ? Number(snapshot.membership.state.anchor.slice(8, 10)) : null,
    priceChanged: snapshot?.membership?.events.some((event) => event.type === 'price_change_announced') ?? false,
    lastCauses: ((turn.state.evidence as { findings?: { cause: string }[] } | null)?.findings ?? []).map((finding) => finding.cause),
    lastDisputed: ((turn.state.evidence as { disputedCharge?: { date: string; type: string; amount: number; currency: string } | null } | null)?.disputedCharge) ?? null,
    // Only a message naming an amount needs the ledger's amounts (it costs an explanation of the charges).
    pastAmounts: /\d[.,]\d{2}\b/.test(reading) && snapshot?.account.role === 'owner' ? pastAmountsOf(snapshot, ctx.tools, input.today) : [],
  };
  const afterMoney = turn.state.intent !== null && (isChargeIntent(turn.state.intent) || turn.state.intent === 'billing.third_party' || turn.state.tried.some((step) => /charge|hold/i.test(step)));
  const questionAsked = snapshot
    ? readAccountQuestion(reading, { afterMoney, ...meaning }) ?? (language ? readAccountQuestion(text, { afterMoney, ...meaning }) : null) ?? (['next_charge', 'after_next', 'recurring'].includes(meaning.lastQuestion ?? '') && quotesNextCharge(reading, snapshot, ctx, input.today) ? 'next_charge' : null)
    : null;
  // Triage's "a person" is a guess; an account question it did not know ("can I add one more person?") is answered instead.
  if (asksForPerson(text) || (triage?.intent === 'contact.agent' && !questionAsked)) return handOff(turn, problemQueue(turn.state), 'member_asked');
  if (turn.state.flow) {
    const flow = ctx.tools.flow(turn.state.flow.flowId);
    const option = flow ? optionFromText(flow, turn.state.flow, text) : null;
    if (option) return onFlowChoice(turn, option, ctx);
    // Typing something else leaves the guide; what it covered stays in "tried".
    turn = apply(turn, { replies: [], flow: null, tried: [`Left the guide “${flow?.title ?? turn.state.flow.flowId}” part-way`] });
  }
  if (saysNotHelped(text) && turn.state.tried.length > 0) return fail(turn, 'not_helped');
  const offer = turn.state.offer;
  // "ok cancel it again then" is a new request, not a yes to "Does that explain it?".
  const plainAnswer = !questionAsked && !detectActionRequest(reading, null, snapshot);
  if (offer && plainAnswer && (isYes(text) || isNo(text))) {
    if (offer.kind === 'handoff') return isYes(text) ? handOff(turn, offer.queue, offer.reason) : onChoice(turn, 'no_handoff', input, ctx);
    return onChoice(turn, isYes(text) ? 'helped' : 'not_helped', input, ctx);
  }
  const pleasantry = smallTalk(text);
  if (pleasantry) return apply(turn, { replies: [say(pleasantry === 'thanks' ? 'You’re welcome. If anything else comes up, I’m here.' : 'Hello! What can I help you with?')], offer: null });
  // Said first, and the question is still answered: a pasted secret, another language.
  const notes = [...pastedSecretNotes(text), ...(language ? [languageNote(language)] : [])];
  if (notes.length > 0) {
    const noted = [...(language ? [`Answered in English; the member wrote in ${language}`] : []), ...(notes.length > (language ? 1 : 0) ? ['Told the member that a pasted secret was removed'] : [])];
    turn = { ...turn, replies: [...turn.replies, ...notes], state: { ...turn.state, tried: [...turn.state.tried, ...noted] } };
  }
  if (!triage) return turn;
  // Seen on the bank statement, or twice: money words too ("i keep seeing reelhouse twice on my bank").
  const money = CHARGE_WORDS.test(reading) || MONEY_AMOUNT.test(reading) || MONEY_OUT.test(reading) || /\bon my (?:bank|card|statement|credit card|debit card)\b|\btwice\b|\bdouble(?:d)?\b|\b(?:went|gone|go|goes) up\b|\bmore expensive\b|\bhike\b/i.test(reading);
  // "my password is [removed] and I got charged again": the pasted password draws triage to sign-in help; the rest is the question.
  const secretPulled = /\[password removed\]/i.test(text) && triage.intent.startsWith('login.') && (questionAsked !== null || CHARGE_WORDS.test(reading) || MONEY_AMOUNT.test(reading));
  const unsure = triage.intent === 'out_of_scope' || triage.confidence < MIN_CONFIDENCE || secretPulled;
  // Lines pasted from a statement, or an amount of money in a message triage put elsewhere, are about a charge.
  const pastedStatement = snapshot !== null && hasStatementLines(text) > 0;
  const amountElsewhere = snapshot !== null && MONEY_AMOUNT.test(reading) && !COMPROMISE.test(reading) && !/^(?:billing|membership|extra_member)\./.test(triage.intent);
  // A money question triage is unsure about ("on friday i got an email that my payment was 23.72") is still a charge question.
  // Read as a charge already made (a past amount quoted, two amounts, "two times"): a charge question even when triage put it elsewhere.
  const asCharge = snapshot !== null && readsAsCharge(reading, meaning);
  const contextCharge = asCharge && !COMPROMISE.test(reading) && !triage.intent.startsWith('billing.') && !triage.intent.startsWith('extra_member.');
  const chargeLike = snapshot !== null && (pastedStatement || amountElsewhere || contextCharge || (unsure && (money || asCharge)));
  const confident = chargeLike || !unsure;
  // "I was not charged in October, is something wrong with my account" is about money, not a break-in.
  const moneyNotTakeover = triage.intent === 'security.account_takeover' && snapshot !== null && money && !COMPROMISE.test(reading);
  // "I cancelled in September and you charged me again" is a charge after cancelling, not a request to cancel.
  const afterCancel = snapshot !== null && money && CANCELLED_BEFORE.test(reading) && !COMPROMISE.test(reading);
  // A guessed takeover (under the confidence bar) for a message that asks an account question is that question.
  // So is a short follow-up read against the last question ("and mine?"): nothing in it says someone else is in.
  // And with no danger in the security review, an account question with no word of someone else ("mein Konto ist gesperrt").
  const followUp = turn.state.lastQuestion !== null && reading.split(/\s+/).length <= 6;
  const danger = dangerSignals(snapshot);
  const quiet = danger.length === 0;
  // "who reactivated it? it wasn't me": the restart's story with its security steps answers it.
  const restartAsked = questionAsked === 'who_restarted' && meaning.restarted;
  const guessedTakeover = triage.intent === 'security.account_takeover' && questionAsked !== null && (restartAsked || ((triage.confidence < MIN_CONFIDENCE || followUp || quiet) && !COMPROMISE.test(reading)));
  const intent: Intent = afterCancel ? 'billing.charged_after_cancel' : chargeLike || moneyNotTakeover ? (hasStatementLines(text) > 1 ? 'billing.multiple_charges' : 'billing.unexpected_charge') : guessedTakeover ? 'out_of_scope' : triage.intent;
  const state = confident || afterCancel ? { ...turn.state, intent, confidence: chargeLike ? MIN_CONFIDENCE : triage.confidence } : turn.state;
  turn = { ...turn, state };

  if (intent === 'security.account_takeover' || (danger.length > 0 && !state.securityRaised && COMPROMISE.test(text))) {
    const security = takeoverTopic(snapshot, input);
    return apply({ ...turn, state: { ...state, securityRaised: true, intent: 'security.account_takeover', confidence: intent === 'security.account_takeover' ? triage.confidence : 1 } }, security);
  }
  if (danger.length > 0 && !state.securityRaised) {
    // A finding is told once, briefly, and does not take over what the member asked.
    turn = apply({ ...turn, state: { ...turn.state, securityRaised: true } }, {
      replies: [securityBrief(danger)], findings: danger.map((signal) => `Security review (${signal.severity}): ${signal.summary}`), tried: ['Told the member about the security review’s findings'],
    });
  }
  // An account question read in the member's words is answered before the gift-card reading guesses at "card".
  if (snapshot && questionAsked && !/\bgift|\bvoucher|\bredeem/i.test(reading)) {
    const answered = answerQuestions(turn, { input, ctx, snapshot, reading, questionAsked, intent, afterCancel, meaning });
    if (answered) return answered;
  }
  const gift = giftCardTopic({ text: reading, intent, snapshot, today: input.today, tools: ctx.tools });
  if (gift) return apply({ ...turn, state: { ...turn.state, intent: turn.state.intent ?? 'gift_card' } }, gift);
  if (snapshot) {
    const answered = answerQuestions(turn, { input, ctx, snapshot, reading, questionAsked, intent, afterCancel, meaning });
    if (answered) return answered;
  }
  const request = detectActionRequest(reading, confident ? intent : null, snapshot);
  if (request) return onActionRequest(turn, request, input, snapshot);
  if (!confident) return askWhich(turn, triage);
  if (intent.startsWith('streaming.') || (!snapshot && intent === 'household.not_in_household')) {
    const guide = guideFor(intent, turn, ctx);
    return guide.replies.length > 0 ? apply(turn, { ...guide, offer: null }) : apply(turn, infoTopic(intent, snapshot, ctx.tools));
  }
  if (isInfoIntent(intent)) return apply(turn, infoTopic(intent, snapshot, ctx.tools));
  if (!snapshot) {
    const lead = say('I can’t see an account in this chat, so I can’t check that myself. A person can, once they’ve confirmed it’s your account.');
    return handOff({ ...turn, replies: [...turn.replies, lead] }, queueForIntent(intent), 'needs_agent');
  }
  const topic = accountTopic(intent, turn, input, ctx, snapshot);
  return topic ? apply(turn, topic) : apply(turn, infoTopic(intent, snapshot, ctx.tools));
}

/**
 * The next charge's own amount quoted back ("and is that the full 25.98?") asks about that charge, not about a
 * disputed one: searching the ledger for it would find nothing and hand a settled question to billing.
 */
function quotesNextCharge(text: string, snapshot: AccountSnapshot, ctx: TurnContext, today: string): boolean {
  const said = text.match(/\d{1,6}[.,]\d{2}\b/g) ?? [];
  if (said.length !== 1 || asksAboutCharge(text) || /\b(?:charged|paid|took|taken|saw|got|was|were)\b/i.test(text) || !snapshot.membership) return false;
  const upcoming = ctx.tools.explainCharges({ membership: snapshot.membership, sameCard: snapshot.sameCard, today }).upcoming;
  return upcoming !== null && upcoming !== undefined && amountToMinor(said[0], snapshot.membership.currency) === upcoming.amount;
}

/** Asked in other words, these are the usual topics: the restart's story, the cancellation status (with its "Cancel it here"). */
const USUAL_TOPIC: Partial<Record<AccountQuestion, Intent>> = { who_restarted: 'billing.charged_after_cancel', status: 'membership.cancel', billing_day: 'billing.unexpected_charge' };

/** One account question's answer, or null when it has none here (the usual reading then decides). */
function answerOne(question: AccountQuestion, turn: Turn, o: { input: TurnInput; ctx: TurnContext; snapshot: AccountSnapshot; text: string }): TopicOutcome | null {
  const usual = USUAL_TOPIC[question];
  if (usual) return accountTopic(usual, turn, o.input, o.ctx, o.snapshot);
  return answerAccountQuestion(question, { snapshot: o.snapshot, state: turn.state, tools: o.ctx.tools, today: o.input.today, text: o.text });
}

/**
 * Every account question in the message, each answered: "what was the 6.95 for and how much is december going to
 * be?" gets the charge explained and the next charge. A part that asks about a charge already made is the charge
 * topic (the triaged intent, or a charge question), answered first. Null when the message asks none of these.
 */
function answerQuestions(turn: Turn, o: { input: TurnInput; ctx: TurnContext; snapshot: AccountSnapshot; reading: string; questionAsked: AccountQuestion | null; intent: Intent; afterCancel: boolean; meaning: MeaningContext }): Turn | null {
  const parts = questionSegments(o.reading);
  // A part about a charge already made is the charge topic, whatever else its words look like ("2 payments every month?").
  const byPart = parts.length > 1 ? parts.map((part) => ({ part, charge: asksAboutCharge(part), question: asksAboutCharge(part) ? null : readAccountQuestion(part, o.meaning) })) : [];
  const questions = [...new Set([o.questionAsked, ...byPart.map((entry) => entry.question)].filter((question): question is AccountQuestion => question !== null))];
  if (questions.length === 0) return null;
  // A charge already made asked about in its own part (or the whole message being one after cancelling) comes first.
  const chargePart = o.afterCancel || byPart.some((entry) => entry.charge) || ((o.questionAsked === 'next_charge' || o.questionAsked === 'recurring') && explainsChargeToo(o.reading, o.meaning));
  const outcomes: TopicOutcome[] = [];
  let asked: AccountQuestion | null = null;
  if (chargePart && !questions.some((question) => USUAL_TOPIC[question] === 'billing.charged_after_cancel')) {
    const chargeIntent: Intent = isChargeIntent(o.intent) ? o.intent : 'billing.unexpected_charge';
    const charge = accountTopic(chargeIntent, turn, o.input, o.ctx, o.snapshot);
    if (charge) outcomes.push(charge);
  }
  for (const question of questions) {
    // The same-card explanation already offers the billing team for the second membership.
    if (question === 'cancel_other' && outcomes.some((outcome) => outcome.offer?.kind === 'handoff')) continue;
    const answer = answerOne(question, turn, { input: o.input, ctx: o.ctx, snapshot: o.snapshot, text: o.reading });
    if (answer) {
      outcomes.push(answer);
      asked ??= question;
    }
  }
  if (outcomes.length === 0) return null;
  // One "That answers it" at the end, not after each answer.
  let next = turn;
  outcomes.forEach((outcome, index) => {
    const last = index === outcomes.length - 1;
    next = apply(next, last ? outcome : { ...outcome, offer: undefined, replies: outcome.replies.filter((reply) => reply.body !== 'Does that explain it?').map(withoutFeedback) });
  });
  // A sentence two answers both say (the next charge after an upgrade's explanation) is said once, the last time.
  next = { ...next, replies: next.replies.filter((reply, index) => !next.replies.slice(index + 1).some((later) => later.body === reply.body)) };
  return { ...next, state: { ...next.state, lastQuestion: asked ?? next.state.lastQuestion } };
}

function withoutFeedback(reply: Reply): Reply {
  const choices = reply.payload.choices?.filter((choice) => !FEEDBACK_CHOICES.some((feedback) => feedback.id === choice.id));
  if (!reply.payload.choices || choices?.length === reply.payload.choices.length) return reply;
  return { ...reply, payload: { ...reply.payload, choices: choices && choices.length > 0 ? choices : undefined } };
}

/** A button of a proposal that is no longer open: nothing runs, it is not a failure, and the open one (if any) stays open. */
function notOpen(turn: Turn, open: PendingAction | null): Turn {
  const lead = 'That request is no longer open, so nothing was changed.';
  if (!open) return { ...turn, replies: [...turn.replies, say(`${lead} Tell me what you’d like to do.`)] };
  // The open proposal's own buttons again, so the member can still answer it from the newest message.
  const what = describeAction(open.action);
  return { ...turn, replies: [...turn.replies, say(`${lead} My latest question is still open: shall I ${what}?`, confirmChoices(`Yes, ${what}`, open.proposedAt))] };
}

/** Answers an open confirmation: the action runs only on its own "confirm" button (or a typed plain "yes", which answers the latest). */
function onPending(turn: Turn, input: TurnInput): { turn: Turn; done: boolean } {
  const pending = turn.state.pending;
  if (!pending) return { turn, done: false };
  const tap = readConfirmTap(input.choice);
  if (tap && !tapIsFor(tap, pending)) return { turn: notOpen(turn, pending), done: true };
  const state = { ...turn.state, pending: null };
  const what = describeAction(pending.action);
  if (tap?.answer === 'confirm' || (input.choice === null && isYes(input.text))) {
    return { turn: { ...turn, state: { ...state, tried: [...state.tried, `The member confirmed: ${what}`] }, run: { action: pending.action, idempotencyKey: pending.idempotencyKey } }, done: true };
  }
  const declined = tap?.answer === 'decline' || (input.choice === null && isNo(input.text));
  const reply = say(declined ? 'All right, I haven’t changed anything.' : `I’ve left that as it is: nothing was changed (${what}).`);
  return { turn: { ...turn, state: { ...state, tried: [...state.tried, `The member did not confirm: ${what}`] }, replies: [...turn.replies, reply] }, done: declined };
}

export function decideTurn(prior: AssistantState, input: TurnInput, ctx: TurnContext): TurnDecision {
  if (input.seq <= prior.lastSeq) return { state: prior, replies: [], run: null, handOff: null };
  let turn: Turn = { state: { ...prior, lastSeq: input.seq }, replies: [], run: null, handOff: null };
  if (prior.handedOff) {
    // After a hand-off the agent speaks; only the open confirmation's own buttons are still the assistant's to answer.
    const tap = readConfirmTap(input.choice);
    const answered = prior.pending && tap && tapIsFor(tap, prior.pending) ? onPending(turn, input).turn : turn;
    return { state: answered.state, replies: answered.replies, run: answered.run, handOff: null };
  }
  const text = input.text.trim();
  if (turn.state.problem === null && input.choice === null && text && !smallTalk(text)) turn.state.problem = text;
  if (ctx.triage && input.choice === null) turn.state.entities = { ...turn.state.entities, ...ctx.triage.entities };
  const pending = onPending(turn, input);
  turn = pending.turn;
  if (!pending.done) turn = input.choice !== null ? onChoice(turn, input.choice, input, ctx) : text ? onText(turn, input, ctx) : turn;
  const caseFile = turn.handOff ? buildCaseFile({ state: turn.state, reason: turn.handOff.reason, snapshot: ctx.snapshot, tools: ctx.tools }) : null;
  return { state: turn.state, replies: turn.replies, run: turn.run, handOff: turn.handOff && caseFile ? { queue: turn.handOff.queue, caseFile } : null };
}
