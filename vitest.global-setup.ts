/**
 * Makes PostgreSQL available to the storage tests. CI starts a cluster and exports TEST_PG_URL (.ci/run);
 * under CI a missing TEST_PG_URL is an error, never a silent skip. On a developer machine without it,
 * a throwaway cluster is started here with scripts/pg-cluster.sh and stopped at the end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default function setup(project: TestProject): () => void {
  const given = process.env.TEST_PG_URL;
  if (given) {
    project.provide('pgUrl', given);
    return () => {};
  }
  if (process.env.CI === 'true') {
    throw new Error(
      'TEST_PG_URL is not set under CI: storage tests must run on PostgreSQL too (see .ci/run)',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'suocha-pg-'));
  const script = join(import.meta.dirname, 'scripts', 'pg-cluster.sh');
  const url = execFileSync('bash', [script, 'start', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  project.provide('pgUrl', url);
  return () => {
    execFileSync('bash', [script, 'stop', dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
}
