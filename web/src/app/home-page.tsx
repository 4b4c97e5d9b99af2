import { Page, SERVICE_NAME } from '../ui/components.tsx';
import { Link, navigate } from './router.tsx';
import { useSession } from './session.tsx';
import { useEffect } from 'react';

export function HomePage() {
  const { member } = useSession();
  useEffect(() => {
    if (member) navigate('/account', { replace: true });
  }, [member]);
  return (
    <Page title={`Welcome to ${SERVICE_NAME}`} intro="Films and series on every screen. Cancel or pause online whenever you like.">
      <div className="actions">
        <Link to="/join" className="button button-primary">
          Choose a plan
        </Link>
        <Link to="/sign-in" className="button button-secondary">
          Sign in
        </Link>
      </div>
    </Page>
  );
}
