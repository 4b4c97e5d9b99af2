import { useEffect, type ReactNode } from 'react';
import { Link, matchPath, navigate, useLocation } from '../../app/router.tsx';
import { Button, Loading, Page, SERVICE_NAME } from '../../ui/components.tsx';
import { CasePage } from './case-page.tsx';
import { DeskSessionProvider, useDeskSession } from './desk-session.tsx';
import { DeskSignInPage } from './desk-sign-in-page.tsx';
import { QueuesPage } from './queues-page.tsx';
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
  if (matchPath('/desk', pathname)) return <Guard>{<QueuesPage />}</Guard>;
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
              <Link to="/desk" className="header-link">
                Queues
              </Link>
              <span className="desk-who">
                {agent.name}
                <span className="desk-role"> · {agent.role === 'supervisor' ? 'Supervisor' : 'Agent'}</span>
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
