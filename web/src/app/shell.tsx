import type { ReactNode } from 'react';
import { SERVICE_NAME } from '../ui/components.tsx';
import { MenuButton } from './menu.tsx';
import { Link, navigate } from './router.tsx';
import { useSession } from './session.tsx';

export function Shell({ children }: { children: ReactNode }) {
  const { member, signOut, error } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to={member ? '/account' : '/'} className="logo" aria-label={`${SERVICE_NAME} home`}>
            {SERVICE_NAME.toUpperCase()}
          </Link>
          <nav className="header-nav" aria-label="Main">
            <MenuButton label="Help">
              <ul className="menu-list">
                <li>
                  <a href="/help">Help Center</a>
                </li>
                <li>
                  <Link to="/chat">Chat with us</Link>
                </li>
                <li>
                  <Link to="/account/service-code">Service code for support</Link>
                </li>
                <li>
                  <Link to="/forgot">Can't sign in?</Link>
                </li>
                <li>
                  <Link to="/find-account">Find my account</Link>
                </li>
                <li>
                  <Link to="/tv">Household on a TV</Link>
                </li>
                <li>
                  <Link to="/redeem">Redeem a gift card</Link>
                </li>
              </ul>
            </MenuButton>
            {member ? (
              <MenuButton label={<span className="account-label">Account</span>}>
                <p className="menu-who">
                  Signed in as <strong>{member.name}</strong>
                  <br />
                  <span className="muted">{member.email}</span>
                </p>
                <ul className="menu-list">
                  <li>
                    <Link to="/account">Membership</Link>
                  </li>
                  {member.role === 'owner' ? (
                    <>
                      <li>
                        <Link to="/account/payments">Payments</Link>
                      </li>
                      <li>
                        <Link to="/account/extra-members">Extra members</Link>
                      </li>
                      <li>
                        <Link to="/account/household">Household</Link>
                      </li>
                    </>
                  ) : null}
                  <li>
                    <Link to="/account/security">Security and devices</Link>
                  </li>
                  <li>
                    <Link to="/account/service-code">Service code</Link>
                  </li>
                  <li>
                    <button
                      type="button"
                      className="menu-item-button"
                      onClick={() => {
                        void signOut().then(() => navigate('/sign-in'));
                      }}
                    >
                      Sign out
                    </button>
                  </li>
                </ul>
              </MenuButton>
            ) : (
              <>
                <Link to="/sign-in" className="header-link">
                  Sign in
                </Link>
                <Link to="/join" className="button button-primary button-small">
                  Join
                </Link>
              </>
            )}
          </nav>
        </div>
      </header>
      {error ? (
        <div className="banner" role="alert">
          {error.message}
        </div>
      ) : null}
      <main id="main">{children}</main>
      <footer className="site-footer">
        <p>
          {SERVICE_NAME} support never asks for your password, a one-time code or your full card number. Official messages only come from{' '}
          <strong>reelhouse.example</strong>. Forward anything suspicious to <a href="mailto:phishing@reelhouse.example">phishing@reelhouse.example</a>.
        </p>
      </footer>
    </>
  );
}
