import { useState } from 'react';
import type { PageMatch } from '../router/routes';
import { replaceSearch } from '../router/location';
import { PilotsAndCasesPanel } from './cases/pilots-and-cases-panel';
import { InboxPanel } from './inbox-panel';
import { OrderPage } from './order-page';
import { OrdersPanel } from './orders-panel';
import { TaskListPanel } from './task-list-panel';
import { TaskPage } from './task-page';
import { readTab, type TasksTab } from './tasks-paths';
import { useTasksMessages } from './use-tasks';
import '../evaluation/evaluation.css';
import './tasks.css';

const TABS: readonly TasksTab[] = ['inbox', 'tasks', 'orders', 'cases'];

function TasksHome({
  initial,
  caseId = null,
}: {
  readonly initial?: TasksTab;
  /** A case to open on the 试点与案例 tab (/tasks/case/<id>). */
  readonly caseId?: number | null;
}) {
  const m = useTasksMessages();
  const [tab, setTab] = useState<TasksTab>(() => initial ?? readTab(window.location.search, TABS));
  const open = (next: TasksTab) => {
    setTab(next);
    // Filters belong to the task list: leaving it starts the next visit clean.
    replaceSearch(new URLSearchParams(next === 'inbox' ? '' : `tab=${next}`));
  };
  const label: Record<TasksTab, string> = {
    inbox: m.tabInbox,
    tasks: m.tabTasks,
    orders: m.tabOrders,
    cases: m.tabCases,
  };
  return (
    <div className="tasks-page" data-testid="tasks-page" data-tab={tab}>
      <section className="panel">
        <h1>{m.title}</h1>
        <p className="muted">{m.intro}</p>
        <div className="tabs" role="tablist" aria-label={m.tabsLabel}>
          {TABS.map((t) => (
            <button
              type="button"
              key={t}
              role="tab"
              id={`tasks-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`tasks-panel-${t}`}
              className="tab"
              data-testid={`tab-${t}`}
              onClick={() => open(t)}
            >
              {label[t]}
            </button>
          ))}
        </div>
      </section>
      <div role="tabpanel" id={`tasks-panel-${tab}`} aria-labelledby={`tasks-tab-${tab}`}>
        {tab === 'inbox' ? <InboxPanel /> : null}
        {tab === 'tasks' ? <TaskListPanel /> : null}
        {tab === 'orders' ? <OrdersPanel /> : null}
        {tab === 'cases' ? <PilotsAndCasesPanel initialCaseId={caseId} /> : null}
      </div>
    </div>
  );
}

/**
 * 重点工作与督办 (issue 8 §6): my inbox by role, the four task lists with filters, the 督办单 list with the
 * issue form and proposals, and the pilots and case library (试点与案例); sub-pages for one task (/tasks/task/<code>) and one order (/tasks/order/<id>).
 */
export function TasksPage({ sub }: { readonly sub: PageMatch['sub'] }) {
  if (sub?.key === 'order') return <OrderPage id={sub.param} />;
  if (sub?.key === 'task') return <TaskPage code={sub.param} />;
  // A link to one case lands on the case library's tab with that case open.
  if (sub?.key === 'case') return <TasksHome initial="cases" caseId={Number(sub.param)} />;
  return <TasksHome />;
}
