/**
 * The command's configuration, parsed once from the environment and flags, then passed down.
 * Nothing else reads process.env.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..', '..', '..');

const Env = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  HOST: z.string().min(1).optional(),
  SUOCHA_DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Behind a reverse proxy: trust X-Forwarded-For/Proto for client address (rate limits) and https. */
  SUOCHA_TRUST_PROXY: z.enum(['true', 'false', '1', '0']).optional(),
  /** Secure flag of the session cookie: true, false or auto (set when the request came over https). */
  SUOCHA_COOKIE_SECURE: z.enum(['true', 'false', 'auto']).optional(),
});

export interface CliConfig {
  /** SQLite file path or postgres:// URL. */
  readonly db: string;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly webDir: string;
  readonly logLevel: string;
  readonly trustProxy: boolean;
  readonly cookieSecure: boolean | 'auto';
}

export function loadConfig(flags: {
  db?: string | undefined;
  port?: string | undefined;
  host?: string | undefined;
  data?: string | undefined;
}): CliConfig {
  // An empty variable counts as unset (`DATABASE_URL= suocha …`).
  const env = Env.parse(
    Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== '')),
  );
  const port = flags.port !== undefined ? Number(flags.port) : (env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`invalid port: ${flags.port}`);
  return {
    db: flags.db ?? env.DATABASE_URL ?? './suocha.db',
    port,
    host: flags.host ?? env.HOST ?? '0.0.0.0',
    dataDir: resolve(flags.data ?? env.SUOCHA_DATA_DIR ?? join(REPO_ROOT, 'data')),
    webDir: join(REPO_ROOT, 'apps', 'web', 'dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.SUOCHA_TRUST_PROXY === 'true' || env.SUOCHA_TRUST_PROXY === '1',
    cookieSecure:
      env.SUOCHA_COOKIE_SECURE === undefined || env.SUOCHA_COOKIE_SECURE === 'auto'
        ? 'auto'
        : env.SUOCHA_COOKIE_SECURE === 'true',
  };
}
