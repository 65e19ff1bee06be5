import { useMemo } from 'react';
import { useAuth } from '../auth/auth-context';
import { createCollectionApi } from './collection-api';
import type { CollectionApi } from './collection-api';

/**
 * The collection client for the signed-in user: writes carry the session's CSRF token, and a 401 (the
 * session ended) makes the app ask who is logged in again, which leads to the login page.
 */
export function useCollectionApi(): CollectionApi {
  const { state, refresh } = useAuth();
  const token = state.status === 'ready' ? state.me.csrfToken : null;
  return useMemo(
    () =>
      createCollectionApi(
        (input, init) => fetch(input, init),
        () => token,
        refresh,
      ),
    [token, refresh],
  );
}
