import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../platform/clock.ts';
import { withTables, type Database, type Db } from '../../platform/db/database.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from '../../platform/mail/outbox.ts';
import { createChat, type Chat, type ChatDeps } from './chat/create-chat.ts';
import { createAssistant, createAssistantStore, type Assistant, type AssistantStateTables } from './assistant/index.ts';
import { explainCharges } from './assistant/charges/charge-explainer.ts';
import { createDesk, type Desk, type MemberAuth, type SecurityDeskPort } from './desk/index.ts';
import type { SupportAccountPort } from './support.ports.ts';
import { createEscalations, type EscalationDeadlines } from './escalation/index.ts';
import type { Catalog } from '../billing/index.ts';
import type { Flow } from '../helpcenter/flows/index.ts';
import type { UsherModule } from '../../platform/module.ts';
import { plainHelpPage, type FlowCatalog, type RenderHelpPage } from '../helpcenter/flows/index.ts';
import { triage as defaultTriage, type TriageResult } from '../triage/index.ts';
import { loadContactContent, type ContactContent } from './contact/checklists.ts';
import type { ContactTables } from './contact/contact.repository.ts';
import { contactRoutes } from './contact/contact.routes.ts';
import { createContactService, type ContactIdentity, type ContactService, type SearchArticles, type StartConversation } from './contact/contact.service.ts';
import { loadSupportHours, type SupportHours } from './contact/support-hours.ts';

export type { ContactIdentity, ContactMember, SearchArticles, ArticleHit } from './contact/contact.service.ts';
export type { CallbackRequest } from './contact/contact.repository.ts';
export type { SupportHours } from './contact/support-hours.ts';
export { loadSupportHours, parseSupportHours, SUPPORT_HOURS_FILE } from './contact/support-hours.ts';
export { contactAvailability, isOpen, nextOpening } from './contact/availability.rules.ts';
export { loadContactContent } from './contact/checklists.ts';

const moduleDir = path.dirname(fileURLToPath(import.meta.url));

/** Support's tables (contact requests now; the chat issue adds its own migrations here). */
export const supportMigrations = { module: 'support', dir: path.join(moduleDir, 'migrations') };

export type ContactModuleDeps = {
  db: Db;
  clock: Clock;
  identity: ContactIdentity;
  /** The guided flows, to offer the ones for the member's problem. */
  flows?: Pick<FlowCatalog, 'forIntent'>;
  /** The Help Center's `searchArticles(query, limit)`; without it no articles are listed. */
  searchArticles?: SearchArticles;
  /** The Help Center's `renderHelpPage(title, body)`. */
  renderPage?: RenderHelpPage;
  /** Default config/support-hours.json. */
  supportHours?: SupportHours;
  /** Default content/contact/checklists.json. */
  content?: ContactContent;
  triage?: (text: string) => TriageResult;
  /** The chat's door for signed-in members; without it every chat starts on the chat page. */
  startConversation?: StartConversation;
};

export type ContactModule = UsherModule & {
  /** For the chat issue and the agent desk: conversations waiting, call-backs to make. */
  contact: Pick<ContactService, 'pendingCallBacks' | 'availabilityNow'>;
};

export function createContactModule(deps: ContactModuleDeps): ContactModule {
  const hours = deps.supportHours ?? loadSupportHours();
  const service = createContactService({
    db: withTables<ContactTables>(deps.db),
    clock: deps.clock,
    triage: deps.triage ?? defaultTriage,
    content: deps.content ?? loadContactContent(),
    hours,
    flowsForIntent: (intent) => (deps.flows?.forIntent(intent) ?? []).map((flow) => ({ id: flow.id, title: flow.title, summary: flow.summary })),
    ...(deps.searchArticles ? { searchArticles: deps.searchArticles } : {}),
    ...(deps.startConversation ? { startConversation: deps.startConversation } : {}),
  });
  return {
    name: supportMigrations.module,
    migrationsDir: supportMigrations.dir,
    routes: contactRoutes({ service, identity: deps.identity, hours, renderPage: deps.renderPage ?? plainHelpPage }),
    homeLinks: [{ title: 'Contact us', href: '/help/contact', description: 'Describe the problem: the right help first, what to have ready, then chat or a call-back when open. Never a number to dial.' }],
    contact: service,
  };
}

export type SupportModuleDeps = Omit<ContactModuleDeps, 'startConversation' | 'db'> & {
  database: Database;
  mailer: Mailer;
  logger?: Logger;
  serviceName: string;
  /** The signed-in member with what the chat shows and where it sends transcripts. */
  member: ChatDeps['member'];
  /** Billing, identity and household as support needs them (src/modules/support-account-port.ts). */
  account: SupportAccountPort;
  memberAuth: MemberAuth;
  /** Billing's catalog, so that explanations name plans, prices and tax rates. */
  catalog?: Catalog;
  flowCatalog?: Pick<FlowCatalog, 'forIntent'> & { get?(id: string): Flow | undefined };
  adminKey?: string | null;
  allowedOrigins?: readonly string[];
  /** 0 turns the desk's periodic assignment off (tests); default 30 s. */
  sweepIntervalMs?: number;
  /** The safety module's reports for the desk's security team. */
  security?: SecurityDeskPort;
  /** Working days to acknowledge and answer complaints and specialist requests (docs/escalation.md). */
  escalationDeadlines?: Partial<EscalationDeadlines>;
};

