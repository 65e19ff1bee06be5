/**
 * `suocha supervise issue | respond | verify | close | list | escalate | demo` (issue 8 §5): 督办单 from the
 * command line. Writes act as a named user (`--as <username>`), with that user's role and scope, so the
 * same rules as over HTTP apply: only the addressee responds, only the issuing level verifies and closes.
 */
import type { Actor, OrderAction } from '@suocha/core';
import {
  issueSupervisionOrder,
  listSupervisionOrders,
  loadDemoSupervision,
  OrderError,
  runEscalations,
  transitionSupervisionOrder,
  type OrderDetailView,
  type OrderSummaryView,
} from '@suocha/services';
import { getUserByUsername, type Store } from '@suocha/store';
import type { Command } from 'commander';
import { UserError, withStore, type GlobalFlags } from '../context';
import { printer } from '../output';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function userErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof OrderError) throw new UserError(`${e.code}: ${e.message}`);
    throw e;
  }
}

async function actorNamed(store: Store, username: string | undefined): Promise<Actor> {
  if (username === undefined || username.trim() === '')
    throw new UserError('须用 --as <用户名> 指定操作人 (--as required)');
  const u = await getUserByUsername(store, username.trim().toLowerCase());
  if (u === undefined || !u.active)
    throw new UserError(`用户 ${username} 不存在或已停用 (no active user ${username})`);
  return {
    userId: u.id,
    username: u.username,
    role: u.role,
    scopeUnit: u.scopeUnit,
    scopePath: u.scopePath,
    department: u.departmentCode,
    via: 'session',
  };
}

const flat = (o: OrderSummaryView): Record<string, unknown> => ({
  id: o.id,
  title: o.title,
  issuer: o.issuer.unitName,
  addressee: o.addressee.departmentName ?? o.addressee.unitName,
  state: o.state,
  stateName: o.stateName,
  stateDeadline: o.stateDeadline,
  dueDate: o.dueDate,
  overdueDays: o.overdue?.daysOverdue ?? null,
  escalatedTo: o.escalatedTo,
  synthetic: o.synthetic,
});

function show(o: OrderDetailView, json: boolean): void {
  const p = printer(json);
  if (json) {
    process.stdout.write(`${JSON.stringify(o)}\n`);
    return;
  }
  p.list([flat(o)]);
  p.list(
    o.timeline.map((e) => ({
      seq: e.seq,
      at: e.at,
      action: e.actionName,
      who: e.actorName,
      to: e.to,
      text: e.text,
    })),
  );
}

export function supervisionCommands(program: Command): void {
  const sup = program.command('supervise').description('督办 — supervision orders (issue 8)');
  sup
    .command('issue')
    .description('issue an order (addressee, deadline and text required)')
    .requiredOption('--as <username>', 'the issuing user (province admin, city or county)')
    .requiredOption('--title <text>', '督办事项')
    .requiredOption('--text <text>', '督办要求')
    .option('--to <unit>', 'addressee unit code')
    .option('--department <code>', 'addressee department code')
    .option('--due <date>', '整改时限 (YYYY-MM-DD)')
    .option('--json', 'print the order as JSON')
    .action(
      async (
        opts: {
          as: string;
          title: string;
          text: string;
          to?: string;
          department?: string;
          due?: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
          const actor = await actorNamed(store, opts.as);
          const unit = opts.to ?? (opts.department !== undefined ? actor.scopeUnit : undefined);
          const o = await userErrors(() =>
            issueSupervisionOrder(
              store,
              actor,
              {
                title: opts.title,
                requirement: opts.text,
                ...(unit === undefined ? {} : { addressee: { unit, department: opts.department } }),
                ...(opts.due === undefined ? {} : { dueDate: opts.due }),
              },
              new Date().toISOString(),
            ),
          );
          show(o, Boolean(opts.json));
        });
      },
    );

  const act = (name: string, description: string, actions: readonly OrderAction[]) =>
    sup
      .command(name)
      .description(description)
      .argument('<id>', 'order id')
      .requiredOption('--as <username>', 'the acting user')
      .option('--action <action>', `one of ${actions.join(', ')} (default ${actions[0] ?? ''})`)
      .option('--text <text>', 'plan, report, reason or verification note')
      .option('--json', 'print the order as JSON')
      .action(
        async (
          id: string,
          opts: { as: string; action?: string; text?: string; json?: boolean },
          cmd: Command,
        ) => {
          const action = (opts.action ?? actions[0]) as OrderAction;
          if (!actions.includes(action))
            throw new UserError(`--action 应为 ${actions.join('/')} (got "${opts.action}")`);
          await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
            const actor = await actorNamed(store, opts.as);
            const o = await userErrors(() =>
              transitionSupervisionOrder(
                store,
                actor,
                id,
                opts.text === undefined ? { type: action } : { type: action, text: opts.text },
                new Date().toISOString(),
              ),
            );
            show(o, Boolean(opts.json));
          });
        },
      );
  act('respond', "the addressee's step: acknowledge, submit a plan, report progress or resolution", [
    'acknowledge',
    'submit_plan',
    'report_progress',
    'report_resolved',
  ]);
  act('verify', "the issuing level's review: approve or reject a plan, send a resolution back", [
    'approve_plan',
    'reject_plan',
    'send_back',
  ]);
  act('close', 'verify and close (核查销号), with a note', ['close']);

  sup
    .command('list')
    .description('list orders with their step deadline and overdue flag')
    .option('--open', 'only orders not closed')
    .option('--overdue', 'only orders overdue at their step')
    .option('--as-of <date>', 'date to judge deadlines (default: today)')
    .option('--json', 'print a JSON array')
    .action(
      async (opts: { open?: boolean; overdue?: boolean; asOf?: string; json?: boolean }, cmd: Command) => {
        const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
        if (!DATE.test(asOf)) throw new UserError(`--as-of 应为 YYYY-MM-DD (got "${asOf}")`);
        await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
          const rows = await userErrors(() =>
            listSupervisionOrders(store, null, {
              asOf,
              ...(opts.open ? { open: true } : {}),
              ...(opts.overdue ? { overdue: true } : {}),
            }),
          );
          const p = printer(Boolean(opts.json));
          if (opts.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
          else p.list(rows.map(flat));
        });
      },
    );

  sup
    .command('escalate')
    .description('escalate orders overdue at their step one level up (a daily job)')
    .option('--as-of <date>', 'date to judge deadlines (default: today)')
    .option('--json', 'print a JSON array')
    .action(async (opts: { asOf?: string; json?: boolean }, cmd: Command) => {
      const now = new Date().toISOString();
      const asOf = opts.asOf ?? now.slice(0, 10);
      if (!DATE.test(asOf)) throw new UserError(`--as-of 应为 YYYY-MM-DD (got "${asOf}")`);
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const r = await runEscalations(store, { asOf, now });
        printer(Boolean(opts.json)).list(r);
      });
    });

  sup
    .command('demo')
    .description('add demo tasks and orders (模拟数据, synthetic) for the web page; idempotent')
    .option('--seed <n>', 'seed of the generator (default 8)')
    .action(async (opts: { seed?: string }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const r = await loadDemoSupervision(store, {
          now: new Date().toISOString(),
          ...(opts.seed === undefined ? {} : { seed: Number(opts.seed) }),
        });
        printer(false).info(
          `模拟数据: ${r.tasks} tasks, orders ${r.orders.join(', ') || '(already loaded)'}`,
        );
      });
    });
}
