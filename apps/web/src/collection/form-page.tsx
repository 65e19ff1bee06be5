import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { ErrorBanner } from '../shell/error-banner';
import { CollectionApiError } from './collection-api';
import { formatStamp } from './collection-format';
import { collectionMessages } from './collection-messages';
import type { CollectionMessages } from './collection-messages';
import type { CollectionProblem, Conflict, FormChange, FormView, WorkflowAction } from './collection-types';
import { ConflictPanel } from './conflict-panel';
import { FieldRow, inputId } from './field-row';
import { choicePath } from './form-path';
import type { FormKey } from './form-path';
import { changedValues, initialDrafts } from './form-state';
import type { Drafts } from './form-state';
import { placeProblems, problemText } from './problems';
import { StatusBadge } from './status-badge';
import { useCollectionApi } from './use-collection-api';
import { WorkflowBar } from './workflow-bar';

type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly error: Error }
  | { readonly kind: 'ready'; readonly form: FormView };

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/**
 * A form (data set × unit × period): one row per indicator with its comparisons, save as draft, the
 * workflow actions this user may take, problems beside their fields and in a summary, a "yours vs
 * theirs" table when someone changed a value meanwhile, and the workflow log.
 */
export function FormPage({ formKey }: { readonly formKey: FormKey }) {
  const { language } = useI18n();
  const m = collectionMessages(language);
  const api = useCollectionApi();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [problems, setProblems] = useState<readonly CollectionProblem[]>([]);
  const [warnings, setWarnings] = useState<readonly CollectionProblem[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<Error | null>(null);
  // A function of the texts, so that a notice follows the language switch.
  const [notice, setNotice] = useState<((texts: CollectionMessages) => string) | null>(null);
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<ReadonlySet<string>>(new Set());

  const show = useCallback((form: FormView) => {
    setLoad({ kind: 'ready', form });
    setDrafts(initialDrafts(form));
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ kind: 'loading' });
    api.form(formKey.dataset, formKey.unit, formKey.period, controller.signal).then(show, (e: unknown) => {
      if (!controller.signal.aborted) setLoad({ kind: 'error', error: asError(e) });
    });
    return () => controller.abort();
  }, [api, formKey.dataset, formKey.unit, formKey.period, attempt, show]);

  const form = load.kind === 'ready' ? load.form : null;
  const placed = useMemo(
    () => placeProblems(problems, form?.fields ?? [], form?.rules ?? []),
    [problems, form],
  );
  const changes = form === null ? [] : changedValues(form, drafts);

  const reload = () => {
    setProblems([]);
    setWarnings([]);
    setConflict(null);
    setError(null);
    setNotice(null);
    setAttempt((n) => n + 1);
  };

  /** Runs a change; the answer's form replaces the page's, a refusal is placed where it belongs. */
  const run = async (
    change: () => Promise<FormChange & { readonly notice: (texts: CollectionMessages) => string }>,
  ) => {
    setBusy(true);
    setProblems([]);
    setWarnings([]);
    setConflict(null);
    setError(null);
    setNotice(null);
    try {
      const r = await change();
      show(r.form);
      setWarnings(r.warnings);
      setNotice(() => r.notice);
    } catch (e) {
      if (e instanceof CollectionApiError && e.status === 409)
        setConflict({ message: e.message, conflicts: e.conflicts, form: e.form });
      else if (e instanceof CollectionApiError && e.status === 422 && e.problems.length > 0)
        setProblems(e.problems);
      else setError(asError(e));
    } finally {
      setBusy(false);
    }
  };

  const save = (current: FormView) =>
    run(async () => {
      const r = await api.saveValues(formKey.dataset, formKey.unit, formKey.period, {
        values: changedValues(current, drafts),
      });
      return { ...r, notice: (texts: CollectionMessages) => texts.saved(r.written) };
    });

  const act = (current: FormView, action: WorkflowAction, reason?: string) =>
    run(async () => {
      let latest = current;
      // Submitting sends what is typed first, so that what is submitted is what the user sees.
      const pending = changedValues(current, drafts);
      if (action === 'submit' && pending.length > 0) {
        const saved = await api.saveValues(formKey.dataset, formKey.unit, formKey.period, {
          values: pending,
        });
        latest = saved.form;
        show(latest);
      }
      const r = await api.act(formKey.dataset, formKey.unit, formKey.period, action, {
        formVersion: latest.formVersion,
        ...(reason === undefined ? {} : { reason }),
      });
      return { ...r, notice: (texts: CollectionMessages) => texts.actionDone(action) };
    });

  if (load.kind === 'loading')
    return (
      <div className="collection" data-testid="collection-form" data-loading="true">
        <p className="muted">…</p>
      </div>
    );
  if (load.kind === 'error')
    return (
      <div className="collection" data-testid="collection-form">
        <p>
          <Link to={choicePath(formKey)}>← {m.back}</Link>
        </p>
        <ErrorBanner error={load.error} onRetry={reload} />
      </div>
    );

  const f = load.form;
  const locked = f.state === 'locked';
  const anyEditable = f.state === 'draft' && f.fields.some((x) => x.editable);
  const name = (code: string) => {
    const field = f.fields.find((x) => x.indicatorCode === code);
    if (field === undefined) return code;
    return language === 'en' && field.nameEn !== '' ? field.nameEn : field.nameZh;
  };
  const focus = (code: string) => document.getElementById(inputId(code))?.focus();

  return (
    <div
      className="collection"
      data-testid="collection-form"
      data-state={f.state}
      data-form-version={f.formVersion}
      aria-busy={busy}
    >
      <section className="panel form-head">
        <p className="breadcrumbs">
          <Link to={choicePath(formKey)}>← {m.back}</Link>
        </p>
        <h1 data-testid="form-title">
          {language === 'en' && f.dataset.nameEn !== '' ? f.dataset.nameEn : f.dataset.nameZh}{' '}
          <StatusBadge state={f.state} testId="form-state" />
        </h1>
        <p className="form-meta">
          <strong>{m.formMeta(`${f.unit.name} (${f.unit.code})`, f.period)}</strong>
          <span className="muted">
            {' '}
            · {m.due} {f.dueDate}
          </span>
          {f.timeliness !== null ? (
            <span className={`report-status report-${f.timeliness}`} data-testid="form-timeliness">
              {m.timeliness(f.timeliness)}
            </span>
          ) : null}
        </p>
        <p className="muted small form-stamps">
          {f.submittedAt !== null ? (
            <span>
              {m.stateName('submitted')}: {f.submittedBy} {formatStamp(f.submittedAt)}
            </span>
          ) : null}
          {f.approvedAt !== null ? (
            <span>
              {m.stateName('approved')}: {f.approvedBy} {formatStamp(f.approvedAt)}
            </span>
          ) : null}
          {f.lockedAt !== null ? (
            <span>
              {m.stateName('locked')}: {f.lockedBy} {formatStamp(f.lockedAt)}
            </span>
          ) : null}
        </p>
        {locked ? (
          <p className="locked-notice" data-testid="locked-notice">
            {m.lockedNotice(f.lockedBy, f.lockedAt === null ? null : formatStamp(f.lockedAt))}
          </p>
        ) : !anyEditable ? (
          <p className="notice" data-testid="readonly-notice">
            {m.readOnlyNotice(f.state)}
          </p>
        ) : null}
      </section>

      <section className="panel">
        {placed.summary.length > 0 ? (
          <div className="problem-summary" role="alert" data-testid="problem-summary">
            <strong>{m.summaryTitle(placed.summary.length)}</strong>
            <ul>
              {placed.summary.map((p, i) => (
                <li key={i} data-code={p.code} data-column={p.column ?? ''}>
                  {p.column !== undefined && f.fields.some((x) => x.indicatorCode === p.column) ? (
                    <button
                      type="button"
                      className="link-button inline"
                      onClick={() => focus(p.column ?? '')}
                    >
                      {m.summaryField(name(p.column))}
                    </button>
                  ) : null}
                  {problemText(p)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {conflict !== null ? <ConflictPanel conflict={conflict} fields={f.fields} onReload={reload} /> : null}
        {error !== null ? <ErrorBanner error={error} /> : null}
        {notice !== null ? (
          <p className="saved-note" data-testid="form-notice">
            {notice(m)}
          </p>
        ) : null}
        {warnings.length > 0 ? (
          <div className="notice" data-testid="form-warnings">
            <strong>{m.warningsTitle}</strong>
            <ul>
              {warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="table-scroll">
          <table className="data-table form-table" data-testid="form-table">
            <thead>
              <tr>
                <th scope="col">{m.colIndicator}</th>
                <th scope="col">{m.colMeasure}</th>
                <th scope="col">{m.colValue}</th>
                <th scope="col" className="num">
                  {m.colPrevious}
                </th>
                <th scope="col" className="num">
                  {m.colLastYear}
                </th>
                <th scope="col">{m.colTarget}</th>
                <th scope="col">{m.colBand}</th>
                <th scope="col">{m.colComment}</th>
                <th scope="col">{m.colHistory}</th>
              </tr>
            </thead>
            <tbody>
              {f.fields.map((field) => (
                <FieldRow
                  key={field.indicatorCode}
                  field={field}
                  draft={drafts[field.indicatorCode] ?? { text: '', comment: '' }}
                  problems={placed.byField.get(field.indicatorCode) ?? []}
                  readOnly={f.state !== 'draft'}
                  historyOpen={history.has(field.indicatorCode)}
                  revision={f.formVersion}
                  api={api}
                  formKey={formKey}
                  onChange={(draft) => setDrafts((d) => ({ ...d, [field.indicatorCode]: draft }))}
                  onToggleHistory={() =>
                    setHistory((open) => {
                      const next = new Set(open);
                      if (next.has(field.indicatorCode)) next.delete(field.indicatorCode);
                      else next.add(field.indicatorCode);
                      return next;
                    })
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
        <WorkflowBar
          allowed={f.allowed}
          dirty={changes.length > 0}
          busy={busy}
          onSave={() => void save(f)}
          onAction={(action, reason) => void act(f, action, reason)}
        />
      </section>

      <section className="panel" data-testid="form-events">
        <h2>{m.eventsTitle}</h2>
        {f.events.length === 0 ? (
          <p className="muted">{m.noEvents}</p>
        ) : (
          <table className="data-table events-table">
            <thead>
              <tr>
                <th scope="col">{m.colWhen}</th>
                <th scope="col">{m.colAction}</th>
                <th scope="col">{m.colStateChange}</th>
                <th scope="col">{m.colWho}</th>
                <th scope="col">{m.colReason}</th>
              </tr>
            </thead>
            <tbody>
              {[...f.events].reverse().map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td className="nowrap">{formatStamp(e.at)}</td>
                  <td>{m.actionName(e.action)}</td>
                  <td className="nowrap">
                    {e.fromState === null ? '' : `${m.stateName(e.fromState)} → `}
                    {m.stateName(e.toState)}
                  </td>
                  <td>{e.actor}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
