/** The shapes of docs/api/members.md, as the web app reads them. */

export type IsoDate = string;
export type IsoDateTime = string;

export type MemberSummary = {
  account_id: string;
  name: string;
  email: string;
  phone: string | null;
  country: string;
  language: string;
  role: 'owner' | 'extra_member';
  owner_account_id?: string;
};

export type Session = { csrf_token: string; member: MemberSummary | null };

export type CatalogPlan = { id: string; name: string; price: number; extra_member_slots: number; slot_price: number };
export type CatalogCountry = {
  country: string;
  name: string;
  currency: string;
  tax_mode: 'exclusive' | 'inclusive';
  extra_members: boolean;
  plans: CatalogPlan[];
  /** Not in the contract yet; used when the server sends it. */
  regions?: string[];
};
export type Catalog = { countries: CatalogCountry[] };

export type Card = { number: string; exp_month: number; exp_year: number; cvc: string };

export type DeviceType = 'tv' | 'phone' | 'tablet' | 'computer' | 'console';
export type Device = {
  id: string;
  type: DeviceType;
  name: string;
  location: string | null;
  network_id: string | null;
  last_used_at: IsoDateTime;
  current: boolean;
};
export type SessionInfo = { id: string; device_id: string | null; created_at: IsoDateTime; last_used_at: IsoDateTime; location: string | null; current: boolean };
export type DevicesAnswer = { devices: Device[]; sessions: SessionInfo[] };

export type SecuritySignalKind =
  | 'email_changed_unconfirmed'
  | 'password_changed'
  | 'unknown_profile'
  | 'unfamiliar_device'
  | 'plan_changed'
  | 'extra_member_added'
  | 'restarted_after_cancel'
  | 'unfamiliar_viewing'
  | 'failed_sign_ins'
  | 'guesses_refused';
export type SecuritySignal = { kind: SecuritySignalKind | string; at: IsoDateTime; summary: string; severity: 'info' | 'warning' | 'danger' };
/** A wrong password or a sign-in refused after too many, last 30 days: when and from where (the address without its last part). */
export type FailedSignIn = { at: IsoDateTime; kind: 'wrong_password' | 'locked'; location: string; address: string; device: string };
export type SecurityReview = { signals: SecuritySignal[]; steps: string[]; failed_sign_ins: FailedSignIn[] };

export type ServiceCode = { code: string; expires_at: IsoDateTime };

export type MembershipStatus = 'active' | 'paused' | 'on_hold' | 'canceled_pending' | 'canceled' | 'none';
export type LedgerType = 'charge' | 'payment_failed' | 'authorization' | 'authorization_void' | 'refund' | 'gift_card';
export type LedgerEntry = {
  id: string;
  date: IsoDate;
  type: LedgerType | string;
  reason: string | null;
  amount: number;
  tax: number | null;
  currency: string;
  period_start: IsoDate | null;
  period_end: IsoDate | null;
  refund_of: string | null;
  /** Charges: the part paid from the gift balance; refunds: the part returned to it (0 when none). Absent on other lines. */
  gift?: number | null;
};

export type MembershipView = {
  id: string;
  account_id: string;
  country: string;
  region: string | null;
  currency: string;
  billed_by: { kind: 'direct' } | { kind: 'partner'; partner: string };
  state: {
    status: MembershipStatus;
    plan: string | null;
    anchor: IsoDate | null;
    next_billing_date: IsoDate | null;
    access_until: IsoDate | null;
    extra_members: number;
    /** The unused gift balance in minor units (billing contract, "Gift cards"). */
    gift_balance?: number;
  };
  pending_plan: string | null;
  pause: { starts: IsoDate; months: number } | null;
  payment_method: { brand: string; last4: string; exp_month: number; exp_year: number } | null;
  ledger: LedgerEntry[];
  events: { date: IsoDate; type: string; details: Record<string, unknown> }[];
  /** The gift balance and about how long it lasts at the current price. */
  gift?: GiftEstimate;
};

/** src/modules/billing/rules/gift-estimate.ts, as the server sends it. */
export type GiftEstimate = {
  balance: number;
  /** What one renewal costs now, tax included; null when no renewal is coming. */
  price_per_period: number | null;
  /** Renewals the balance pays in full. */
  periods_covered: number;
  /** The first renewal the balance does not pay in full; null when none is coming or the balance is 0. */
  runs_out_on: IsoDate | null;
  /** What the balance pays of that renewal. */
  paid_of_last: number;
};

/** `GET /api/me/membership`: the view plus the plan's name and the country's plans. */
export type MyMembership = MembershipView & { plan_name: string | null; plans: CatalogPlan[] };

/** `POST /api/me/gift-cards/redeem`: the membership after the redeem, and what the card added. */
export type RedeemAnswer = MembershipView & { redeemed: { amount: number; currency: string } | null };

export type MembershipAction =
  | { type: 'change_plan'; plan: string }
  | { type: 'pause'; months: number }
  | { type: 'extend_pause'; months: number }
  | { type: 'withdraw_pause' }
  | { type: 'unpause' }
  | { type: 'cancel' }
  | { type: 'restart'; plan?: string };

/** `gift`: the part the gift balance would pay (the card pays the rest). */
export type Charge = { amount: number; tax: number; currency: string; date: IsoDate; gift?: number };
export type ActionPreview = { consequence: string; charge?: Charge };

export type HouseholdDevice = Device & { in_household: boolean };
export type Network = { id: string; name: string };
export type Household = { primary_network: Network | null; devices: HouseholdDevice[] };

export type TvStart = { device_id: string; status: 'in_household' | 'not_in_household'; message: string };

export type ExtraMemberRefusal = 'EXTRA_MEMBER_LIMIT' | 'EXTRA_MEMBER_UNAVAILABLE' | 'BILLED_BY_PARTNER' | 'NOT_ACTIVE';
export type Invitation = { id: string; email: string; status: 'pending' | 'expired' | 'accepted' | 'cancelled'; expires_at: IsoDateTime };
export type ExtraMember = { account_id: string; name: string; email: string; access_until: IsoDate | null };
export type ExtraMembers = {
  eligible: boolean;
  reason_code?: ExtraMemberRefusal;
  slots_allowed: number;
  slots_used: number;
  slot_price: number;
  currency: string;
  invitations: Invitation[];
  members: ExtraMember[];
};
