/** Supervision orders 督办 (issue 8): tables. */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../db';

export function supervisionMigration(engine: Engine): Migration {
  void engine;
  return {
    async up(db: Kysely<unknown>) {
      void db;
    },
  };
}
