/** Project dispatch (issue 7): tables. */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../db';

export function projectsMigration(engine: Engine): Migration {
  void engine;
  return {
    async up(db: Kysely<unknown>) {
      void db;
    },
  };
}
