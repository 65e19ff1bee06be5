import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../db';

/** Warnings (预警) and the lineage of derived values (issue 4). */
export function progress(_engine: Engine): Migration {
  return {
    async up(_db: Kysely<unknown>) {},
  };
}
