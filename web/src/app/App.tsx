import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { JoinPage } from '../features/billing/join-page.tsx';
import { FindAccountPage } from '../features/identity/find-account-page.tsx';
import { ForgotPage } from '../features/identity/forgot-page.tsx';
import { ResetPage } from '../features/identity/reset-page.tsx';
import { SignInPage } from '../features/identity/sign-in-page.tsx';
import { UndoPage } from '../features/identity/undo-page.tsx';
import { Loading, Page } from '../ui/components.tsx';
import { AccountLayout } from './account-layout.tsx';
import { HomePage } from './home-page.tsx';
import { Link, matchPath, navigate, useLocation } from './router.tsx';
import { useSession } from './session.tsx';
import { Shell } from './shell.tsx';

// Account pages load on demand: a visitor joining never downloads them.
const AccountPage = lazy(() => import('../features/billing/account-page.tsx').then((module) => ({ default: module.AccountPage })));
const PaymentsPage = lazy(() => import('../features/billing/payments-page.tsx').then((module) => ({ default: module.PaymentsPage })));
const ExtraMembersPage = lazy(() => import('../features/household/extra-members-page.tsx').then((module) => ({ default: module.ExtraMembersPage })));
const HouseholdPage = lazy(() => import('../features/household/household-page.tsx').then((module) => ({ default: module.HouseholdPage })));
const SecurityPage = lazy(() => import('../features/identity/security-page.tsx').then((module) => ({ default: module.SecurityPage })));
const ServiceCodePage = lazy(() => import('../features/identity/service-code-page.tsx').then((module) => ({ default: module.ServiceCodePage })));
const RedeemPage = lazy(() => import('../features/billing/redeem-page.tsx').then((module) => ({ default: module.RedeemPage })));
const TvPage = lazy(() => import('../features/household/tv-page.tsx').then((module) => ({ default: module.TvPage })));
const ChatHomePage = lazy(() => import('../features/chat/chat-pages.tsx').then((module) => ({ default: module.ChatHomePage })));
const NewChatPage = lazy(() => import('../features/chat/chat-pages.tsx').then((module) => ({ default: module.NewChatPage })));
const ConversationPage = lazy(() => import('../features/chat/conversation-page.tsx').then((module) => ({ default: module.ConversationPage })));
const DeskApp = lazy(() => import('../features/desk/desk-app.tsx').then((module) => ({ default: module.DeskApp })));
const EscalationsPage = lazy(() => import('../features/support/escalations-page.tsx').then((module) => ({ default: module.EscalationsPage })));
const InvitationPage = lazy(() => import('../features/household/invitation-page.tsx').then((module) => ({ default: module.InvitationPage })));

type Route = { path: string; render: (params: Record<string, string>) => ReactNode; member?: 'owner' | 'any' };

const routes: Route[] = [
  { path: '/', render: () => <HomePage /> },
  { path: '/join', render: () => <JoinPage /> },
  { path: '/sign-in', render: () => <SignInPage /> },
  { path: '/forgot', render: () => <ForgotPage /> },
  { path: '/reset', render: () => <ResetPage /> },
  { path: '/find-account', render: () => <FindAccountPage /> },
  { path: '/security/undo', render: () => <UndoPage /> },
  { path: '/account', member: 'any', render: () => <AccountPage /> },
  { path: '/account/payments', member: 'owner', render: () => <PaymentsPage /> },
  { path: '/account/extra-members', member: 'owner', render: () => <ExtraMembersPage /> },
  { path: '/account/household', member: 'owner', render: () => <HouseholdPage /> },
  { path: '/account/security', member: 'any', render: () => <SecurityPage /> },
  { path: '/account/service-code', member: 'any', render: () => <ServiceCodePage /> },
  // Visitors are asked to sign in or join there, keeping the code: the page decides, not the guard.
  { path: '/redeem', render: () => <RedeemPage /> },
  { path: '/tv', render: () => <TvPage /> },
  { path: '/invitations/:token', render: (params) => <InvitationPage token={params.token ?? ''} /> },
  // Members and visitors with a verified email both chat: the pages decide, not the guard.
  { path: '/chat', render: () => <ChatHomePage /> },
  { path: '/account/support', member: 'any', render: () => <EscalationsPage /> },
  { path: '/chat/new', render: () => <NewChatPage /> },
  { path: '/chat/:id', render: (params) => <ConversationPage key={params.id} id={params.id ?? ''} /> },
];

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Guarded({ route, children }: { route: Route; children: ReactNode }) {
  const { loading, member } = useSession();
  const { pathname, search } = useLocation();
  if (!route.member) return <>{children}</>;
  if (loading) return <Loading />;
  if (!member) return <Redirect to={`/sign-in?next=${encodeURIComponent(pathname + search)}`} />;
  if (route.member === 'owner' && member.role !== 'owner') {
    return (
      <AccountLayout>
        <Page title="Only the account owner can do this">
          <p>This part of the membership is managed by the person who pays for it. You can still see your own devices and security.</p>
          <Link to="/account">Back to your membership</Link>
        </Page>
      </AccountLayout>
    );
  }
  return <AccountLayout>{children}</AccountLayout>;
}

export function App() {
  const { pathname } = useLocation();
  // The agent desk has its own header and sign-in: it does not live in the members' shell.
  if (pathname === '/desk' || pathname.startsWith('/desk/')) {
    return (
      <Suspense fallback={<Loading />}>
        <DeskApp />
      </Suspense>
    );
  }
  let found: { route: Route; params: Record<string, string> } | null = null;
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) {
      found = { route, params };
      break;
    }
  }
  return (
    <Shell>
      <Suspense fallback={<Loading />}>
        {found ? (
          <Guarded route={found.route}>{found.route.render(found.params)}</Guarded>
        ) : (
          <Page title="We can't find that page">
            <p>
              The address may be mistyped, or the page has moved. <Link to="/">Go to the start</Link>.
            </p>
          </Page>
        )}
      </Suspense>
    </Shell>
  );
}
