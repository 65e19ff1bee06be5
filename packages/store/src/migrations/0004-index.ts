import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../db';

/** Index frameworks and frozen index runs (issue 6). */
export function indexRuns(_engine: Engine): Migration {
  return {
    async up(_db: Kysely<unknown>) {},
  };
}
