import type { AccountSnapshot } from '../support.ports.ts';

export type Queue = 'billing' | 'security' | 'technical' | 'general';
export const QUEUES: readonly Queue[] = ['billing', 'security', 'technical', 'general'];

export type HandOffReason =
  /** The member asked for a person. */
  | 'member_asked'
  /** The assistant did not understand or could not help, twice. */
  | 'assistant_failed_twice'
  /** Signs of an account takeover: straight to security. */
  | 'takeover'
  /** A charge the ledger does not explain: straight to billing. */
  | 'unexplained_charge'
  /** Something the assistant may not do (a refund, a partner dispute…). */
  | 'needs_agent';

/** What an agent sees first: the whole story, so the member never repeats it. */
export type CaseFile = {
  intent: string;
  confidence: number;
  reason: HandOffReason;
  /** The member's own words, redacted. */
  problem: string;
  /** What the assistant and the member already tried ("Explained the charges from the ledger", "Signed out all devices"). */
  tried: string[];
  /** Answers to the checklist for this kind of problem (contact content), as far as known. */
  checklist: { item: string; answer: string | null }[];
  /** Null for a visitor. */
  snapshot: AccountSnapshot | null;
  /** The assistant's findings, in sentences an agent can read aloud. */
  findings: string[];
  /** Structured evidence (the charge explanation), for the desk to draw. */
  evidence?: Record<string, unknown>;
};

/** The desk's door for the assistant: opens a case in a queue and assigns it when an agent with the skill is free. */
export type HandOff = (options: {
  conversationId: string;
  accountId: string | null;
  queue: Queue;
  caseFile: CaseFile;
  /** Called once the case waits in its queue and before an agent is assigned: the assistant tells the member first. */
  announce?: (placed: { caseId: string; queue: Queue; position: number }) => Promise<void>;
}) => Promise<{ caseId: string; queue: Queue; position: number }>;
