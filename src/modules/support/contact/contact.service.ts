import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import { isIntent, type Intent, type TriageResult } from '../../triage/index.ts';
import { contactAvailability, type ContactAvailability } from './availability.rules.ts';
import type { ContactContent, IntentHelp } from './checklists.ts';
import { redactForStorage } from '../../safety/redaction/index.ts';
import { normaliseServiceCode } from './contact.rules.ts';
import { insertCallbackRequest, listCallbackRequests, type CallbackRequest, type ContactDb } from './contact.repository.ts';
import type { Channel, SupportHours } from './support-hours.ts';

/** Who is signed in, as the contact page needs it (identity, wired by the registry). Never a phone number. */
export type ContactMember = { accountId: string; country: string; language: string; name?: string };

export type ContactIdentity = {
  /** The member signed in on this request, or null. Reads the session only (the page's forms check their origin). */
  currentMember(request: FastifyRequest): Promise<ContactMember | null>;
  /**
   * Identity's check of a service code a visitor typed (audited, limited per
   * address; RATE_LIMITED when over): the account it belongs to, or null.
   * Without it a visitor's request is kept unverified.
   */
  verifyServiceCode?(code: string, address: string): Promise<string | null>;
};

/** The Help Center's `searchArticles(query, limit)`. */
export type ArticleHit = { slug: string; title: string; summary?: string; url?: string };
export type SearchArticles = (query: string, limit: number) => Promise<readonly ArticleHit[]> | readonly ArticleHit[];
export type FlowLink = { id: string; title: string; summary: string };

export type Where = { country: string; language: string };

export type ContactAdvice = {
  text: string;
  triage: TriageResult;
  help: IntentHelp;
  /** Other readings worth offering when triage is unsure. */
  alternatives: IntentHelp[];
  flows: FlowLink[];
  articles: ArticleHit[];
  where: Where;
  availability: ContactAvailability;
};

export type ContactRefusal = 'not_offered' | 'closed' | 'code_needed' | 'code_invalid';
export type ContactResult<T> = { ok: true; value: T } | { ok: false; refusal: ContactRefusal; availability: ContactAvailability };

/** Below this confidence the page also offers the alternatives ("or is it…?"). */
const UNSURE = 0.6;

/** The chat's door: a conversation for a signed-in member, answered first by the assistant. */
export type StartConversation = (options: { accountId: string; name?: string; text: string; intent: Intent; country: string; language: string }) => Promise<{ id: string }>;

export type ContactServiceDeps = {
  db: ContactDb;
  clock: Clock;
  triage: (text: string) => TriageResult;
  content: ContactContent;
  hours: SupportHours;
  flowsForIntent: (intent: Intent) => FlowLink[];
  searchArticles?: SearchArticles;
  startConversation?: StartConversation;
};

export function createContactService(deps: ContactServiceDeps) {
  const availabilityNow = (where: Where) => contactAvailability(deps.hours, where, deps.clock.now());

  async function articlesFor(help: IntentHelp): Promise<ArticleHit[]> {
    if (!deps.searchArticles || help.search === '') return [];
    try {
      return [...(await deps.searchArticles(help.search, 3))];
    } catch {
      // Articles are a help, not a condition: the page still shows the checklist and the ways to reach us.
      return [];
    }
  }

  /** Triage the member's words (or take the reading they picked) and gather the self-help, the checklist and what is open now. */
  async function adviseOnProblem(options: { text: string; chosenIntent?: string; where: Where }): Promise<ContactAdvice> {
    const result = deps.triage(options.text);
    const intent: Intent = options.chosenIntent && isIntent(options.chosenIntent) ? options.chosenIntent : result.intent;
    const help = deps.content.forIntent(intent);
    const unsure = intent === result.intent && result.confidence < UNSURE;
    return {
      text: options.text,
      triage: result,
      help,
      alternatives: unsure ? result.alternatives.filter((alt) => alt.intent !== intent).map((alt) => deps.content.forIntent(alt.intent)) : [],
      flows: deps.flowsForIntent(intent),
      articles: await articlesFor(help),
      where: options.where,
      availability: availabilityNow(options.where),
    };
  }

  function channelOpen(where: Where, channel: Channel): ContactResult<true> {
    const availability = availabilityNow(where);
    const state = availability.channels.find((candidate) => candidate.channel === channel);
    if (!state?.offered) return { ok: false, refusal: 'not_offered', availability };
    if (!state.openNow) return { ok: false, refusal: 'closed', availability };
    return { ok: true, value: true };
  }

  /**
   * A call-back whose caller is verified when it is made: a signed-in
   * member by their session, a visitor by the service code they typed,
   * which identity checks now. Only that outcome and its time are kept,
   * never the code; the agent calls the number on the verified account.
   */
  async function requestCallBack(options: { text: string; intent: string; where: Where; member: ContactMember | null; typedCode: string; address: string; verifyServiceCode?: ContactIdentity['verifyServiceCode'] }): Promise<ContactResult<CallbackRequest>> {
    const open = channelOpen(options.where, 'call');
    if (!open.ok) return open;
    const now = deps.clock.now();
    let verified: Pick<CallbackRequest, 'accountId' | 'verifiedAt' | 'verifiedWith'>;
    if (options.member) verified = { accountId: options.member.accountId, verifiedAt: now, verifiedWith: 'session' };
    else {
      const code = normaliseServiceCode(options.typedCode);
      if (code === null) return { ok: false, refusal: 'code_needed', availability: availabilityNow(options.where) };
      const accountId = options.verifyServiceCode ? await options.verifyServiceCode(code, options.address) : null;
      if (options.verifyServiceCode && accountId === null) return { ok: false, refusal: 'code_invalid', availability: availabilityNow(options.where) };
      verified = accountId === null ? { accountId: null, verifiedAt: null, verifiedWith: null } : { accountId, verifiedAt: now, verifiedWith: 'service_code' };
    }
    const request: CallbackRequest = {
      id: newId('cb'), ...verified, intent: isIntent(options.intent) ? options.intent : 'contact.agent',
      // A code typed into the words is removed with the rest.
      summary: redactForStorage(options.text), country: options.where.country, language: options.where.language, status: 'requested', createdAt: now,
    };
    await insertCallbackRequest(deps.db, request);
    return { ok: true, value: request };
  }

  /**
   * A chat for a signed-in member starts at once; a visitor first proves an
   * email on the chat page (`visitor: true`, the page takes the text along).
   */
  async function startChat(options: { text: string; intent: string; where: Where; member: ContactMember | null }): Promise<ContactResult<{ id: string } | { visitor: true }>> {
    const open = channelOpen(options.where, 'chat');
    if (!open.ok) return open;
    if (!options.member || !deps.startConversation) return { ok: true, value: { visitor: true } };
    const intent: Intent = isIntent(options.intent) ? options.intent : deps.triage(options.text).intent;
    return { ok: true, value: await deps.startConversation({ accountId: options.member.accountId, ...(options.member.name ? { name: options.member.name } : {}), text: options.text, intent, country: options.where.country, language: options.where.language }) };
  }

  return {
    adviseOnProblem,
    requestCallBack,
    startChat,
    availabilityNow,
    pendingCallBacks: () => listCallbackRequests(deps.db, 'requested'),
  };
}

export type ContactService = ReturnType<typeof createContactService>;
