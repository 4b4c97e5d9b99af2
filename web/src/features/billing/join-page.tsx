import { useEffect, useState } from 'react';
import { getCatalog } from '../../api/billing.ts';
import { join } from '../../api/identity.ts';
import type { CatalogCountry } from '../../api/types.ts';
import { Link, navigate, useSearchParam } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Button, ErrorAlert, Field, LoadError, Loading, Page, SelectField } from '../../ui/components.tsx';
import { formatMoney } from '../../ui/format.ts';
import { submitWith, useAction, useLoad } from '../../ui/hooks.ts';
import { PasswordField } from '../identity/password-field.tsx';
import { safeNext } from '../identity/sign-in-page.tsx';
import { CARD_FIELDS, CardFields, emptyCard, validateCard, type CardDraft } from './card-fields.tsx';
import { regionsOf } from './regions.ts';

const FIELDS = ['name', 'email', 'phone', 'password', 'country', 'region', 'plan', ...CARD_FIELDS];

function guessCountry(countries: CatalogCountry[]): string {
  const fromBrowser = navigator.language.split('-')[1]?.toUpperCase();
  return countries.find((entry) => entry.country === fromBrowser)?.country ?? countries[0]?.country ?? '';
}

export function JoinPage() {
  const catalog = useLoad(getCatalog);
  const { setMember, refresh } = useSession();
  // `/join?next=/redeem`: a visitor with a gift card comes back to redeem it after joining.
  const next = useSearchParam('next');
  const [country, setCountry] = useState('');
  const [region, setRegion] = useState('');
  const [plan, setPlan] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [card, setCard] = useState<CardDraft>(emptyCard);
  const [localError, setLocalError] = useState<{ field: string; message: string } | null>(null);

  const countries = catalog.data?.countries ?? [];
  const offer = countries.find((entry) => entry.country === country);
  const regions = offer ? regionsOf(offer.country, offer.regions) : [];

  useEffect(() => {
    if (!country && countries.length) setCountry(guessCountry(countries));
  }, [countries, country]);
  useEffect(() => {
    // A plan id chosen in another country may not exist here; Standard is the usual choice.
    if (offer && !offer.plans.some((entry) => entry.id === plan)) setPlan(offer.plans.find((entry) => entry.id === 'standard')?.id ?? offer.plans[0]?.id ?? '');
    setRegion('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [offer?.country]);

  const action = useAction(async () => {
    // Checked top to bottom, so the first problem on the page gets focus.
    const checked = validateCard(card);
    const problem =
      regions.length && !region
        ? { field: 'region', message: 'Choose where you live: it decides the tax on your bill.' }
        : !name.trim()
          ? { field: 'name', message: 'Enter your full name.' }
          : !/^[^\s@]+@[^\s@]+$/.test(email.trim())
            ? { field: 'email', message: 'Enter an email address like name@example.com.' }
            : password.length < 10
              ? { field: 'password', message: 'Use at least 10 characters.' }
              : 'field' in checked
                ? checked
                : null;
    if (problem || 'field' in checked) {
      const shown = problem ?? { field: 'card.number', message: '' };
      setLocalError(shown);
      document.querySelector<HTMLElement>(`[name="${shown.field}"]`)?.focus();
      return;
    }
    setLocalError(null);
    const answer = await join({
      name: name.trim(),
      email: email.trim(),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      password,
      country,
      ...(region ? { region } : {}),
      language: navigator.language.split('-')[0] ?? 'en',
      plan,
      card: checked.card,
    });
    setMember(answer.member);
    await refresh();
    navigate(safeNext(next), { state: { notice: 'Welcome! Your membership has started. We have emailed you a confirmation.' } });
  }, FIELDS);

  const errorFor = (field: string) => (localError?.field === field ? localError.message : action.fieldError(field));

  if (catalog.loading) return <Page title="Choose your plan"><Loading label="Loading plans" /></Page>;
  if (catalog.error || !catalog.data) return <Page title="Choose your plan">{catalog.error ? <LoadError error={catalog.error} retry={catalog.reload} /> : null}</Page>;

  const chosen = offer?.plans.find((entry) => entry.id === plan);
  return (
    <Page title="Choose your plan" intro="No commitment: change plan, pause or cancel online at any time.">
      <form className="form join-form" onSubmit={submitWith(action.run)} noValidate>
        <ErrorAlert error={action.formError} />
        <div className="field-row">
          <SelectField label="Country" name="country" value={country} onChange={(event) => setCountry(event.target.value)} error={errorFor('country')}>
            {countries.map((entry) => (
              <option key={entry.country} value={entry.country}>
                {entry.name}
              </option>
            ))}
          </SelectField>
          {regions.length ? (
            <SelectField label="State or region" name="region" value={region} onChange={(event) => setRegion(event.target.value)} error={errorFor('region')} required>
              <option value="">Choose…</option>
              {regions.map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </SelectField>
          ) : (
            <Field label="State or region (optional)" name="region" value={region} onChange={(event) => setRegion(event.target.value)} error={errorFor('region')} />
          )}
        </div>

        {offer ? (
          <fieldset className="plans" aria-describedby="tax-note">
            <legend>Plan</legend>
            <div className="plan-grid">
              {offer.plans.map((entry) => (
                <label key={entry.id} className={entry.id === plan ? 'plan plan-selected' : 'plan'}>
                  <input type="radio" name="plan" value={entry.id} checked={entry.id === plan} onChange={() => setPlan(entry.id)} />
                  <span className="plan-name">{entry.name}</span>
                  <span className="plan-price">
                    {formatMoney(entry.price, offer.currency)}
                    <span className="per"> a month</span>
                  </span>
                  <span className="plan-extra">
                    {entry.extra_member_slots > 0 && offer.extra_members
                      ? `Add up to ${entry.extra_member_slots} extra member${entry.extra_member_slots > 1 ? 's' : ''} outside your household for ${formatMoney(entry.slot_price, offer.currency)} a month each`
                      : 'No extra members'}
                  </span>
                </label>
              ))}
            </div>
            <p className="hint" id="tax-note">
              {offer.tax_mode === 'inclusive' ? 'Prices include tax.' : 'Tax is added to these prices based on your state or region.'}
            </p>
            {errorFor('plan') ? <p className="field-error">{errorFor('plan')}</p> : null}
          </fieldset>
        ) : null}

        <fieldset>
          <legend>Your account</legend>
          <Field label="Full name" name="name" autoComplete="name" required value={name} onChange={(event) => setName(event.target.value)} error={errorFor('name')} />
          <Field label="Email" name="email" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} error={errorFor('email')} />
          {action.error?.code === 'EMAIL_TAKEN' ? (
            <p className="hint">
              Already a member? <Link to="/sign-in">Sign in</Link> or <Link to="/forgot">reset your password</Link>.
            </p>
          ) : null}
          <Field
            label="Mobile number (optional)"
            name="phone"
            type="tel"
            autoComplete="tel"
            hint="Lets you get back in by text message if you forget your password."
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
            error={errorFor('phone')}
          />
          <PasswordField
            label="Password"
            name="password"
            autoComplete="new-password"
            hint="At least 10 characters."
            value={password}
            onChange={setPassword}
            error={errorFor('password')}
          />
        </fieldset>

        <CardFields value={card} onChange={setCard} errorFor={errorFor} />

        {chosen && offer ? (
          <p className="summary">
            You pay <strong>{formatMoney(chosen.price, offer.currency)}</strong>
            {offer.tax_mode === 'exclusive' ? ' plus tax' : ''} today, then every month on the same day. We email a receipt each time. Cancel online at any time; you keep
            watching until the end of the month you paid for.
          </p>
        ) : null}
        <Button type="submit" busy={action.busy} className="button-block">
          Start membership
        </Button>
      </form>
    </Page>
  );
}
