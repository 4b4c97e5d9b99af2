import { INDICATOR_EXPORTS } from '../../../api/security.ts';
import { Link } from '../../../app/router.tsx';

/** The security section's pages and the two downloads (plain links: the browser saves the attachment). */
export function SecurityNav() {
  return (
    <nav className="security-nav" aria-label="Security">
      <Link to="/desk/security">Reports</Link>
      <Link to="/desk/security/campaigns">Campaigns</Link>
      <span className="security-exports">
        Confirmed domains and URLs:{' '}
        <a className="button button-secondary button-small" href={INDICATOR_EXPORTS.csv} download>
          Export CSV
        </a>{' '}
        <a className="button button-secondary button-small" href={INDICATOR_EXPORTS.json} download>
          Export JSON
        </a>
      </span>
    </nav>
  );
}
