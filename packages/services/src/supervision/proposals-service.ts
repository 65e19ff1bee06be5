/**
 * Proposed 督办单 (issue 8 §2): evidence gathered from overdue tasks and milestones (core
 * `deadlineAlerts`), off-track targets (`progressReport`, METHODS.md §1 classes), open warnings (store
 * progress warnings) and red projects (through `RedProjectSource`, wired by the lead to the projects
 * module), turned into drafts by core `proposeOrders`. Nothing is issued until a person confirms one.
 */
import {
  deadlineAlerts,
  inScope,
  proposeOrders,
  type Actor,
  type OrderEvidence,
  type ProposedOrder,
} from '@suocha/core';
import {
  getDepartment,
  getUnit,
  getUnitPath,
  listTaskRecords,
  listWarnings,
  openProposalKeys,
  type Store,
  type WarningSeverity,
} from '@suocha/store';
import { progressReport } from '../progress/progress-report';
import { toCoreTask } from '../tasks/task-views';
import { OrderError } from './errors';
import { mayIssue } from './order-parties';
import { issueSupervisionOrder, type IssueInput } from './orders-service';
import type { OrderDetailView, OrderPartyView } from './order-views';

/** Red projects as evidence (kind `project`); the projects module implements it. */
export interface RedProjectSource {
  redProjects(store: Store, asOf: string): Promise<readonly Extract<OrderEvidence, { kind: 'project' }>[]>;
}

export type EvidenceKind = OrderEvidence['kind'];

export interface ProposalView {
  readonly key: string;
  readonly title: string;
  readonly requirement: string;
  readonly issuer: OrderPartyView;
  readonly addressee: OrderPartyView;
  readonly dueDate: string;
  readonly priority: 'high' | 'normal';
  readonly evidence: OrderEvidence[];
}

/** Warning colours of the progress module mapped to proposal severities (red severe, orange warning). */
const SEVERITY: Readonly<Record<WarningSeverity, 'info' | 'warning' | 'severe'>> = {
  yellow: 'info',
  orange: 'warning',
  red: 'severe',
};

const PROPOSAL_DUE_DAYS = 30;

async function gatherEvidence(
  store: Store,
  actor: Actor,
  asOf: string,
  kinds: ReadonlySet<EvidenceKind>,
  projects: RedProjectSource | undefined,
): Promise<OrderEvidence[]> {
  const out: OrderEvidence[] = [];
  if (kinds.has('task')) {
    const tasks = await listTaskRecords(store);
    const mine = tasks.filter((t) => t.unit === null || inScope(actor.scopePath, t.unit.path));
    for (const a of deadlineAlerts(mine.map(toCoreTask), asOf, 0))
      if (a.state === 'overdue')
        out.push({
          kind: 'task',
          taskCode: a.taskCode,
          title: a.taskTitle,
          ...(a.unit === undefined ? {} : { unit: a.unit }),
          ...(a.leadDepartment === undefined ? {} : { leadDepartment: a.leadDepartment }),
          ...(a.milestoneId === undefined ? {} : { milestoneId: a.milestoneId }),
          ...(a.milestoneTitle === undefined ? {} : { milestoneTitle: a.milestoneTitle }),
          dueDate: a.dueDate,
          daysLeft: a.daysLeft,
        });
  }
  if (kinds.has('target')) {
    const report = await progressReport(store, { unitCode: actor.scopeUnit, asOf });
    for (const r of report.items)
      if (r.current && r.latest !== null)
        out.push({
          kind: 'target',
          indicator: r.indicator.code,
          indicatorName: r.indicator.nameZh,
          unit: r.unit.code,
          targetYear: r.year,
          targetValue: r.targetValue,
          latestValue: r.latest.value,
          period: r.latest.period,
          progressClass: r.status,
        });
  }
  if (kinds.has('warning'))
    for (const w of await listWarnings(store, { unitCode: actor.scopeUnit, asOf, view: 'open' }))
      out.push({
        kind: 'warning',
        id: String(w.id),
        unit: w.unitCode,
        severity: SEVERITY[w.severity],
        message: w.message,
      });
  if (kinds.has('project') && projects !== undefined)
    for (const p of await projects.redProjects(store, asOf)) {
      const path = await getUnitPath(store, p.unit);
      if (path !== undefined && inScope(actor.scopePath, path)) out.push(p);
    }
  return out;
}

