import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from './router.tsx';
import { useSession } from './session.tsx';

const ownerLinks = [
  ['/account', 'Membership'],
  ['/account/payments', 'Payments'],
  ['/account/extra-members', 'Extra members'],
  ['/account/household', 'Household'],
  ['/account/security', 'Security'],
  ['/account/service-code', 'Service code'],
  ['/chat', 'Chat with us'],
  ['/account/support', 'Complaints'],
] as const;

const memberLinks = [
  ['/account', 'Membership'],
  ['/account/security', 'Security'],
  ['/account/service-code', 'Service code'],
  ['/chat', 'Chat with us'],
  ['/account/support', 'Complaints'],
] as const;

export function AccountLayout({ children }: { children: ReactNode }) {
  const { member } = useSession();
  const links = member?.role === 'owner' ? ownerLinks : memberLinks;
  const nav = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    // On a phone the tabs scroll sideways: keep the current one in view.
    const list = nav.current?.querySelector('ul');
    const active = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (list && active && list.scrollWidth > list.clientWidth) list.scrollLeft = active.offsetLeft - (list.clientWidth - active.offsetWidth) / 2;
  }, [pathname]);
  return (
    <div className="account-layout">
      <nav className="account-nav" aria-label="Account" ref={nav}>
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
