import { describe, expect, it } from 'vitest';
import type { ScanLink } from '../scan/index.ts';
import { CAMPAIGN_TEXT_DEV_SET } from './campaigns.dev-set.ts';
import { campaignId, confirmedIndicators, countsPerDay, csvCell, groupIntoCampaigns, indicatorsAsCsv, jaccard, normalisedText, shingles, type CampaignReport, type IndicatorReport } from './index.ts';

const BRAND = ['reelhouse.example'];
let serial = 0;

function report(options: { from?: string; subject?: string | null; body?: string; links?: string[]; at: string; channel?: CampaignReport['channel']; status?: CampaignReport['status']; verdict?: CampaignReport['verdict'] }): CampaignReport & IndicatorReport {
  serial += 1;
  const id = `srp_${String(serial).padStart(4, '0')}`;
  return {
    id, reference: `RPT-${id.slice(4)}`, channel: options.channel ?? 'email',
    message: { from: options.from ?? 'Someone <someone@example.org>', subject: options.subject ?? null, body: options.body ?? `message ${serial}` },
    links: (options.links ?? []).map((href): ScanLink => ({ href, text: 'here' })),
    verdict: options.verdict ?? 'phish', status: options.status ?? 'new', createdAt: new Date(options.at), signals: [],
  };
}

describe('grouping reports into campaigns', () => {
  it('groups reports linking to the same registrable domain, whatever the subdomain or path', () => {
    const a = report({ links: ['https://login.reelhouse-billing.com/a'], at: '2026-11-01T10:00:00Z', from: 'a@one.test' });
    const b = report({ links: ['http://pay.reelhouse-billing.com/zz?x=1'], at: '2026-11-03T10:00:00Z', from: 'b@two.test' });
    const c = report({ links: ['https://elsewhere.test/'], at: '2026-11-02T10:00:00Z', from: 'c@three.test' });
    const campaigns = groupIntoCampaigns([a, b, c], { brandDomains: BRAND });
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({ key: 'link:reelhouse-billing.com', reportCount: 2, linkedDomains: ['reelhouse-billing.com'], reportIds: [b.id, a.id] });
  });

  it('groups by sending domain, but never by our own domain or a mail provider many mailboxes share', () => {
    const spoofed = [1, 2].map((day) => report({ from: 'Reelhouse <billing@reelhouse.example>', at: `2026-11-0${day}T08:00:00Z` }));
    const provider = ['ann', 'bob', 'cid'].map((who, index) => report({ from: `${who}@mailbox.test`, at: `2026-11-0${index + 3}T08:00:00Z` }));
    const kit = [1, 2].map((day) => report({ from: `Support <support${day}@reelhouse-help.com>`, at: `2026-11-1${day}T08:00:00Z` }));
    const campaigns = groupIntoCampaigns([...spoofed, ...provider, ...kit], { brandDomains: BRAND });
    expect(campaigns.map((campaign) => campaign.key)).toEqual(['sender:reelhouse-help.com']);
  });

  it('groups by wording: the synthetic dev set comes out as its runs, none mixed', () => {
    const reports = CAMPAIGN_TEXT_DEV_SET.map((message, index) => report({ channel: 'sms', from: '+15550000', subject: message.subject, body: message.body, at: new Date(Date.UTC(2026, 10, 1, index)).toISOString() }));
    const runOf = new Map(reports.map((item, index) => [item.id, CAMPAIGN_TEXT_DEV_SET[index]!.run]));
    const campaigns = groupIntoCampaigns(reports, { brandDomains: BRAND, minReports: 1 });
    for (const campaign of campaigns) expect(new Set(campaign.reportIds.map((id) => runOf.get(id))).size).toBe(1);
    expect(campaigns).toHaveLength(new Set(CAMPAIGN_TEXT_DEV_SET.map((message) => message.run)).size);
  });

  it('never matches short texts on wording alone', () => {
    const campaigns = groupIntoCampaigns([report({ channel: 'sms', from: '+1', body: 'call me back', at: '2026-11-01T00:00:00Z' }), report({ channel: 'sms', from: '+2', body: 'call me back', at: '2026-11-02T00:00:00Z' })], { brandDomains: BRAND });
    expect(campaigns).toEqual([]);
  });

  it('describes a campaign: first and last seen, counts per day with zeros, subjects, verdict and status mix, a stable id', () => {
    const links = ['https://reelhouse-billing.com/pay', 'https://www.reelhouse.example/help'];
    const items = [
      report({ links, subject: 'Payment declined', at: '2026-11-01T09:00:00Z' }),
      report({ links, subject: 'Payment declined', at: '2026-11-01T23:00:00Z', verdict: 'suspicious', status: 'confirmed' }),
      report({ links, subject: 'Last reminder', at: '2026-11-03T01:00:00Z', status: 'dismissed' }),
    ];
    const [campaign] = groupIntoCampaigns(items, { brandDomains: BRAND });
    expect(campaign).toMatchObject({
      id: campaignId('link:reelhouse-billing.com'), firstSeen: new Date('2026-11-01T09:00:00Z'), lastSeen: new Date('2026-11-03T01:00:00Z'), reportCount: 3,
      perDay: [{ day: '2026-11-01', count: 2 }, { day: '2026-11-02', count: 0 }, { day: '2026-11-03', count: 1 }],
      linkedDomains: ['reelhouse-billing.com'], urls: ['https://reelhouse-billing.com/pay'], sampleSubjects: ['Payment declined', 'Last reminder'],
      verdicts: { phish: 2, suspicious: 1, legit: 0 }, statuses: { new: 1, confirmed: 1, dismissed: 1 },
    });
    // The same reports in another order, or with a later one, keep the id.
    const later = report({ links, at: '2026-11-05T00:00:00Z' });
    expect(groupIntoCampaigns([later, ...items].reverse(), { brandDomains: BRAND })[0]!.id).toBe(campaign!.id);
  });

  it('joins groups transitively: a shared domain and a shared wording make one campaign', () => {
    const text = 'We could not process your payment for your membership. Update your billing information within 24 hours to avoid interruption.';
    const a = report({ links: ['https://kit-one.test/x'], body: 'first message with other words entirely, nothing alike at all here', at: '2026-11-01T00:00:00Z' });
    const b = report({ links: ['https://kit-one.test/y'], body: text, at: '2026-11-02T00:00:00Z' });
    const c = report({ links: ['https://kit-two.test/z'], body: text, at: '2026-11-03T00:00:00Z' });
    expect(groupIntoCampaigns([a, b, c], { brandDomains: BRAND }).map((campaign) => campaign.reportCount)).toEqual([3]);
  });
});

