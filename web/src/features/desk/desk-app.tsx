import { useEffect, type ReactNode } from 'react';
import { Link, matchPath, navigate, useLocation } from '../../app/router.tsx';
import { Button, Loading, Page, SERVICE_NAME } from '../../ui/components.tsx';
import { CasePage } from './case-page.tsx';
import { DeskSessionProvider, useDeskSession } from './desk-session.tsx';
import { DeskSignInPage } from './desk-sign-in-page.tsx';
import { EscalationPage } from './escalations/escalation-page.tsx';
import { EscalationsPage } from './escalations/escalations-page.tsx';
import { QueuesPage } from './queues-page.tsx';
import { SecurityCampaignsPage } from './security/security-campaigns-page.tsx';
import { SecurityReportPage } from './security/security-report-page.tsx';
import { SecurityReportsPage } from './security/security-reports-page.tsx';
import type { Agent } from '../../api/desk.ts';
import './security/security.css';
import '../chat/chat.css';
import './desk.css';

/** The agent desk: its own header and pages, apart from the members' app (agents sign in separately). */
export function DeskApp() {
  return (
    <DeskSessionProvider>
      <DeskShell>
        <DeskRoutes />
      </DeskShell>
    </DeskSessionProvider>
  );
}

function DeskRoutes() {
  const { pathname } = useLocation();
  if (matchPath('/desk/sign-in', pathname)) return <DeskSignInPage />;
  const caseParams = matchPath('/desk/cases/:id', pathname);
  if (caseParams) return <Guard>{<CasePage key={caseParams.id} id={caseParams.id ?? ''} />}</Guard>;
  if (matchPath('/desk/escalations', pathname)) return <Guard>{<EscalationsPage />}</Guard>;
  const escalationParams = matchPath('/desk/escalations/:id', pathname);
  if (escalationParams) return <Guard>{<EscalationPage key={escalationParams.id} id={escalationParams.id ?? ''} />}</Guard>;
  if (matchPath('/desk/security', pathname)) return <SecurityGuard>{<SecurityReportsPage />}</SecurityGuard>;
  if (matchPath('/desk/security/campaigns', pathname)) return <SecurityGuard>{<SecurityCampaignsPage />}</SecurityGuard>;
  const reportParams = matchPath('/desk/security/reports/:id', pathname);
  if (reportParams) return <SecurityGuard>{<SecurityReportPage key={reportParams.id} id={reportParams.id ?? ''} />}</SecurityGuard>;
  if (matchPath('/desk', pathname)) return <Guard>{<HomeFor />}</Guard>;
  return (
    <Page title="We can't find that desk page">
      <p>
        <Link to="/desk">Go to the queues</Link>
      </p>
    </Page>
  );
}

function Guard({ children }: { children: ReactNode }) {
  const { loading, agent } = useDeskSession();
  const { pathname } = useLocation();
  useEffect(() => {
    if (!loading && !agent) navigate(`/desk/sign-in?next=${encodeURIComponent(pathname)}`, { replace: true });
  }, [loading, agent, pathname]);
  if (loading || !agent) return <Loading />;
  return <>{children}</>;
}

/** The security team has no queue: its desk opens on the phishing reports. */
function HomeFor() {
  const { agent } = useDeskSession();
  return agent?.role === 'security' ? <SecurityReportsPage /> : <QueuesPage />;
}

const seesSecurity = (agent: Agent | null): boolean => agent?.role === 'security' || agent?.role === 'supervisor';

const ROLE_NAMES: Record<Agent['role'], string> = { agent: 'Agent', supervisor: 'Supervisor', security: 'Security team' };

/** Phishing reports are for the security team and supervisors; the server refuses others too (SECURITY_TEAM_ONLY). */
function SecurityGuard({ children }: { children: ReactNode }) {
  const { agent } = useDeskSession();
  return (
    <Guard>
      {seesSecurity(agent) ? children : (
        <Page title="For the security team">
          <p>
            Phishing reports are for the security team and supervisors. <Link to="/desk">Go to the queues</Link>
          </p>
        </Page>
      )}
    </Guard>
  );
}

function DeskShell({ children }: { children: ReactNode }) {
  const { agent, signOut } = useDeskSession();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header desk-header">
        <div className="header-inner">
          <Link to="/desk" className="logo" aria-label={`${SERVICE_NAME} agent desk`}>
            {SERVICE_NAME.toUpperCase()} <span className="desk-badge">Desk</span>
          </Link>
          {agent ? (
            <nav className="header-nav" aria-label="Desk">
              {agent.role !== 'security' ? (
                <Link to="/desk" className="header-link">
                  Queues
                </Link>
              ) : null}
              {agent.role !== 'security' ? (
                <Link to="/desk/escalations" className="header-link">
                  Complaints
                </Link>
              ) : null}
              {seesSecurity(agent) ? (
                <Link to="/desk/security" className="header-link">
                  Security
                </Link>
              ) : null}
              <span className="desk-who">
                {agent.name}
                <span className="desk-role"> · {ROLE_NAMES[agent.role]}</span>
              </span>
              <Button variant="secondary" className="button-small desk-sign-out" onClick={() => void signOut().then(() => navigate('/desk/sign-in'))}>
                Sign out
              </Button>
            </nav>
          ) : null}
        </div>
      </header>
      <main id="main" className="desk-main">
        {children}
      </main>
    </>
  );
}
