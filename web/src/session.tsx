import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setCsrfToken, setUnauthorizedHandler } from './api/client';
import { api } from './api/endpoints';
import type { Session, SessionUser } from './api/types';

interface SessionState {
  /** undefined while the first GET /api/session is in flight, null when nobody is logged in. */
  readonly user: SessionUser | null | undefined;
  /** True after 退出 (not an expired session): the login page then carries no `?next=` of the last user. */
  readonly loggedOut: boolean;
  readonly login: (username: string, password: string) => Promise<SessionUser>;
  readonly logout: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Holds who is logged in; the CSRF token goes to the API client, never into React state or storage. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [loggedOut, setLoggedOut] = useState(false);

  const accept = useCallback((session: Session | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    setUser(session?.user ?? null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => accept(null));
    api.session().then(accept, () => accept(null));
  }, [accept]);

  const value = useMemo<SessionState>(
    () => ({
      user,
      loggedOut,
      login: async (username, password) => {
        const session = await api.login(username, password);
        setLoggedOut(false);
        accept(session);
        return session.user;
      },
      logout: async () => {
        await api.logout().catch(() => undefined);
        setLoggedOut(true);
        accept(null);
      },
    }),
    [user, loggedOut, accept],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The logged-in user, for pages that are only drawn behind the login. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a session');
  return user;
}
