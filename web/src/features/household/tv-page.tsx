import { useState } from 'react';
import { confirmHouseholdUpdate, requestHouseholdUpdate, startTv } from '../../api/household.ts';
import type { Network, TvStart } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { Button, ErrorAlert, Field, Notice, Page } from '../../ui/components.tsx';
import { submitWith, useAction, useCountdown } from '../../ui/hooks.ts';
import { NETWORKS, networkName } from './networks.ts';

type Step =
  | { kind: 'setup' }
  | { kind: 'started'; tv: TvStart; networkId: string }
  | { kind: 'code'; tv: TvStart; networkId: string; channel: 'email' | 'sms'; expiresAt: string }
  | { kind: 'updated'; tv: TvStart; primary: Network };

/** A pretend TV: pick the network it is on, sign in, and see the household check. */
export function TvPage() {
  const [step, setStep] = useState<Step>({ kind: 'setup' });
  return (
    <Page title="Simulated TV" intro="A stand-in for a TV app, to try the household check. Pick the network the TV is on and sign it in.">
      <div className="tv" aria-live="polite">
        <div className="tv-screen">
          {step.kind === 'setup' ? <TvSetup onStarted={(tv, networkId) => setStep({ kind: 'started', tv, networkId })} /> : null}
          {step.kind === 'started' ? (
            <TvStarted step={step} onCode={(channel) => setStep({ ...step, kind: 'code', channel, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() })} />
          ) : null}
          {step.kind === 'code' ? <TvCode step={step} onUpdated={(primary) => setStep({ kind: 'updated', tv: step.tv, primary })} onBack={() => setStep({ kind: 'started', tv: step.tv, networkId: step.networkId })} /> : null}
          {step.kind === 'updated' ? (
            <div className="tv-panel">
              <h2>Household updated</h2>
              <p>
                Your household’s connection is now <strong>{networkName(step.primary.id, step.primary.name)}</strong>. This TV is part of your household: enjoy watching.
              </p>
            </div>
          ) : null}
        </div>
        <div className="tv-stand" aria-hidden="true" />
      </div>
      {step.kind !== 'setup' ? (
        <Button variant="secondary" onClick={() => setStep({ kind: 'setup' })}>
          Start again with another network
        </Button>
      ) : null}
    </Page>
  );
}

function TvSetup({ onStarted }: { onStarted: (tv: TvStart, networkId: string) => void }) {
  const { member } = useSession();
  const [deviceName, setDeviceName] = useState('Living room TV');
  const [networkId, setNetworkId] = useState<string>('net_home');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(async () => {
    const tv = await startTv({ device_name: deviceName.trim(), network_id: networkId, ...(member ? {} : { login: login.trim(), password }) });
    onStarted(tv, networkId);
  }, ['device_name', 'network_id', 'login', 'password']);
  return (
    <form className="form tv-panel" onSubmit={submitWith(action.run)} noValidate>
      <h2>Sign in on this TV</h2>
      <ErrorAlert error={action.formError} />
      <Field label="TV name" name="device_name" required value={deviceName} onChange={(event) => setDeviceName(event.target.value)} error={action.fieldError('device_name')} />
      <fieldset className="choice-group">
        <legend>The TV is connected to</legend>
        {NETWORKS.map((network) => (
          <label key={network.id} className="choice">
            <input type="radio" name="network_id" value={network.id} checked={networkId === network.id} onChange={() => setNetworkId(network.id)} />
            <span>{network.name}</span>
          </label>
        ))}
      </fieldset>
      {member ? (
        <p className="hint">Signing in as {member.name}.</p>
      ) : (
        <>
          <Field label="Email or mobile number" name="login" autoComplete="username" required value={login} onChange={(event) => setLogin(event.target.value)} error={action.fieldError('login')} />
          <Field label="Password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} error={action.fieldError('password')} />
        </>
      )}
      <Button type="submit" busy={action.busy}>
        Sign in
      </Button>
    </form>
  );
}

function TvStarted({ step, onCode }: { step: Extract<Step, { kind: 'started' }>; onCode: (channel: 'email' | 'sms') => void }) {
  const [channel, setChannel] = useState<'email' | 'sms'>('email');
  const [updating, setUpdating] = useState(step.tv.status === 'not_in_household');
  const action = useAction(async () => {
    await requestHouseholdUpdate(step.tv.device_id, channel);
    onCode(channel);
  });
  const outside = step.tv.status === 'not_in_household';
  return (
    <div className="tv-panel">
      {outside ? <h2>This TV isn’t part of your household</h2> : <h2>Ready to watch</h2>}
      <p>{step.tv.message}</p>
      <p className="muted">Connected to {networkName(step.networkId)}.</p>
      {outside ? (
        <p>
          If this is where you mainly watch (you moved, or changed your router or internet provider), update your household from this TV. Travelling? Watch on your phone or tablet
          instead.
        </p>
      ) : null}
      {updating ? (
        <form className="form" onSubmit={submitWith(action.run)} noValidate>
          <h3>Settings › Manage household › Update</h3>
          <ErrorAlert error={action.formError} />
          <fieldset className="choice-group">
            <legend>Send the code by</legend>
            <label className="choice">
              <input type="radio" name="channel" checked={channel === 'email'} onChange={() => setChannel('email')} />
              <span>Email</span>
            </label>
            <label className="choice">
              <input type="radio" name="channel" checked={channel === 'sms'} onChange={() => setChannel('sms')} />
              <span>Text message</span>
            </label>
          </fieldset>
          <Button type="submit" busy={action.busy}>
            Send code
          </Button>
        </form>
      ) : (
        <Button variant="secondary" onClick={() => setUpdating(true)}>
          Settings › Manage household
        </Button>
      )}
    </div>
  );
}

function TvCode({ step, onUpdated, onBack }: { step: Extract<Step, { kind: 'code' }>; onUpdated: (primary: Network) => void; onBack: () => void }) {
  const [code, setCode] = useState('');
  const left = useCountdown(step.expiresAt);
  const action = useAction(async () => {
    const answer = await confirmHouseholdUpdate(step.tv.device_id, code);
    onUpdated(answer.primary_network);
  }, ['code']);
  return (
    <form className="form tv-panel" onSubmit={submitWith(action.run)} noValidate>
      <h2>Enter the code</h2>
      <Notice tone="info">
        We sent a 6-digit code by {step.channel === 'email' ? 'email' : 'text message'} to the account owner. {left > 0 ? `Enter it within ${Math.ceil(left / 60)} minutes.` : 'The code has expired: send a new one.'}
      </Notice>
      <ErrorAlert error={action.formError} />
      <Field
        label="6-digit code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        className="field-code"
        required
        value={code}
        onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
        error={action.fieldError('code')}
      />
      <div className="actions">
        <Button type="submit" busy={action.busy} disabled={code.length !== 6}>
          Confirm
        </Button>
        <Button variant="secondary" onClick={onBack}>
          Send a new code
        </Button>
      </div>
    </form>
  );
}
