import type { Catalog, MembershipView } from '../../../billing/index.ts';
import type { HandOffReason, Queue } from '../../desk/case-file.ts';
import type { SameCardMembership } from '../../support.ports.ts';
import type { PlanOfferBrief, UpcomingCharge } from './next-charge.ts';

/** What the member asks about. `amount` is in minor units (1983 for $19.83), as the ledger keeps it. */
export type ChargeQuestionDetail = {
  amount?: number;
  /** The date the member saw the charge (often the bank statement's date), `YYYY-MM-DD`. */
  date?: string;
  /** The member's own words, redacted; used only to put the likeliest causes first. */
  text?: string;
};

export type ChargeQuestion = {
  membership: MembershipView | null;
  sameCard: SameCardMembership[];
  /** `YYYY-MM-DD`, from the clock. */
  today: string;
  question?: ChargeQuestionDetail;
  /** Billing's catalog (plain data): plan names, prices, slot prices, tax modes and rates. Optional: without it the texts say less. */
  catalog?: Catalog;
};

export type ChargeCause =
  /** The charge the member asks about is an ordinary sign-up, renewal, resume or refund line. */
  | 'regular_charge'
  | 'billing_day_adjusted'
  | 'upgrade_proration'
  | 'extra_member_slot'
  | 'price_change'
  | 'taxes'
  | 'partner_billing'
  | 'bank_posting_delay'
  | 'temporary_authorization'
  | 'failed_payment_retry'
  | 'second_account_same_card'
  | 'restarted_by_someone_else'
  | 'none_found';

/** One ledger line, as evidence. `account` says whose membership it is on. */
export type EvidenceLine = Omit<MembershipView['ledger'][number], 'refund_of'> & {
  membershipId: string;
  account: 'this' | 'other';
  /** What has been refunded of this charge so far, when anything has. */
  refunded?: number;
};

export type EvidenceDate = { label: string; date: string };

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type ChargeFinding = {
  cause: ChargeCause;
  /** A short label for a card or a case file ("A second account pays with your card"). */
  title: string;
  /** One sentence for the summary. */
  headline: string;
  /** Member-facing sentences with the real dates and amounts. */
  explanation: string;
  /** True when this finding explains the charge the member asked about. */
  aboutDisputedCharge: boolean;
  evidence: { lines: EvidenceLine[]; dates: EvidenceDate[] };
  /** Cause-specific detail (plans, prices, retry dates, the other login…), JSON only. */
  data: { [key: string]: JsonValue };
};

export type CancellationState = {
  /** `withdrawn`: it was cancelled, then restarted, and is running again. */
  state: 'none' | 'pending' | 'done' | 'withdrawn';
  requestedOn: string | null;
  /** Pending: the last day of service (the paid period's end). */
  finalServiceDate: string | null;
  endedOn: string | null;
  reason: string | null;
  restartedOn: string | null;
  /** Charges dated after the cancellation was asked for (a restart's, or renewals after it was withdrawn). */
  chargesAfter: EvidenceLine[];
  explanation: string;
};

export type ChargeExplanation = {
  membershipId: string | null;
  accountId: string | null;
  currency: string | null;
  today: string;
  /** The recent ledger looked at: the last three months. */
  window: { from: string; to: string };
  question: ChargeQuestionDetail | null;
  /** False when the member asked about a charge the ledger cannot account for. */
  explained: boolean;
  disputedCharge: EvidenceLine | null;
  findings: ChargeFinding[];
  cancellation: CancellationState;
  summary: string[];
  /** What the member can do next (secure the account, dispute with the bank, cancel the duplicate…). */
  advice: string[];
  /** General notes that hold for any charge (banks post 1 to 3 business days later). */
  notes: string[];
  /** The next charge and its date (null: billed by a partner, cancelled, or nothing known). */
  upcoming: UpcomingCharge | null;
  /** The plan as the country offers it (extra members or not), when the catalog is known. */
  offer: PlanOfferBrief | null;
  /** When an agent should take it from here; the assistant decides whether to offer it. */
  suggestedHandOff: { queue: Queue; reason: HandOffReason; why: string } | null;
};
