import { getCampaigns, type Campaign } from '../../../api/security.ts';
import { Link } from '../../../app/router.tsx';
import { LoadError, Loading, Page, Section } from '../../../ui/components.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useLoad } from '../../../ui/hooks.ts';
import { DayChart } from './day-chart.tsx';
import { SecurityNav } from './security-nav.tsx';
import { REPORT_STATUS_NAMES, VERDICT_NAMES } from './security-words.tsx';

const DAYS = 30;

/** `/desk/security/campaigns`: reports of the last 30 days grouped by shared domain or wording. */
export function SecurityCampaignsPage() {
  const loaded = useLoad(() => getCampaigns(DAYS));
  return (
    <Page title="Campaigns" intro={`Reports of the last ${DAYS} days that share a linked or sending domain, or most of their words.`}>
      <SecurityNav />
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {loaded.error && !loaded.data ? <LoadError error={loaded.error} retry={loaded.reload} /> : null}
      {loaded.data ? (
        <>
          <p className="muted">
            {loaded.data.reports_considered} report{loaded.data.reports_considered === 1 ? '' : 's'} read{loaded.data.truncated ? ' (the newest only: the period holds more)' : ''}.
          </p>
          {loaded.data.campaigns.length === 0 ? <p className="muted">No campaign: no two reports of the period share a domain or their wording.</p> : null}
          {loaded.data.campaigns.map((campaign) => <CampaignCard key={campaign.id} campaign={campaign} />)}
        </>
      ) : null}
    </Page>
  );
}

const mix = <K extends string>(counts: Record<K, number>, names: Record<K, string>): string =>
  (Object.keys(names) as K[]).filter((key) => counts[key] > 0).map((key) => `${names[key]} ${counts[key]}`).join(' · ');

function CampaignCard({ campaign }: { campaign: Campaign }) {
  const title = campaign.sample_subjects[0] ?? campaign.linked_domains[0] ?? campaign.sender_domains[0] ?? campaign.key;
  return (
    <Section title={title}>
      <p>
        <strong>{campaign.report_count} reports</strong> · first {formatDateTime(campaign.first_seen)} · last {formatDateTime(campaign.last_seen)}
      </p>
      <DayChart days={campaign.per_day} label={`Reports per day for ${title}`} />
      <dl className="security-meta">
        <dt>Verdicts</dt><dd>{mix(campaign.verdicts, VERDICT_NAMES)}</dd>
        <dt>Review</dt><dd>{mix(campaign.statuses, REPORT_STATUS_NAMES)}</dd>
        {campaign.linked_domains.length > 0 ? (<><dt>Linked domains</dt><dd>{campaign.linked_domains.join(', ')}</dd></>) : null}
        {campaign.sender_domains.length > 0 ? (<><dt>Sending domains</dt><dd>{campaign.sender_domains.join(', ')}</dd></>) : null}
        {campaign.sample_subjects.length > 1 ? (<><dt>Subjects</dt><dd>{campaign.sample_subjects.join(' / ')}</dd></>) : null}
      </dl>
      {campaign.urls.length > 0 ? (
        <ul className="security-links">
          {campaign.urls.map((url) => <li key={url}><code className="security-url">{url}</code></li>)}
        </ul>
      ) : null}
      <p className="security-campaign-reports">
        Reports:{' '}
        {campaign.report_ids.slice(0, 10).map((id, index) => (
          <span key={id}>
            {index > 0 ? ', ' : ''}
            <Link to={`/desk/security/reports/${encodeURIComponent(id)}`}>{index === 0 ? 'newest' : `#${index + 1}`}</Link>
          </span>
        ))}
        {campaign.report_ids.length > 10 ? ` and ${campaign.report_ids.length - 10} more` : ''}
      </p>
    </Section>
  );
}
