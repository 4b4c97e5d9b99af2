import type { ReactNode } from 'react';
import { Link } from './router.tsx';
import { useSession } from './session.tsx';

const ownerLinks = [
  ['/account', 'Membership'],
  ['/account/payments', 'Payments'],
  ['/account/extra-members', 'Extra members'],
  ['/account/household', 'Household'],
  ['/account/security', 'Security'],
  ['/account/service-code', 'Service code'],
] as const;

const memberLinks = [
  ['/account', 'Membership'],
  ['/account/security', 'Security'],
  ['/account/service-code', 'Service code'],
] as const;

export function AccountLayout({ children }: { children: ReactNode }) {
  const { member } = useSession();
  const links = member?.role === 'owner' ? ownerLinks : memberLinks;
  return (
    <div className="account-layout">
      <nav className="account-nav" aria-label="Account">
        <ul>
          {links.map(([to, label]) => (
            <li key={to}>
              <Link to={to}>{label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="account-content">{children}</div>
    </div>
  );
}
