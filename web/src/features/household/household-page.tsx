import { getHousehold } from '../../api/household.ts';
import type { HouseholdDevice } from '../../api/types.ts';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading, Page, Section } from '../../ui/components.tsx';
import { formatRelative } from '../../ui/format.ts';
import { useLoad } from '../../ui/hooks.ts';
import { networkName } from './networks.ts';

export function HouseholdPage() {
  const household = useLoad(getHousehold);
  if (household.loading && !household.data) return <Page title="Household"><Loading /></Page>;
  if (!household.data) return <Page title="Household">{household.error ? <LoadError error={household.error} retry={household.reload} /> : null}</Page>;
  const { primary_network: primary, devices } = household.data;
  const inside = devices.filter((device) => device.in_household);
  const outside = devices.filter((device) => !device.in_household);

  return (
    <Page title="Household" intro="Your household is the devices that use the internet connection where you mainly watch. A TV on another connection shows “This TV isn’t part of your household”.">
      <Section title="Primary connection">
        {primary ? (
          <p>
            <strong>{networkName(primary.id, primary.name)}</strong>
          </p>
        ) : (
          <p>Not set yet. It is set the first time you sign in on a TV at home.</p>
        )}
        <h3>Moved, changed your router or internet provider?</h3>
        <ol className="steps">
          <li>On the TV at your main home, open Settings, then Manage household, then Update.</li>
          <li>Choose email or text message. We send a 6-digit code.</li>
          <li>Enter the code on the TV within 15 minutes.</li>
        </ol>
        <p>
          Phones and computers are recognised once they join your home Wi-Fi. <Link to="/tv">Try it on the simulated TV</Link>.
        </p>
      </Section>
      <Section title={`In your household (${inside.length})`}>
        <DeviceList devices={inside} empty="No devices on your primary connection yet." />
      </Section>
      <Section title={`Outside your household (${outside.length})`}>
        <DeviceList devices={outside} empty="None: every device is on your primary connection." />
        {outside.length ? <p className="muted">Don’t recognise one? Remove it from <Link to="/account/security">Security and devices</Link>.</p> : null}
      </Section>
    </Page>
  );
}

function DeviceList({ devices, empty }: { devices: HouseholdDevice[]; empty: string }) {
  if (!devices.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="device-list">
      {devices.map((device) => (
        <li key={device.id} className="device">
          <div>
            <strong>{device.name}</strong> {device.current ? <span className="tag tag-current">This device</span> : null}
            <p className="muted">
              {networkName(device.network_id)}
              {device.location ? ` · ${device.location}` : ''} · last used {formatRelative(device.last_used_at)}
            </p>
          </div>
          <span className={device.in_household ? 'tag tag-good' : 'tag tag-neutral'}>{device.in_household ? 'In household' : 'Outside household'}</span>
        </li>
      ))}
    </ul>
  );
}
