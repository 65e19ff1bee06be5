/** The monthly bulletin 月度通报 (issue 8): tables. */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../db';

export function bulletinsMigration(engine: Engine): Migration {
  void engine;
  return {
    async up(db: Kysely<unknown>) {
      void db;
    },
  };
}
