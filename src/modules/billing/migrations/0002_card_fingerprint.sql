-- The provider's fingerprint of the card number (a keyed hash, never the
-- number): two memberships paying with the same card share it, so support can
-- find the forgotten second account behind a "charged twice" question.
-- Nullable: rows from before this column, and synthetic load-test rows, have none.
ALTER TABLE billing_payment_methods ADD COLUMN fingerprint text;
CREATE INDEX billing_payment_methods_fingerprint ON billing_payment_methods (fingerprint) WHERE fingerprint IS NOT NULL;
