/** Key tasks, pilots and cases (issue 8): tables. */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../db';

export function tasksMigration(engine: Engine): Migration {
  void engine;
  return {
    async up(db: Kysely<unknown>) {
      void db;
    },
  };
}
