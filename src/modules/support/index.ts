import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../platform/clock.ts';
import { withTables, type Db } from '../../platform/db/database.ts';
import type { UsherModule } from '../../platform/module.ts';
import { plainHelpPage, type FlowCatalog, type RenderHelpPage } from '../helpcenter/flows/index.ts';
import { triage as defaultTriage, type TriageResult } from '../triage/index.ts';
import { loadContactContent, type ContactContent } from './contact/checklists.ts';
import type { ContactTables } from './contact/contact.repository.ts';
import { contactRoutes } from './contact/contact.routes.ts';
import { createContactService, type ContactIdentity, type ContactService, type SearchArticles } from './contact/contact.service.ts';
import { loadSupportHours, type SupportHours } from './contact/support-hours.ts';

export type { ContactIdentity, ContactMember, SearchArticles, ArticleHit } from './contact/contact.service.ts';
export type { CallbackRequest, Conversation } from './contact/contact.repository.ts';
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
};

export type ContactModule = UsherModule & {
  /** For the chat issue and the agent desk: conversations waiting, call-backs to make. */
  contact: Pick<ContactService, 'waitingConversations' | 'pendingCallBacks' | 'findConversation' | 'availabilityNow'>;
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
  });
  return {
    name: supportMigrations.module,
    migrationsDir: supportMigrations.dir,
    routes: contactRoutes({ service, identity: deps.identity, hours, renderPage: deps.renderPage ?? plainHelpPage }),
    homeLinks: [{ title: 'Contact us', href: '/help/contact', description: 'Describe the problem: the right help first, what to have ready, then chat or a call-back when open. Never a number to dial.' }],
    contact: service,
  };
}
