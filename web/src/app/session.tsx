import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onUnauthenticated, setCsrfToken } from '../api/client.ts';
import { getSession, signOut as apiSignOut } from '../api/identity.ts';
import type { MemberSummary } from '../api/types.ts';
import { ApiError } from '../api/client.ts';

type SessionState = {
  loading: boolean;
  /** Set when `GET /api/session` itself failed (server down): the shell says so. */
  error: ApiError | null;
  member: MemberSummary | null;
  setMember: (member: MemberSummary | null) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [member, setMember] = useState<MemberSummary | null>(null);

  const refresh = useCallback(async () => {
    try {
      const session = await getSession();
      setCsrfToken(session.csrf_token);
      setMember(session.member);
      setError(null);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, { code: 'UNEXPECTED', message: 'We could not load your session.' }));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onUnauthenticated(() => setMember(null));
  }, [refresh]);

  const signOut = useCallback(async () => {
    try {
      await apiSignOut();
    } finally {
      setMember(null);
      // A new session means a new CSRF token.
      await refresh();
    }
  }, [refresh]);

  const value = useMemo(() => ({ loading, error, member, setMember, refresh, signOut }), [loading, error, member, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
