import { useMemo } from 'react';
import { useAuth } from '../auth/auth-context';
import { useI18n } from '../i18n/i18n-context';
import { createProjectsApi } from './projects-api';
import type { ProjectsApi } from './projects-api';
import { projectsMessages } from './projects-messages';
import type { ProjectsMessages } from './projects-messages';

/** The projects client of the logged-in session (its CSRF token; a 401 asks the session again). */
export function useProjectsApi(): ProjectsApi {
  const { state, refresh } = useAuth();
  const token = state.status === 'ready' ? state.me.csrfToken : null;
  return useMemo(
    () =>
      createProjectsApi({
        fetchFn: (input, init) => fetch(input, init),
        csrfToken: () => token,
        onUnauthenticated: refresh,
      }),
    [token, refresh],
  );
}

/** The projects texts of the current UI language. */
export function useProjectsText(): ProjectsMessages {
  const { language } = useI18n();
  return projectsMessages(language);
}
