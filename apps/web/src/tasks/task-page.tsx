import type { TaskDetailDto } from '@suocha/contract';
import { useCallback, useState, type FormEvent } from 'react';
import { useRequest } from '../api/use-request';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { ErrorBanner } from '../shell/error-banner';
import { DeadlineBadge, SyntheticTag } from './deadline-badge';
import { localToday, toneOfState } from './deadline-model';
import { updateBody } from './form-models';
import { TaskStatusChip } from './state-chips';
import { TaskDeadline } from './task-table';
import { tabPath } from './tasks-paths';
import { useTasksApi, useTasksMessages } from './use-tasks';

const STATUSES = ['not_started', 'in_progress', 'completed', 'cancelled'];

function UpdateForm({ task, onSaved }: { readonly task: TaskDetailDto; readonly onSaved: () => void }) {
  const m = useTasksMessages();
  const api = useTasksApi();
  const [date, setDate] = useState(localToday());
  const [text, setText] = useState('');
  const [attachments, setAttachments] = useState('');
  const [status, setStatus] = useState('');
  const [milestoneId, setMilestoneId] = useState('');
  const [milestoneDone, setMilestoneDone] = useState(true);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const open = task.milestones.filter((x) => x.completedOn === null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = updateBody({ date, text, attachments, status, milestoneId, milestoneDone });
    setSaved(false);
    setError(null);
    if (!built.ok) {
      setInvalid(built.field);
      return;
    }
    setInvalid(null);
    setBusy(true);
    try {
      await api.addUpdate(task.code, built.body);
      setText('');
      setAttachments('');
      setStatus('');
      setMilestoneId('');
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="task-update-form" data-testid="task-update-form" onSubmit={(e) => void submit(e)}>
      <h3>{m.addUpdateTitle}</h3>
      <div className="form-row">
        <label className="field">
          <span>{m.updateDate}</span>
          <input
            type="date"
            data-testid="update-date"
            value={date}
            aria-invalid={invalid === 'date'}
            onChange={(e) => setDate(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{m.updateStatus}</span>
          <select data-testid="update-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{m.updateStatusUnchanged}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {m.taskStatus(s)}
              </option>
            ))}
          </select>
        </label>
        {open.length > 0 ? (
          <label className="field">
            <span>{m.updateMilestone}</span>
            <select
              data-testid="update-milestone"
              value={milestoneId}
              onChange={(e) => setMilestoneId(e.target.value)}
            >
              <option value="">{m.updateMilestoneNone}</option>
              {open.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {milestoneId !== '' ? (
          <label className="field check">
            <input
              type="checkbox"
              checked={milestoneDone}
              onChange={(e) => setMilestoneDone(e.target.checked)}
            />
            <span>{m.updateMilestoneDone}</span>
          </label>
        ) : null}
      </div>
      <label className="field block">
        <span>{m.updateText}</span>
        <textarea
          data-testid="update-text"
          rows={3}
          value={text}
          placeholder={m.updateTextPlaceholder}
          aria-invalid={invalid === 'text'}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {invalid === 'text' ? <p className="field-error">{m.textRequired}</p> : null}
      <label className="field block">
        <span>{m.updateAttachments}</span>
        <textarea
          data-testid="update-attachments"
          rows={2}
          value={attachments}
          onChange={(e) => setAttachments(e.target.value)}
        />
      </label>
      {error !== null ? <ErrorBanner error={error} /> : null}
      {saved ? (
        <p className="saved-note" role="status" data-testid="update-saved">
          {m.updateSaved}
        </p>
      ) : null}
      <button type="submit" className="primary-button" data-testid="update-submit" disabled={busy}>
        {m.submitUpdate}
      </button>
    </form>
  );
}

/** A task: where it comes from, who leads, its deadline, milestones, dated progress updates, and the form. */
export function TaskPage({ code }: { readonly code: string }) {
  const m = useTasksMessages();
  const { t } = useI18n();
  const api = useTasksApi();
  const [version, setVersion] = useState(0);
  const load = useCallback((signal: AbortSignal) => api.task(code, signal), [api, code]);
  const task = useRequest(`tasks:task:${code}#${version}`, load);
  const d = task.data;

  return (
    <div className="tasks-page" data-testid="task-page" data-code={code}>
      <p className="back-link">
        <Link to={tabPath('tasks')}>{m.backToTasks}</Link>
      </p>
      {task.error !== undefined ? <ErrorBanner error={task.error} onRetry={task.reload} /> : null}
      {task.loading && d === undefined ? <p className="muted">{t.common.loading}</p> : null}
      {d !== undefined ? (
        <>
          <section className="panel">
            <h1 data-testid="task-title">
              {d.title} {d.synthetic ? <SyntheticTag /> : null}
            </h1>
            <p className="muted small">
              {d.code} · {d.list === 'custom' ? d.listName : m.listName(d.list)}
            </p>
            <dl className="facts" data-testid="task-facts">
              <div>
                <dt>{m.taskPlan}</dt>
                <dd>
                  {d.plan ?? '—'} {d.section !== null ? `· ${d.section}` : ''}
                </dd>
              </div>
              <div>
                <dt>{m.taskLead}</dt>
                <dd>{d.leadDepartment?.nameZh ?? <span className="muted">{m.unconfigured}</span>}</dd>
              </div>
              <div>
                <dt>{m.taskCo}</dt>
                <dd>
                  {d.coDepartments.length === 0 ? '—' : d.coDepartments.map((x) => x.nameZh).join('、')}
                </dd>
              </div>
              <div>
                <dt>{m.taskUnit}</dt>
                <dd>{d.unit?.name ?? '—'}</dd>
              </div>
              <div>
                <dt>{m.taskDue}</dt>
                <dd>
                  {d.dueDate ?? '—'} <TaskDeadline deadline={d.deadline} />
                </dd>
              </div>
              <div>
                <dt>{m.taskStatusLabel}</dt>
                <dd>
                  <TaskStatusChip status={d.status} />
                  {d.completedOn !== null ? <span className="muted small"> {d.completedOn}</span> : null}
                </dd>
              </div>
            </dl>
            <p className="muted small source-line">
              {m.taskSource}: {d.source} · {m.asOf(d.asOf)}
            </p>
          </section>

          <section className="panel" data-testid="milestones-panel">
            <h2>{m.milestonesTitle}</h2>
            {d.milestones.length === 0 ? (
              <p className="muted">{m.noMilestones}</p>
            ) : (
              <ol className="milestones">
                {d.milestones.map((x) => (
                  <li key={x.id} data-milestone={x.id} data-deadline={x.deadline.state}>
                    <span className="milestone-title">{x.title}</span>
                    <span className="muted small">{x.dueDate}</span>
                    {x.completedOn !== null ? (
                      <span className="small done-text">{m.milestoneDone(x.completedOn)}</span>
                    ) : (
                      <DeadlineBadge
                        judgement={{
                          tone: toneOfState(x.deadline.state),
                          ...(x.deadline.daysLeft === null ? {} : { daysLeft: x.deadline.daysLeft }),
                        }}
                        dueDate={x.dueDate}
                      />
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section className="panel" data-testid="updates-panel">
            <h2>{m.updatesTitle}</h2>
            {d.updates.length === 0 ? <p className="muted">{m.noUpdates}</p> : null}
            <ol className="updates" data-testid="task-updates" data-count={d.updates.length}>
              {d.updates.map((u) => (
                <li key={u.id} className="update">
                  <div className="update-head">
                    <strong>{u.date}</strong>
                    <span className="muted small">{m.updateBy(u.authorName)}</span>
                    {u.statusAfter !== null ? <TaskStatusChip status={u.statusAfter} /> : null}
                  </div>
                  <p className="update-text">{u.text}</p>
                  {u.attachments.length > 0 ? (
                    <p className="small attachments">
                      {m.attachments}:{' '}
                      {u.attachments.map((a) => (
                        <span key={a} className="attachment">
                          {a}
                        </span>
                      ))}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
            {d.canUpdate ? <UpdateForm task={d} onSaved={() => setVersion((v) => v + 1)} /> : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