export type SupportModule = ContactModule & { chat: Chat; desk: Desk; assistant: Assistant };

/** Contact, the chat, the assistant and the agent desk: one module, one set of tables. */
export function createSupportModule(deps: SupportModuleDeps): SupportModule {
  const hours = deps.supportHours ?? loadSupportHours();
  const firstCountry = Object.keys(hours.countries)[0] ?? 'US';
  const logger = deps.logger ? { logger: deps.logger } : {};
  // The desk and the chat need each other (agents join chats; hand-offs post in them): the chat is built first, the desk bound late.
  let desk: Desk | undefined;
  const chat = createChat({
    database: deps.database, clock: deps.clock, mailer: deps.mailer, serviceName: deps.serviceName, member: deps.member,
    visitorWhere: { country: firstCountry, language: 'en' },
    desk: {
      agent: (request) => (desk as Desk).currentAgent(request),
      mayAgentJoin: (agentId, conversationId) => (desk as Desk).mayAgentJoin(agentId, conversationId),
      agentView: (conversationId) => (desk as Desk).agentView(conversationId),
      checkAgentMessage: (body) => (desk as Desk).checkAgentMessage(body),
      agentMessageBlocked: (options) => (desk as Desk).recordBlockedMessage(options),
      verifyServiceCode: (options) => (desk as Desk).verifyFromMember(options),
      serviceCodes: {
        takeFromMessage: (conversationId, body) => (desk as Desk).serviceCodes.takeFromMessage(conversationId, body),
        checkFromMessage: (options) => (desk as Desk).serviceCodes.checkFromMessage(options),
      },
    },
    ...logger,
    ...(deps.allowedOrigins ? { allowedOrigins: deps.allowedOrigins } : {}),
  });
  desk = createDesk({
    db: deps.database.db, clock: deps.clock, chat: chat.service.port, account: deps.account, memberAuth: deps.memberAuth,
    adminKey: deps.adminKey ?? null, ...logger,
    ...(deps.security ? { security: deps.security } : {}),
    ...(deps.sweepIntervalMs === undefined ? {} : { sweepIntervalMs: deps.sweepIntervalMs }),
  });
  const assistant = createAssistant({
    chat: chat.service.port, account: deps.account, handOff: desk.handOff, triage: deps.triage ?? defaultTriage, clock: deps.clock,
    flows: deps.flowCatalog ?? deps.flows ?? { forIntent: () => [] },
    checklists: deps.content ?? loadContactContent(),
    explainCharges: (input) => explainCharges({ ...input, ...(deps.catalog ? { catalog: deps.catalog } : {}) }),
    store: createAssistantStore(withTables<AssistantStateTables>(deps.database.db)),
    ...logger,
  });
  const staffed = desk;
  const escalations = createEscalations({
    db: deps.database.db, clock: deps.clock, account: deps.account, chat: chat.service.port,
    requireMember: (request) => deps.memberAuth.requireMember(request),
    currentMember: (request) => deps.identity.currentMember(request),
    requireAgent: (request) => staffed.requireAgent(request),
    disputeRoutes: (country) => deps.catalog?.[country]?.disputeRoutes ?? null,
    renderPage: deps.renderPage ?? plainHelpPage, ...logger,
    ...(deps.escalationDeadlines ? { deadlines: deps.escalationDeadlines } : {}),
    ...(deps.sweepIntervalMs === undefined ? {} : { sweepIntervalMs: deps.sweepIntervalMs }),
  });
  chat.service.onMessageStored(async (conversation, message) => {
    if (message.author.kind === 'member' || message.author.kind === 'visitor') {
      // "I want to make a complaint" and the offer's buttons are escalation's, not the assistant's.
      if (await escalations.chat.onMemberMessage(conversation, message)) return;
      // Once handed off, the assistant only answers a tap on a confirmation it asked for; the rest is the agent's.
      const tapped = message.payload?.data?.choice !== undefined;
      if (conversation.status === 'assistant' || tapped) await assistant.onMemberMessage({ conversation, message });
    }
    else await staffed.onMessageStored(conversation, message);
  });
  const contact = createContactModule({
    ...deps, db: deps.database.db, supportHours: hours,
    startConversation: async (options) => {
      const { conversation } = await chat.service.startConversation({
        accountId: options.accountId, visitorEmail: null, author: { kind: 'member', id: options.accountId, name: options.name ?? 'You' },
        text: options.text, intent: options.intent, country: options.country, language: options.language,
      });
      return { id: conversation.id };
    },
  });
  return {
    ...contact,
    routes: [contact.routes ?? [], chat.routes, staffed.routes, escalations.routes].flat(),
    homeLinks: [
      ...(contact.homeLinks ?? []),
      { title: 'Chat with us', href: '/chat', description: 'The assistant reads your account and explains charges with the ledger\'s lines; a person takes over when you ask.' },
      { title: 'Agent desk', href: '/desk', description: 'For Reelhouse agents and supervisors: queues, cases with the whole story, verification by service code, actions within limits.' },
    ],
    chat,
    desk: staffed,
    assistant,
    seedDemo: () => staffed.seedDemo(),
    async start() {
      await chat.hub.start();
      await staffed.start();
      await escalations.start();
    },
    async stop() {
      await escalations.stop();
      await staffed.stop();
      await chat.hub.stop();
    },
  };
}
