import { useState } from 'react';
import { findAccount } from '../../api/identity.ts';
import { getCatalog } from '../../api/billing.ts';
import { Link } from '../../app/router.tsx';
import { Button, ErrorAlert, Field, Notice, Page, SelectField } from '../../ui/components.tsx';
import { submitWith, useAction, useLoad } from '../../ui/hooks.ts';

export function FindAccountPage() {
  const catalog = useLoad(getCatalog);
  const [name, setName] = useState('');
  const [last4, setLast4] = useState('');
  const [expiry, setExpiry] = useState('');
  const [country, setCountry] = useState('');
  const [expiryError, setExpiryError] = useState<string>();
  const [done, setDone] = useState(false);
  const action = useAction(async () => {
    const parsed = parseExpiry(expiry);
    if (!parsed) {
      setExpiryError('Enter the expiry date as it is printed on the card, for example 08/27.');
      return;
    }
    setExpiryError(undefined);
    await findAccount({ owner_name: name.trim(), card_last4: last4, card_exp_month: parsed.month, card_exp_year: parsed.year, country });
    setDone(true);
  }, ['owner_name', 'card_last4', 'card_exp_month', 'card_exp_year', 'country']);

  if (done) {
    return (
      <Page title="Check your email" width="narrow">
        <Notice tone="info">
          If these details match one account, we have emailed a reminder of how to sign in to the address on that account. For your safety this page never says whether an account was
          found.
        </Notice>
        <p>
          Still stuck? If you pay through a mobile carrier, TV provider or app store, they can tell you which email your membership uses. <Link to="/sign-in">Back to sign in</Link>
        </p>
      </Page>
    );
  }

  const countries = catalog.data?.countries ?? [];
  return (
    <Page
      title="Find your account"
      width="narrow"
      intro="No longer have the email or phone you signed up with? Tell us the account owner's name and the card that pays for the membership. Not available if someone else (a phone company, a TV provider or an app store) bills you."
    >
      <form className="form" onSubmit={submitWith(action.run)} noValidate>
        <ErrorAlert error={action.formError ?? catalog.error} />
        <Field label="Account owner's full name" name="owner_name" autoComplete="name" required value={name} onChange={(event) => setName(event.target.value)} error={action.fieldError('owner_name')} />
        <SelectField label="Country" name="country" required value={country} onChange={(event) => setCountry(event.target.value)} error={action.fieldError('country')}>
          <option value="">Choose…</option>
          {countries.map((entry) => (
            <option key={entry.country} value={entry.country}>
              {entry.name}
            </option>
          ))}
        </SelectField>
        <div className="field-row">
          <Field
            label="Last 4 digits of the card"
            name="card_last4"
            inputMode="numeric"
            maxLength={4}
            pattern="[0-9]{4}"
            required
            value={last4}
            onChange={(event) => setLast4(event.target.value.replace(/\D/g, ''))}
            error={action.fieldError('card_last4')}
          />
          <Field
            label="Expiry (MM/YY)"
            name="card_exp_month"
            inputMode="numeric"
            placeholder="MM/YY"
            autoComplete="off"
            required
            value={expiry}
            onChange={(event) => setExpiry(event.target.value)}
            error={expiryError ?? action.fieldError('card_exp_month') ?? action.fieldError('card_exp_year')}
          />
        </div>
        <p className="hint">Never type your full card number here or anywhere support asks for it: we only need the last 4 digits.</p>
        <Button type="submit" busy={action.busy} className="button-block">
          Find my account
        </Button>
      </form>
    </Page>
  );
}

/** "08/27", "8/2027", "08 27" → month and four-digit year. */
export function parseExpiry(text: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*[/\- ]?\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  let year = Number(match[2]);
  if (year < 100) year += 2000;
  if (month < 1 || month > 12) return null;
  return { month, year };
}
