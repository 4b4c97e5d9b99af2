import type { MyMembership } from '../../api/types.ts';
import { Link } from '../../app/router.tsx';
import { Section } from '../../ui/components.tsx';
import { formatMoney } from '../../ui/format.ts';
import { describeGiftEstimate } from './gift-estimate.ts';

/**
 * The gift balance on the membership and payments pages: how much is left,
 * about how long it lasts at the current price, and the way to redeem a card.
 */
export function GiftBalanceSummary({ membership, showRedeem = true }: { membership: MyMembership; showRedeem?: boolean }) {
  const balance = membership.state.gift_balance ?? 0;
  const money = (amount: number) => formatMoney(amount, membership.currency);
  const partner = membership.billed_by.kind === 'partner' ? membership.billed_by.partner : null;
  const redeemedBefore = membership.ledger.some((entry) => entry.type === 'gift_card');
  // Nothing to show and nothing to offer: a partner bills, and no card was ever redeemed here.
  if (balance === 0 && !redeemedBefore && (partner || !showRedeem)) return null;
  const estimate = describeGiftEstimate(membership, money);
  return (
    <Section title="Gift balance" id="gift-balance">
      <p className="gift-balance-amount">{money(balance)}</p>
      {estimate ? <p>{estimate}</p> : null}
      {balance > 0 ? <p className="muted">Each charge is paid from your gift balance first; only the rest goes on your card. The balance never expires.</p> : null}
      {partner ? (
        <p className="muted">
          Your membership is billed by {partner}, so a Reelhouse gift card cannot pay for it while {partner} bills you.
        </p>
      ) : showRedeem ? (
        <p>
          <Link to="/redeem" className="button button-secondary">
            Redeem a gift card
          </Link>
        </p>
      ) : null}
    </Section>
  );
}
