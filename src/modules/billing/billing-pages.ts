import { escapeHtml } from '../../platform/http/home-page.ts';
import { formatMoney } from './money-format.ts';
import type { MembershipView } from './membership-view.ts';
import type { DemoMember } from './seed/demo-members.ts';

const escape = (text: unknown): string => escapeHtml(String(text ?? ''));

/** The gift balance's colour on the timeline: dark amber, 5:1 against white. */
const GIFT_COLOR = '#8a5a00';

const STATUS_WORDS: Record<string, string> = {
  active: 'Active',
  paused: 'Paused',
  on_hold: 'On hold (payment failed)',
  canceled_pending: 'Cancelled, watching until the end date',
  canceled: 'Cancelled',
};

const LINE_WORDS: Record<string, string> = {
  signup: 'First month',
  renewal: 'Monthly renewal',
  plan_upgrade: 'Plan upgrade (rest of the period)',
  extra_member_added: 'Extra member (rest of the period)',
  restart: 'Membership restarted',
  unpause: 'Resumed early',
  payment_retry: 'Retried payment',
};

export function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Usher demo</title>
<style>
:root{--ink:#1c1b29;--muted:#5d5b70;--line:#e4e2ee;--accent:#5b3fd6;--good:#137a4b;--bad:#b3261e;--warn:#8a5a00;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:#faf9fd}
body{margin:0}header{background:#1c1b29;color:#fff;padding:1rem 1.25rem}header a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:980px;margin:0 auto;padding:1.25rem}h1{font-size:1.5rem;margin:.5rem 0 1rem}h2{font-size:1.1rem;margin-top:2rem}
.card{background:#fff;border:1px solid var(--line);border-radius:12px;padding:1rem 1.25rem;margin-bottom:1rem;overflow-wrap:anywhere}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:1rem}
.muted{color:var(--muted)}.badge{display:inline-block;border-radius:999px;padding:.1rem .6rem;font-size:.8rem;background:#efeafd;color:var(--accent)}
.badge.on_hold,.badge.canceled{background:#fde8e7;color:var(--bad)}.badge.paused,.badge.canceled_pending{background:#fff3d6;color:var(--warn)}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line)}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
a{color:var(--accent)}dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}dt{color:var(--muted)}dd{margin:0}
.scroll{overflow-x:auto}svg text{font-size:11px;fill:var(--muted)}
</style></head><body><header><a href="/">Usher</a> <span class="muted" style="color:#bbb">· Reelhouse demo</span></header><main>${body}</main></body></html>`;
}

export function renderDemoMemberList(rows: readonly { member: DemoMember; view: MembershipView | null }[]): string {
  const cards = rows.map(({ member, view }) => {
    const status = view?.state.status ?? 'none';
    return `<article class="card"><h3 style="margin:.2rem 0"><a href="/demo/memberships/${escape(member.accountId)}">${escape(member.name)}</a></h3>
<p class="muted" style="margin:.2rem 0">${escape(member.email)} · ${escape(member.country)}</p>
<p><span class="badge ${escape(status)}">${escape(STATUS_WORDS[status] ?? 'Not seeded')}</span> ${view ? escape(view.state.plan) : ''}</p>
<p style="margin-bottom:0">${escape(member.story)}</p></article>`;
  });
  return layout('Demo members', `<h1>Demo members</h1><p class="muted">Each Reelhouse demo member shows a situation support meets. Read-only: members manage their own account after signing in.</p><div class="grid">${cards.join('')}</div>`);
}

/** Charges above the axis, refunds and failures below: the story of a member's money at a glance. */
function ledgerTimeline(view: MembershipView): string {
  const lines = view.ledger.filter((l) => l.type !== 'authorization_void');
  if (lines.length === 0) return '<p class="muted">No payments here: this membership is billed by its partner.</p>';
  const times = lines.map((l) => Date.parse(l.date));
  const min = Math.min(...times);
  const max = Math.max(...times, min + 86_400_000);
  // A redeemed gift card is a dot on the line: its value must not flatten the bars.
  const top = Math.max(...lines.filter((l) => l.type !== 'gift_card').map((l) => l.amount), 1);
  const width = 900;
  const x = (date: string) => 40 + ((Date.parse(date) - min) / (max - min)) * (width - 80);
  const bars = lines.map((l) => {
    if (l.type === 'gift_card') {
      return `<circle cx="${x(l.date).toFixed(1)}" cy="90" r="6" fill="${GIFT_COLOR}" stroke="#fff" stroke-width="2"><title>${escape(`${l.date}: gift card redeemed, ${formatMoney(l.amount, l.currency)} added to the gift balance`)}</title></circle>`;
    }
    const h = Math.max(3, (l.amount / top) * 70);
    const up = l.type === 'charge' || l.type === 'authorization';
    const color = l.type === 'charge' ? '#5b3fd6' : l.type === 'refund' ? '#137a4b' : l.type === 'authorization' ? '#a9a6bd' : '#b3261e';
    const label = `${l.date}: ${l.type === 'charge' ? LINE_WORDS[l.reason ?? ''] ?? 'Charge' : l.type.replace('_', ' ')} ${formatMoney(l.amount, l.currency)}`;
    const bar = `<rect x="${(x(l.date) - 5).toFixed(1)}" y="${up ? 90 - h : 90}" width="10" height="${h.toFixed(1)}" fill="${color}" rx="2"><title>${escape(label)}</title></rect>`;
    const gift = Math.min(l.gift ?? 0, l.amount);
    if (gift <= 0) return bar;
    // The gift balance's part, against the line; the card's part is the rest of the bar.
    const g = h * (gift / l.amount);
    const words = l.type === 'refund' ? 'back to the gift balance' : 'from the gift balance';
    return `${bar}<rect x="${(x(l.date) - 5).toFixed(1)}" y="${(up ? 90 - g : 90).toFixed(1)}" width="10" height="${g.toFixed(1)}" fill="${GIFT_COLOR}" rx="2"><title>${escape(`${label}: ${formatMoney(gift, l.currency)} ${words}`)}</title></rect>`;
  });
  return `<div class="scroll"><svg role="img" aria-label="Timeline of charges (above the line), refunds and failed payments (below); the gift balance’s part of a charge or refund in amber next to the line, redeemed gift cards as amber dots on it" viewBox="0 0 ${width} 180" width="100%" style="min-width:600px">
<line x1="30" y1="90" x2="${width - 30}" y2="90" stroke="#ccc"/>${bars.join('')}
<text x="40" y="175">${escape(lines[0].date)}</text><text x="${width - 40}" y="175" text-anchor="end">${escape(lines.at(-1)!.date)}</text>
<text x="${width - 30}" y="20" text-anchor="end"><tspan fill="#5b3fd6">■</tspan> charge  <tspan fill="#137a4b">■</tspan> refund  <tspan fill="#b3261e">■</tspan> failed payment  <tspan fill="#a9a6bd">■</tspan> temporary authorization  <tspan fill="${GIFT_COLOR}">■</tspan> gift balance's part  <tspan fill="${GIFT_COLOR}">●</tspan> gift card redeemed</text></svg></div>`;
}

export function renderDemoMember(member: DemoMember, view: MembershipView | null): string {
  if (!view) return layout(member.name, `<h1>${escape(member.name)}</h1><p>This demo member has not been seeded yet. Run <code>bin/usher seed</code>.</p>`);
  const s = view.state;
  const money = (n: number | null) => (n === null ? '' : formatMoney(n, view.currency));
  const billedBy = view.billed_by.kind === 'partner'
    ? `${escape(view.billed_by.partner)} (plan changes, pauses and cancellation are made there)`
    : view.payment_method ? `${escape(view.payment_method.brand)} ending ${escape(view.payment_method.last4)}, expires ${view.payment_method.exp_month}/${view.payment_method.exp_year}` : 'No payment method';
  const ledgerRows = view.ledger.map((l) => `<tr><td>${escape(l.date)}</td><td>${escape(l.type === 'charge' ? LINE_WORDS[l.reason ?? ''] ?? l.reason : l.type.replaceAll('_', ' '))}</td>
<td>${l.period_start ? `${escape(l.period_start)} → ${escape(l.period_end)}` : ''}</td><td class="num">${money(l.tax)}</td><td class="num">${l.type === 'refund' ? '−' : l.type === 'gift_card' ? '+' : ''}${money(l.amount)}</td><td class="num">${l.gift ? money(l.gift) : ''}</td></tr>`);
  const giftBalance = s.gift_balance ?? 0;
  const events = view.events.map((e) => `<li><time>${escape(e.date)}</time> — ${escape(e.type.replaceAll('_', ' '))}</li>`);
  return layout(member.name, `<p><a href="/demo/memberships">← All demo members</a></p><h1>${escape(member.name)}</h1>
<p>${escape(member.story)}</p>
<section class="card"><dl>
<dt>Status</dt><dd><span class="badge ${escape(s.status)}">${escape(STATUS_WORDS[s.status] ?? s.status)}</span></dd>
<dt>Plan</dt><dd>${escape(s.plan)}${view.pending_plan ? ` (changes to ${escape(view.pending_plan)} on ${escape(s.next_billing_date)})` : ''}</dd>
<dt>Billing day</dt><dd>${escape(s.anchor?.slice(8))} of each month (or the month's last day)</dd>
<dt>Next billing date</dt><dd>${escape(s.next_billing_date ?? '—')}</dd>
${s.access_until ? `<dt>Watching until</dt><dd>${escape(s.access_until)}</dd>` : ''}
${view.pause ? `<dt>Pause</dt><dd>${view.pause.months} month(s) from ${escape(view.pause.starts)}</dd>` : ''}
<dt>Extra members</dt><dd>${s.extra_members}</dd><dt>Billed by</dt><dd>${billedBy}</dd>
${giftBalance > 0 || view.ledger.some((l) => l.type === 'gift_card') ? `<dt>Gift balance</dt><dd>${money(giftBalance)}</dd>` : ''}</dl></section>
<h2>Payments</h2>${ledgerTimeline(view)}
<div class="scroll"><table><thead><tr><th>Date</th><th>What</th><th>Covers</th><th class="num">Tax</th><th class="num">Amount</th><th class="num">Gift balance's part</th></tr></thead><tbody>${ledgerRows.join('') || '<tr><td colspan="6" class="muted">No payments.</td></tr>'}</tbody></table></div>
<h2>History</h2><ul>${events.join('')}</ul>`);
}

/** The public price list: every country's plans, with how tax is shown. */
export function renderPlans(countries: readonly { country: string; name: string; currency: string; tax_mode: string; extra_members: boolean; plans: readonly { id: string; name: string; price: number; extra_member_slots: number; slot_price: number }[] }[]): string {
  const sections = countries.map((c) => {
    const rows = c.plans.map((p) => `<tr><td>${escape(p.name)}</td><td class="num">${formatMoney(p.price, c.currency)}</td>
<td>${c.extra_members && p.extra_member_slots > 0 ? `${p.extra_member_slots} × ${formatMoney(p.slot_price, c.currency)}` : 'Not available'}</td></tr>`);
    return `<section class="card"><h2 style="margin-top:0">${escape(c.name)} <span class="muted">(${escape(c.currency)})</span></h2>
<p class="muted">${c.tax_mode === 'inclusive' ? 'Prices include tax.' : 'Tax is added at checkout, by region.'}</p>
<div class="scroll"><table><thead><tr><th>Plan</th><th class="num">Per month</th><th>Extra members</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
  });
  return layout('Plans and prices', `<h1>Plans and prices</h1><p class="muted">Billed monthly on the day you join (the month's last day when it is shorter). Change or cancel any time.</p><div class="grid">${sections.join('')}</div>`);
}
