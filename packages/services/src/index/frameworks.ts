/**
 * Index frameworks: validated against the schema and the indicator catalogue before they are stored
 * (negative weights, unknown indicators, inverted goalposts … are refused with their JSON paths), and
 * versioned — a changed framework is stored as the next version of its code, an unchanged one is
 * recognised by its content and not stored again. The platform default comes from
 * data/frameworks/default.json and is registered on first use.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ok, type Result } from '@suocha/core';
import {
  FrameworkSchema,
  parseFramework,
  type FrameworkJson,
  type StoredFrameworkDto,
} from '@suocha/contract';
import {
  findFrameworkByContent,
  getFramework,
  insertFrameworkVersion,
  listFrameworks,
  listIndicators,
  type Store,
  type StoredFramework,
} from '@suocha/store';
import { fail, type IndexServiceError } from './errors';
import { canonicalJson } from '../io/canonical-json';

export const DEFAULT_FRAMEWORK_CODE = 'default';
export const DEFAULT_FRAMEWORK_FILE = join('frameworks', 'default.json');

export interface ResolvedFramework {
  readonly stored: StoredFramework;
  readonly framework: FrameworkJson;
}

/** The frozen framework of a stored version (validated when it was stored). */
export function frameworkOf(stored: StoredFramework): FrameworkJson {
  return FrameworkSchema.parse(JSON.parse(stored.json));
}

export function toFrameworkDto(stored: StoredFramework): StoredFrameworkDto {
  return {
    id: stored.id,
    code: stored.code,
    version: stored.version,
    nameZh: stored.nameZh,
    nameEn: stored.nameEn,
    createdAt: stored.createdAt,
    createdBy: stored.createdBy,
    framework: frameworkOf(stored),
  };
}

export async function knownIndicatorCodes(store: Store): Promise<string[]> {
  return (await listIndicators(store)).map((i) => i.code);
}

/**
 * Validates `json` and stores it as a new version of its code unless a version with the same content
 * exists (then that one is returned, `created: false`). The file's own `version` field is ignored: the
 * store numbers versions.
 */
export async function registerFramework(
  store: Store,
  json: unknown,
  meta: { readonly by: string; readonly now: string },
): Promise<Result<{ readonly stored: StoredFramework; readonly created: boolean }, IndexServiceError>> {
  const parsed = parseFramework(json, await knownIndicatorCodes(store));
  if (!parsed.ok)
    return fail(
      'FRAMEWORK_INVALID',
      `指标框架无效 invalid framework: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      parsed.issues,
    );
  const { version: _ignored, ...content } = parsed.framework;
  const hash = createHash('sha256').update(canonicalJson(content)).digest('hex');
  const existing = await findFrameworkByContent(store, content.code, hash);
  if (existing) return ok({ stored: existing, created: false });
  const stored = await insertFrameworkVersion(store, {
    code: content.code,
    nameZh: content.name?.zh ?? content.code,
    nameEn: content.name?.en ?? content.code,
    contentHash: hash,
    render: (version) => JSON.stringify({ ...content, version }),
    createdAt: meta.now,
    createdBy: meta.by,
  });
  return ok({ stored, created: true });
}

/** The platform default framework from `dataDir`, registered (or recognised) as a stored version. */
export async function registerDefaultFramework(
  store: Store,
  dataDir: string,
  meta: { readonly by: string; readonly now: string },
): Promise<Result<{ readonly stored: StoredFramework; readonly created: boolean }, IndexServiceError>> {
  const path = join(dataDir, DEFAULT_FRAMEWORK_FILE);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    return fail(
      'FRAMEWORK_NOT_FOUND',
      `无法读取默认框架 cannot read the default framework ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return registerFramework(store, json, meta);
}

export interface FrameworkRef {
  readonly code?: string | undefined;
  readonly version?: number | undefined;
  /** An inline framework file, validated and stored first. */
  readonly json?: unknown;
}

/**
 * The framework a run uses: inline JSON (stored as a version), a stored code and version (latest when no
 * version), or the platform default. `default` without a version is re-read from data/ so that a newer
 * shipped default becomes its next version.
 */
export async function resolveFramework(
  store: Store,
  ref: FrameworkRef,
  ctx: { readonly dataDir: string; readonly by: string; readonly now: string },
): Promise<Result<ResolvedFramework, IndexServiceError>> {
  let stored: StoredFramework | undefined;
  if (ref.json !== undefined) {
    const r = await registerFramework(store, ref.json, ctx);
    if (!r.ok) return r;
    stored = r.value.stored;
  } else {
    const code = ref.code ?? DEFAULT_FRAMEWORK_CODE;
    if (code === DEFAULT_FRAMEWORK_CODE && ref.version === undefined) {
      const r = await registerDefaultFramework(store, ctx.dataDir, ctx);
      if (!r.ok) return r;
      stored = r.value.stored;
    } else {
      stored = await getFramework(store, code, ref.version);
      if (!stored)
        return fail(
          'FRAMEWORK_NOT_FOUND',
          `没有指标框架 no framework ${code}${ref.version !== undefined ? ` version ${ref.version}` : ''}`,
        );
    }
  }
  return ok({ stored, framework: frameworkOf(stored) });
}

export async function listFrameworkDtos(store: Store): Promise<StoredFrameworkDto[]> {
  return (await listFrameworks(store)).map(toFrameworkDto);
}
