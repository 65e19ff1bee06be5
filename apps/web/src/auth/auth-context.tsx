import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { Me } from '../api/types';
import { LOGIN_PATH } from './next-path';

/** Who is using the app: still asking the server, nobody (log in), somebody, or the server is unreachable. */
export type AuthState =
  | { readonly status: 'loading' }
  | { readonly status: 'anonymous' }
  | { readonly status: 'ready'; readonly me: Me }
  | { readonly status: 'error'; readonly error: Error };

export interface Auth {
  readonly state: AuthState;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Asks the server again (after a network error). */
  refresh(): void;
}

const AuthContext = createContext<Auth | null>(null);

/**
 * Holds the session: asks GET /api/auth/me once on start, and drops to "anonymous" whenever any request is
 * answered 401 (the session expired or was revoked), which sends the user to the login page.
 */
export function AuthProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    api.setOnUnauthenticated(() => setState({ status: 'anonymous' }));
    return () => api.setOnUnauthenticated(null);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    api.me(controller.signal).then(
      (me) => setState({ status: 'ready', me }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: 'anonymous' });
        else setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const login = useCallback(async (username: string, password: string) => {
    const me = await api.login(username, password);
    setState({ status: 'ready', me });
  }, []);

  // A full page load after logging out drops everything the previous user's pages kept in memory.
  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      window.location.replace(LOGIN_PATH);
    }
  }, []);

  const refresh = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<Auth>(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (value === null) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