async function partyView(
  store: Store,
  unit: string,
  department: string | undefined,
): Promise<OrderPartyView> {
  const u = await getUnit(store, unit);
  const d = department === undefined ? undefined : await getDepartment(store, department);
  return {
    unit,
    unitName: u?.name ?? unit,
    department: department ?? null,
    departmentName: department === undefined ? null : (d?.nameZh ?? department),
  };
}

async function proposals(
  store: Store,
  actor: Actor,
  asOf: string,
  kinds: ReadonlySet<EvidenceKind>,
  projects: RedProjectSource | undefined,
): Promise<ProposedOrder[]> {
  if (!mayIssue(actor))
    throw new OrderError(
      'NOT_ISSUER_LEVEL',
      '只有可以交办督办单的用户能查看督办建议 (only issuers see proposals)',
    );
  const evidence = await gatherEvidence(store, actor, asOf, kinds, projects);
  const covered = await openProposalKeys(store);
  return proposeOrders(evidence, {
    issuer: { unit: actor.scopeUnit },
    today: asOf,
    dueInDays: PROPOSAL_DUE_DAYS,
    covered,
  }).filter((p) => !(p.addressee.unit === actor.scopeUnit && p.addressee.department === undefined));
}

export const ALL_EVIDENCE_KINDS: ReadonlySet<EvidenceKind> = new Set([
  'project',
  'target',
  'task',
  'warning',
]);

/** Proposed orders for the actor's level as of a date, high priority first; none for problems already covered. */
export async function listProposals(
  store: Store,
  actor: Actor,
  options: {
    readonly asOf: string;
    readonly kinds?: ReadonlySet<EvidenceKind>;
    readonly projects?: RedProjectSource;
  },
): Promise<ProposalView[]> {
  const list = await proposals(
    store,
    actor,
    options.asOf,
    options.kinds ?? ALL_EVIDENCE_KINDS,
    options.projects,
  );
  const out: ProposalView[] = [];
  for (const p of list)
    out.push({
      key: p.key,
      title: p.title,
      requirement: p.requirement,
      issuer: await partyView(store, p.issuer.unit, p.issuer.department),
      addressee: await partyView(store, p.addressee.unit, p.addressee.department),
      dueDate: p.dueDate,
      priority: p.priority,
      evidence: [...p.evidence],
    });
  return out;
}

export interface ConfirmInput {
  readonly key: string;
  readonly asOf: string;
  readonly title?: string | undefined;
  readonly requirement?: string | undefined;
  readonly dueDate?: string | undefined;
  readonly addressee?: { readonly unit: string; readonly department?: string | undefined } | undefined;
  readonly stepDays?: IssueInput['stepDays'];
}

/** A person confirms one proposal (possibly edited): it is issued as an order citing its evidence. */
export async function confirmProposal(
  store: Store,
  actor: Actor,
  input: ConfirmInput,
  now: string,
  projects?: RedProjectSource,
): Promise<OrderDetailView> {
  const list = await proposals(store, actor, input.asOf, ALL_EVIDENCE_KINDS, projects);
  const p = list.find((x) => x.key === input.key);
  if (p === undefined)
    throw new OrderError(
      'PROPOSAL_NOT_FOUND',
      `没有该督办建议(或已有未办结的督办单) (no such proposal, or an open order covers it): ${input.key}`,
    );
  return issueSupervisionOrder(
    store,
    actor,
    {
      title: input.title ?? p.title,
      requirement: input.requirement ?? p.requirement,
      addressee: input.addressee ?? p.addressee,
      dueDate: input.dueDate ?? p.dueDate,
      stepDays: input.stepDays,
      evidence: p.evidence,
      proposalKey: p.key,
    },
    now,
  );
}