describe('text similarity', () => {
  it('ignores links, numbers, case and punctuation', () => {
    expect(normalisedText('Hi!', 'Pay 15.49 NOW at https://x.test/a or mail me@x.test')).toBe('hi pay 0 0 now at or mail');
    expect(jaccard(shingles('a b c d'), shingles('a b c d'))).toBe(1);
    expect(jaccard(shingles('a b c d'), shingles('x y z w'))).toBe(0);
  });

  it('counts per day across a month boundary', () => {
    expect(countsPerDay([new Date('2026-10-31T23:00:00Z'), new Date('2026-11-01T00:30:00Z')])).toEqual([{ day: '2026-10-31', count: 1 }, { day: '2026-11-01', count: 1 }]);
  });
});

describe('the export of confirmed domains and URLs', () => {
  it('lists only confirmed reports\' links, never our domains, with counts and references', () => {
    const confirmed = report({ status: 'confirmed', links: ['https://pay.reelhouse-billing.com/a', 'https://reelhouse.example/help', 'mailto:x@y.test'], at: '2026-11-01T00:00:00Z' });
    const again = report({ status: 'confirmed', links: ['https://pay.reelhouse-billing.com/a'], at: '2026-11-02T00:00:00Z' });
    const unconfirmed = report({ status: 'new', links: ['https://other.test/'], at: '2026-11-02T00:00:00Z' });
    const dismissed = report({ status: 'dismissed', links: ['https://dismissed.test/'], at: '2026-11-02T00:00:00Z' });
    const indicators = confirmedIndicators([again, unconfirmed, confirmed, dismissed], BRAND);
    expect(indicators.map((item) => [item.type, item.value, item.reportCount])).toEqual([
      ['domain', 'reelhouse-billing.com', 2], ['url', 'https://pay.reelhouse-billing.com/a', 2],
    ]);
    expect(indicators[0]!.references).toEqual([confirmed.reference, again.reference]);
  });

  it('lists a sending domain only when the scan found it imitating ours', () => {
    const lookalike = { ...report({ status: 'confirmed', from: 'Billing <billing@reelh0use.com>', at: '2026-11-01T00:00:00Z' }), signals: [{ code: 'lookalike_domain' as const, evidence: 'billing@reelh0use.com' }] };
    const freeMail = report({ status: 'confirmed', from: 'Scammer <scammer@gmail.com>', at: '2026-11-01T00:00:00Z' });
    expect(confirmedIndicators([lookalike, freeMail], BRAND).map((item) => `${item.source}:${item.value}`)).toEqual(['sender:reelh0use.com']);
  });

  it('writes CSV that a spreadsheet reads back as it was, and never runs as a formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    const csv = indicatorsAsCsv([{ type: 'url', value: 'https://x.test/a,b', domain: 'x.test', source: 'link', reportCount: 2, firstSeen: new Date('2026-11-01T00:00:00Z'), lastSeen: new Date('2026-11-02T00:00:00Z'), references: ['RPT-A', 'RPT-B'] }]);
    expect(csv).toBe('type,value,domain,source,report_count,first_seen,last_seen,references\r\nurl,"https://x.test/a,b",x.test,link,2,2026-11-01T00:00:00.000Z,2026-11-02T00:00:00.000Z,RPT-A RPT-B\r\n');
  });
});
