import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../db';

/** Data sets, submissions and approvals, validation rules (issue 3). */
export function collection(_engine: Engine): Migration {
  return {
    async up(_db: Kysely<unknown>) {},
  };
}
