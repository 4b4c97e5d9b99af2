import type { Card } from '../../api/types.ts';
import { Field } from '../../ui/components.tsx';
import { parseExpiry } from '../identity/find-account-page.tsx';

export type CardDraft = { number: string; expiry: string; cvc: string };
export const emptyCard: CardDraft = { number: '', expiry: '', cvc: '' };

export const CARD_FIELDS = ['card', 'card.number', 'card.exp_month', 'card.exp_year', 'card.cvc'] as const;

/** Groups digits by four as the member types: "4242424242424242" → "4242 4242 4242 4242". */
function groupDigits(text: string): string {
  return text
    .replace(/\D/g, '')
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Checks what the browser can check; the server decides the rest. */
export function validateCard(draft: CardDraft): { card: Card } | { field: string; message: string } {
  const number = draft.number.replace(/\D/g, '');
  if (number.length < 12) return { field: 'card.number', message: 'Enter the long number on the front of the card.' };
  const expiry = parseExpiry(draft.expiry);
  if (!expiry) return { field: 'card.exp_month', message: 'Enter the expiry date as MM/YY, for example 08/29.' };
  if (!/^\d{3,4}$/.test(draft.cvc)) return { field: 'card.cvc', message: 'Enter the 3 or 4 digits on the back of the card.' };
  return { card: { number, exp_month: expiry.month, exp_year: expiry.year, cvc: draft.cvc } };
}

export function CardFields({
  value,
  onChange,
  errorFor,
  showTestHint = true,
}: {
  value: CardDraft;
  onChange: (value: CardDraft) => void;
  errorFor: (field: string) => string | undefined;
  showTestHint?: boolean;
}) {
  return (
    <fieldset className="card-fields">
      <legend>Card</legend>
      {showTestHint ? (
        <p className="hint test-hint">
          Demo service: use the test card <strong className="mono">4242 4242 4242 4242</strong> with any future expiry date and any 3 digits.
        </p>
      ) : null}
      <Field
        label="Card number"
        name="card.number"
        inputMode="numeric"
        autoComplete="cc-number"
        required
        className="field-mono"
        value={value.number}
        onChange={(event) => onChange({ ...value, number: groupDigits(event.target.value) })}
        error={errorFor('card.number') ?? errorFor('card')}
      />
      <div className="field-row">
        <Field
          label="Expiry (MM/YY)"
          name="card.exp_month"
          inputMode="numeric"
          autoComplete="cc-exp"
          placeholder="MM/YY"
          required
          value={value.expiry}
          onChange={(event) => onChange({ ...value, expiry: event.target.value.slice(0, 7) })}
          error={errorFor('card.exp_month') ?? errorFor('card.exp_year')}
        />
        <Field
          label="Security code (CVC)"
          name="card.cvc"
          inputMode="numeric"
          autoComplete="cc-csc"
          maxLength={4}
          required
          aria-label="Security code, the 3 digits on the back of the card"
          value={value.cvc}
          onChange={(event) => onChange({ ...value, cvc: event.target.value.replace(/\D/g, '') })}
          error={errorFor('card.cvc')}
        />
      </div>
    </fieldset>
  );
}
