import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onUnauthenticated, setCsrfToken } from '../../api/client.ts';
import { deskSignOut, getDeskSession, type Agent } from '../../api/desk.ts';

type DeskSession = {
  loading: boolean;
  agent: Agent | null;
  setAgent: (agent: Agent | null) => void;
  signOut: () => Promise<void>;
};

const DeskSessionContext = createContext<DeskSession | null>(null);

/** The signed-in agent (usher_agent_session cookie); the session answer also sets the CSRF cookie the desk's forms echo. */
export function DeskSessionProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [agent, setAgent] = useState<Agent | null>(null);

  const refresh = useCallback(async () => {
    try {
      const session = await getDeskSession();
      setCsrfToken(session.csrf_token);
      setAgent(session.agent);
    } catch {
      setAgent(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
    // A desk call answering 401 means the agent's session ended (expired, signed out elsewhere).
    return onUnauthenticated(() => setAgent(null));
  }, [refresh]);

  const signOut = useCallback(async () => {
    try {
      await deskSignOut();
    } finally {
      setAgent(null);
      await refresh();
    }
  }, [refresh]);

  const value = useMemo(() => ({ loading, agent, setAgent, signOut }), [loading, agent, signOut]);
  return <DeskSessionContext.Provider value={value}>{children}</DeskSessionContext.Provider>;
}

export function useDeskSession(): DeskSession {
  const value = useContext(DeskSessionContext);
  if (!value) throw new Error('useDeskSession outside DeskSessionProvider');
  return value;
}
