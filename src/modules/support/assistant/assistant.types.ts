import type { MembershipView } from '../../billing/index.ts';
import type { Flow } from '../../helpcenter/flows/index.ts';
import type { Entities, Intent, TriageResult } from '../../triage/index.ts';
import type { MessagePayload } from '../chat/chat.types.ts';
import type { IntentHelp } from '../contact/checklists.ts';
import type { CaseFile, HandOffReason, Queue } from '../desk/case-file.ts';
import type { AccountSnapshot, SameCardMembership } from '../support.ports.ts';
import type { PlanOfferBrief, UpcomingCharge } from './charges/next-charge.ts';

/**
 * The charge explainer's contract as the assistant relies on it
 * (./charges/charge-explainer.ts is written separately): only the fields
 * used here, so the engine does not depend on its internals.
 */
export type ChargeQuestion = { amount?: number; date?: string; text?: string };
export type ChargeFindingLike = { cause: string; title: string; explanation: string; evidence: unknown };
export type ChargeExplanationLike = {
  explained: boolean;
  findings: ChargeFindingLike[];
  summary: string[];
  disputedCharge?: unknown;
  /** What the member can do next (secure the account, dispute with the bank…). */
  advice?: string[];
  /** The next charge and its date, when one is due. */
  upcoming?: UpcomingCharge | null;
  /** What the member's country and plan offer (extra members), when the catalog is known. */
  offer?: PlanOfferBrief | null;
};
export type ExplainCharges = (input: {
  membership: MembershipView | null;
  sameCard: SameCardMembership[];
  today: string;
  question?: ChargeQuestion;
}) => ChargeExplanationLike;

/** What the assistant can do on the account, each only after the member confirms. */
export type AssistantAction =
  | { kind: 'cancel_membership'; membershipId: string; finalServiceDate: string | null }
  | { kind: 'pause_membership'; membershipId: string; months: number; startsOn: string | null }
  | { kind: 'sign_out_everywhere'; accountId: string }
  | { kind: 'remove_device'; accountId: string; deviceId: string; deviceName: string }
  | { kind: 'remove_extra_member'; ownerAccountId: string; memberAccountId: string; memberName: string }
  | { kind: 'resend_invitation'; ownerAccountId: string; invitationId: string; name: string; maskedEmail: string };

/** An action proposed and waiting for the member's "confirm". */
export type PendingAction = { action: AssistantAction; idempotencyKey: string; proposedAt: number };

/** A guided flow walked in the chat (the flows module's RunState plus which flow). */
export type FlowProgress = {
  flowId: string;
  stepId: string;
  path: { step: string; option: string; confirmed?: true }[];
  /** A warned option tapped once, waiting for "Yes, I understand". */
  awaitingConfirmation: string | null;
};

/** What the last assistant message asked, so that a typed "yes"/"no" can answer it. */
export type Offer =
  | { kind: 'feedback' }
  | { kind: 'handoff'; queue: Queue; reason: HandOffReason };

/** Per conversation, persisted between turns (support_assistant_state). Plain JSON. */
export type AssistantState = {
  /** The last member message handled: a message delivered twice is answered once. */
  lastSeq: number;
  greeted: boolean;
  /** The member's first words, redacted by the transport. */
  problem: string | null;
  intent: Intent | null;
  confidence: number;
  entities: Entities;
  failures: number;
  tried: string[];
  findings: string[];
  evidence: Record<string, unknown> | null;
  pending: PendingAction | null;
  offer: Offer | null;
  flow: FlowProgress | null;
  /** Danger signals already raised: they hand off once, not every turn. */
  securityRaised: boolean;
  /** The account question answered last (account-questions.rules.ts), so a follow-up ("and the one after?") is read against it. */
  lastQuestion: string | null;
  handedOff: { caseId: string; queue: Queue } | null;
};

export function initialState(): AssistantState {
  return {
    lastSeq: 0, greeted: false, problem: null, intent: null, confidence: 0, entities: {}, failures: 0, tried: [], findings: [],
    evidence: null, pending: null, offer: null, flow: null, securityRaised: false, lastQuestion: null, handedOff: null,
  };
}

export type Reply = { body: string; payload: MessagePayload };

/** A confirmed action for the service to run, with the key that makes a replay harmless. */
export type ActionToRun = { action: AssistantAction; idempotencyKey: string };

/** Everything one turn decides; the service only does the I/O. */
export type TurnDecision = {
  state: AssistantState;
  replies: Reply[];
  run: ActionToRun | null;
  handOff: { queue: Queue; caseFile: CaseFile } | null;
};

/** Pure content lookups the rules may use (flows, checklists, the charge explainer). */
export type AssistantTools = {
  explainCharges: ExplainCharges;
  flowsForIntent(intent: string): Flow[];
  flow(id: string): Flow | undefined;
  help(intent: Intent): IntentHelp;
};

export type TurnInput = {
  conversationId: string;
  seq: number;
  text: string;
  choice: string | null;
  today: string;
};

export type TurnContext = {
  /** Null for a visitor, or when the account could not be read. */
  snapshot: AccountSnapshot | null;
  triage: TriageResult | null;
  tools: AssistantTools;
};
