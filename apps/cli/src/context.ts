import { openStore, storeConfigFrom, type Store } from '@suocha/store';
import { loadConfig, type CliConfig } from './config';

export interface GlobalFlags {
  db?: string;
  data?: string;
  port?: string;
  host?: string;
}

/** Opens the configured database (running migrations), runs `fn`, and always closes it. */
export async function withStore<T>(
  flags: GlobalFlags,
  fn: (store: Store, config: CliConfig) => Promise<T>,
): Promise<T> {
  const config = loadConfig(flags);
  const store = await openStore(storeConfigFrom(config.db));
  try {
    return await fn(store, config);
  } finally {
    await store.close();
  }
}

/** An error the user can act on: printed without a stack trace, exit code 1. */
export class UserError extends Error {}
