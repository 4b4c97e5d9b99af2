-- Gift cards (contract "Gift cards"). The code is kept only as a keyed hash
-- (HMAC-SHA256 with the server's secret): a leaked table gives no codes.
-- `redeemed_at IS NULL` is the card's one use: redeeming is a conditional
-- UPDATE ... WHERE redeemed_at IS NULL, so two requests at once cannot both win.
CREATE TABLE billing_gift_cards (
  id text PRIMARY KEY,
  code_hash text NOT NULL UNIQUE,
  -- The last four characters, for support to tell cards apart; never enough to redeem.
  code_hint text NOT NULL,
  amount integer NOT NULL CHECK (amount > 0),
  currency text NOT NULL,
  redeemed_by_account text,
  redeemed_membership_id text REFERENCES billing_memberships (id),
  redeemed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((redeemed_at IS NULL) = (redeemed_by_account IS NULL))
);
CREATE INDEX billing_gift_cards_redeemed_by ON billing_gift_cards (redeemed_by_account) WHERE redeemed_by_account IS NOT NULL;

-- The unused gift balance, in the membership's currency's minor units.
ALTER TABLE billing_memberships ADD COLUMN gift_balance integer NOT NULL DEFAULT 0 CHECK (gift_balance >= 0);

-- Charges: the part the gift balance paid; refunds: the part returned to it.
ALTER TABLE billing_ledger ADD COLUMN gift integer CHECK (gift >= 0);
ALTER TABLE billing_ledger DROP CONSTRAINT billing_ledger_type_check;
ALTER TABLE billing_ledger ADD CONSTRAINT billing_ledger_type_check
  CHECK (type IN ('charge', 'payment_failed', 'authorization', 'authorization_void', 'refund', 'gift_card'));

-- A supervisor's restore of a gift balance: not a contract ledger line, kept
-- here with who did it and why (and in the desk's audit log by the caller).
CREATE TABLE billing_gift_adjustments (
  id text PRIMARY KEY,
  membership_id text NOT NULL REFERENCES billing_memberships (id),
  amount integer NOT NULL CHECK (amount > 0),
  currency text NOT NULL,
  reason text NOT NULL,
  actor text NOT NULL,
  balance_after integer NOT NULL,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX billing_gift_adjustments_membership ON billing_gift_adjustments (membership_id, created_at);
