import { useCallback, useEffect, useMemo, useRef } from 'react';
import { api as sharedApi } from '../api/client';
import { useRequest } from '../api/use-request';
import { useAuth } from '../auth/auth-context';
import { useI18n } from '../i18n/i18n-context';
import type { PartyRef } from './order-actions-model';
import { createTasksApi, type TasksApi } from './tasks-api';
import { tasksMessages, type TasksMessages } from './tasks-messages';

/** The module's texts in the chosen language. */
export function useTasksMessages(): TasksMessages {
  const { language } = useI18n();
  return tasksMessages(language);
}

/** The module's API client, sending the current session's CSRF token on writes. */
export function useTasksApi(): TasksApi {
  const { state, refresh } = useAuth();
  const token = state.status === 'ready' ? state.me.csrfToken : null;
  const ref = useRef(token);
  useEffect(() => {
    ref.current = token;
  }, [token]);
  // A 401 (session ended) asks the auth context again, which sends the user to the login page.
  const refreshRef = useRef(refresh);
  useEffect(() => {
    refreshRef.current = refresh;
  }, [refresh]);
  return useMemo(
    () =>
      createTasksApi(
        (input, init) => fetch(input, init),
        () => ref.current,
        '/api',
        () => refreshRef.current(),
      ),
    [],
  );
}

export interface Me {
  readonly name: string;
  readonly role: string;
  readonly roleName: string;
  readonly party: PartyRef;
  readonly unitName: string;
}

/** The signed-in user as a 督办 party (scope unit and department), or null while unknown. */
export function useMe(): Me | null {
  const { state } = useAuth();
  const { language } = useI18n();
  if (state.status !== 'ready') return null;
  const u = state.me.user;
  return {
    name: u.displayName,
    role: u.role,
    roleName: language === 'en' ? u.roleName.en : u.roleName.zh,
    party: { unit: u.scopeUnit.code, department: u.department?.code ?? null },
    unitName: u.scopeUnit.name,
  };
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/**
 * Names of a few units the page shows by code (the unit an order was escalated to, a timeline actor's
 * unit); a unit that cannot be read keeps its code.
 */
export function useUnitNames(codes: readonly string[]): ReadonlyMap<string, string> {
  const list = [...new Set(codes)].sort();
  const key = list.length === 0 ? null : `tasks:units:${list.join(',')}`;
  const load = useCallback(
    async (signal: AbortSignal): Promise<ReadonlyMap<string, string>> => {
      const wanted = key === null ? [] : key.slice('tasks:units:'.length).split(',');
      const pairs = await Promise.all(
        wanted.map((code) =>
          sharedApi.unit(code, signal).then(
            (u): [string, string] => [code, u.name],
            (): [string, string] => [code, code],
          ),
        ),
      );
      return new Map(pairs);
    },
    [key],
  );
  return useRequest(key, load).data ?? NO_NAMES;
}
