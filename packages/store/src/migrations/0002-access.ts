import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../db';

/** Users, roles, sessions, API tokens, departments, login throttling (issue 3). */
export function access(_engine: Engine): Migration {
  return {
    async up(_db: Kysely<unknown>) {},
  };
}
