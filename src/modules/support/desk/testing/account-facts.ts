import type { HttpClient } from '../../../../platform/testing/http-client.ts';

/**
 * A member's account facts as their own pages show them, and a search for
 * them in the desk's JSON answers: what must not show before the agent has
 * verified the member, and must show after.
 */

/** `after`: the desk's case page shows it once verified (the other forms are how the assistant may write it). */
export type Fact = { what: string; text?: string; pattern?: RegExp; amount?: number; after?: boolean };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A number alone, not a piece of an id, a time or a longer number. */
const standalone = (text: string): RegExp => new RegExp(`(?<![\\w.,])${escape(text)}(?![\\w]|[.,]\\d)`);

/** Every way the desk or the assistant writes a ledger line: minor units, 17.99 / 17,99, its date as ISO and in words. */
function ledgerFacts(line: { type: string; date: string; amount: number }): Fact[] {
  const [year, month, day] = line.date.split('-').map(Number) as [number, number, number];
  const name = MONTHS[month - 1] as string;
  const major = (line.amount / 100).toFixed(2);
  return [
    { what: `${line.type} amount ${line.amount} (minor units)`, pattern: standalone(String(line.amount)), amount: line.amount, after: true },
    { what: `${line.type} amount ${major}`, pattern: standalone(major) },
    { what: `${line.type} amount ${major.replace('.', ',')}`, pattern: standalone(major.replace('.', ',')) },
    { what: `${line.type} date ${line.date}`, text: line.date, after: true },
    { what: `${line.type} date ${name} ${day}, ${year}`, pattern: new RegExp(`${name} ${day}(?!\\d)`) },
    { what: `${line.type} date ${day} ${name}`, pattern: new RegExp(`(?<!\\d)${day} ${name}`) },
  ];
}

type MemberPages = {
  member: { name: string; email: string; phone: string | null };
  devices: { name: string; location: string | null; network_id: string | null }[];
  membership: { payment_method: { brand: string; last4: string; exp_month: number; exp_year: number } | null; ledger: { type: string; date: string; amount: number }[] };
  signals: { summary: string }[];
};

/** Reads the signed-in member's own pages: profile, devices, membership and ledger, security review. */
export async function readMemberPages(client: HttpClient): Promise<MemberPages> {
  const session = (await client.get('/api/session')).json() as { member: MemberPages['member'] };
  const devices = ((await client.get('/api/me/devices')).json() as { devices: MemberPages['devices'] }).devices;
  const membership = (await client.get('/api/me/membership')).json() as MemberPages['membership'];
  const signals = ((await client.get('/api/me/security')).json() as { signals: MemberPages['signals'] }).signals;
  return { member: session.member, devices, membership, signals };
}

/** Email, name, phone, card, every charge and refund, every device's name, place and network, every security finding. */
export function accountFacts(pages: MemberPages): Fact[] {
  const { member, devices, membership, signals } = pages;
  const card = membership.payment_method;
  const [first, ...rest] = member.name.split(' ');
  const facts: Fact[] = [
    { what: `email ${member.email}`, text: member.email, after: true },
    { what: `name ${member.name}`, text: member.name, after: true },
    { what: `first name ${first}`, text: first as string, after: true },
    { what: `surname ${rest.join(' ')}`, text: rest.join(' ') },
    ...membership.ledger.filter((line) => line.type === 'charge' || line.type === 'refund').flatMap(ledgerFacts),
    ...devices.flatMap((device): Fact[] => [
      { what: `device name ${device.name}`, text: device.name, after: true },
      ...(device.location ? [{ what: `device location ${device.location}`, text: device.location, after: true }] : []),
      ...(device.location ? [{ what: `device town ${device.location.split(',')[0]}`, text: device.location.split(',')[0] as string }] : []),
      ...(device.network_id ? [{ what: `network ${device.network_id}`, text: device.network_id, after: true }] : []),
    ]),
    ...signals.map((signal) => ({ what: `security finding "${signal.summary}"`, text: signal.summary, after: true })),
    // An address a takeover changed the login to is the account's too.
    ...signals.flatMap((signal) => signal.summary.match(/[\w.+-]+@[\w.-]+\.\w+/g) ?? []).map((email) => ({ what: `email ${email}`, text: email, after: true })),
  ];
  // Identity's sign-in detail: the desk's account view never had the phone number, before or after.
  if (member.phone) facts.push({ what: `phone ${member.phone}`, text: member.phone });
  if (card) {
    const month = String(card.exp_month).padStart(2, '0');
    facts.push(
      { what: `card last4 ${card.last4}`, pattern: standalone(card.last4), after: true },
      { what: `card ${card.brand} ending`, pattern: new RegExp(`${escape(card.brand)}\\W+ending`, 'i') },
      { what: `card expiry ${month}/${card.exp_year}`, pattern: new RegExp(`${month}/(${card.exp_year}|${card.exp_year % 100})(?!\\d)`) },
    );
  }
  return facts;
}

/** Every string (and number) in a JSON answer, with where it is. */
function leaves(value: unknown, path: string, out: { path: string; value: string | number }[] = []): { path: string; value: string | number }[] {
  if (typeof value === 'string' || typeof value === 'number') out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((item, index) => leaves(item, `${path}[${index}]`, out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) leaves(item, `${path}.${key}`, out);
  return out;
}

const matches = (fact: Fact, value: string | number): boolean =>
  typeof value === 'number' ? fact.amount === value : fact.text !== undefined ? value.includes(fact.text) : (fact.pattern as RegExp).test(value);

export type FactFound = { answer: string; path: string; fact: Fact };

/** Where each fact shows in the answers (keyed by who asked what): "sam GET /api/desk/cases/case_…  .case_file.findings[1]". */
export function findFacts(answers: Record<string, unknown>, facts: readonly Fact[]): FactFound[] {
  const found: FactFound[] = [];
  for (const [answer, body] of Object.entries(answers)) {
    for (const leaf of leaves(body, '')) {
      for (const fact of facts) if (matches(fact, leaf.value)) found.push({ answer, path: leaf.path, fact });
    }
  }
  return found;
}

export const describeFound = (found: readonly FactFound[]): string => found.map((item) => `${item.answer}: ${item.path} shows the ${item.fact.what}`).join('\n');
