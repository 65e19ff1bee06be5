/** Pilots (试点, issue 8 §3; seed 000 §十五): stored with their units; their lessons are the linked cases. */
import { sql } from 'kysely';
import type { Store } from '../../db';
import type { PilotKind, PilotStatus } from './schema';

export interface PilotFields {
  readonly code: string;
  readonly name: string;
  readonly kind: PilotKind;
  readonly theme: string;
  readonly startDate: string | null;
  readonly status: PilotStatus;
  readonly unitsNote: string;
  readonly source: string;
  readonly unitCodes: readonly string[];
}

export interface PilotRecord extends Omit<PilotFields, 'unitCodes'> {
  readonly units: readonly { readonly code: string; readonly name: string }[];
  /** Cases linked to the pilot: its lessons shared province-wide (一地创新、全省共享). */
  readonly caseCount: number;
}

/** Inserts or replaces pilots (by code) with their unit lists, all in one transaction. */
export async function upsertPilots(store: Store, pilots: readonly PilotFields[]): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    for (const p of pilots) {
      const row = {
        name: p.name,
        kind: p.kind,
        theme: p.theme,
        start_date: p.startDate,
        status: p.status,
        units_note: p.unitsNote,
        source: p.source,
      };
      await trx
        .insertInto('pilots')
        .values({ code: p.code, ...row })
        .onConflict((oc) => oc.column('code').doUpdateSet(row))
        .execute();
      await trx.deleteFrom('pilot_units').where('pilot_code', '=', p.code).execute();
      if (p.unitCodes.length > 0)
        await trx
          .insertInto('pilot_units')
          .values(p.unitCodes.map((u) => ({ pilot_code: p.code, unit_code: u })))
          .execute();
    }
  });
}

/** Every pilot (or the one with `code`), comprehensive pilots first, then by code, with units and case counts. */
export async function listPilots(store: Store, code?: string): Promise<PilotRecord[]> {
  let q = store.db
    .selectFrom('pilots')
    .select([
      'code',
      'name',
      'kind',
      'theme',
      'start_date',
      'status',
      'units_note',
      'source',
      (eb) =>
        eb
          .selectFrom('cases')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('cases.pilot_code', '=', 'pilots.code')
          .as('case_count'),
    ])
    // The comprehensive pilots first (a fixed rank, not the collation of their Chinese names), then by code.
    .orderBy(sql`case when kind = '全域综合试点' then 0 else 1 end`)
    .orderBy('code');
  if (code !== undefined) q = q.where('code', '=', code);
  const pilots = await q.execute();
  let uq = store.db
    .selectFrom('pilot_units')
    .innerJoin('units', 'units.code', 'pilot_units.unit_code')
    .select(['pilot_units.pilot_code', 'units.code', 'units.name'])
    .orderBy('units.code');
  if (code !== undefined) uq = uq.where('pilot_units.pilot_code', '=', code);
  const units = await uq.execute();
  return pilots.map((p) => ({
    code: p.code,
    name: p.name,
    kind: p.kind,
    theme: p.theme,
    startDate: p.start_date,
    status: p.status,
    unitsNote: p.units_note,
    source: p.source,
    units: units.filter((u) => u.pilot_code === p.code).map((u) => ({ code: u.code, name: u.name })),
    caseCount: Number(p.case_count ?? 0),
  }));
}

export async function pilotExists(store: Store, code: string): Promise<boolean> {
  const r = await store.db.selectFrom('pilots').select('code').where('code', '=', code).executeTakeFirst();
  return r !== undefined;
}
