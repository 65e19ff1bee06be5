import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Store } from './db';
import { foundation } from './migrations/0001-foundation';
import { access } from './migrations/0002-access';
import { collection } from './migrations/0003-collection';
import { indexRuns } from './migrations/0004-index';
import { progress } from './migrations/0005-progress';
import { projectsMigration } from './migrations/0006-projects';
import { tasksMigration } from './migrations/0007-tasks';
import { supervisionMigration } from './migrations/0008-supervision';
import { bulletinsMigration } from './migrations/0009-bulletins';
import { casesMigration } from './migrations/0010-cases';

/** Migrations are code, listed here in order; names sort lexically. */
function migrations(store: Store): Record<string, Migration> {
  return {
    '0001-foundation': foundation(store.engine),
    '0002-access': access(store.engine),
    '0003-collection': collection(store.engine),
    '0004-index': indexRuns(store.engine),
    '0005-progress': progress(store.engine),
    '0006-projects': projectsMigration(store.engine),
    '0007-tasks': tasksMigration(store.engine),
    '0008-supervision': supervisionMigration(store.engine),
    '0009-bulletins': bulletinsMigration(store.engine),
    '0010-cases': casesMigration(store.engine),
  };
}

export async function migrateToLatest(store: Store): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(store) };
  const migrator = new Migrator({ db: store.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
