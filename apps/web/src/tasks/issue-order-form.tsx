import type { DepartmentDto, OrderDetailDto } from '@suocha/contract';
import { useCallback, useState, type FormEvent } from 'react';
import { api as sharedApi } from '../api/client';
import { useRequest } from '../api/use-request';
import { ActionError } from './order-actions';
import { issueBody } from './form-models';
import { useMe, useTasksApi, useTasksMessages } from './use-tasks';

/**
 * 交办督办单 by hand: matter, requirement, addressee (a unit below the issuer's scope — a city, or one of
 * its counties — optionally one department), and the rectification deadline. All four are required.
 */
export function IssueOrderForm({ onIssued }: { readonly onIssued: (order: OrderDetailDto) => void }) {
  const m = useTasksMessages();
  const api = useTasksApi();
  const me = useMe();
  const scope = me?.party.unit ?? null;
  const [title, setTitle] = useState('');
  const [requirement, setRequirement] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [department, setDepartment] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const loadScope = useCallback((signal: AbortSignal) => sharedApi.unit(scope ?? '', signal), [scope]);
  const scopeUnit = useRequest(scope === null ? null : `unit:${scope}`, loadScope);
  const loadFirst = useCallback((signal: AbortSignal) => sharedApi.unit(first, signal), [first]);
  const firstUnit = useRequest(first === '' || first === scope ? null : `unit:${first}`, loadFirst);
  const loadDepts = useCallback(
    (signal: AbortSignal): Promise<{ readonly items: readonly DepartmentDto[] }> => api.departments(signal),
    [api],
  );
  const departments = useRequest('departments', loadDepts);
  const unit = second !== '' ? second : first;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const built = issueBody({ title, requirement, unit, department, dueDate });
    if (!built.ok) {
      setInvalid(built.field);
      return;
    }
    setInvalid(null);
    setBusy(true);
    try {
      const order = await api.issueOrder(built.body);
      setTitle('');
      setRequirement('');
      onIssued(order);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  const children = scopeUnit.data?.children ?? [];
  const grandchildren = firstUnit.data?.children ?? [];
  return (
    <form className="issue-form" data-testid="issue-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{m.issueTitle}</h3>
      <label className="field block">
        <span>{m.issueOrderTitle}</span>
        <input
          data-testid="issue-title"
          value={title}
          aria-invalid={invalid === 'title'}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label className="field block">
        <span>{m.issueRequirement}</span>
        <textarea
          data-testid="issue-requirement"
          rows={3}
          value={requirement}
          aria-invalid={invalid === 'requirement'}
          onChange={(e) => setRequirement(e.target.value)}
        />
      </label>
      <div className="form-row">
        <label className="field">
          <span>{m.issueAddressee}</span>
          <select
            data-testid="issue-unit"
            value={first}
            aria-invalid={invalid === 'unit'}
            onChange={(e) => {
              setFirst(e.target.value);
              setSecond('');
            }}
          >
            <option value="">—</option>
            {scopeUnit.data !== undefined ? (
              <option value={scopeUnit.data.code}>{scopeUnit.data.name}</option>
            ) : null}
            {children.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        {grandchildren.length > 0 ? (
          <label className="field">
            <span>{m.issueSubUnit}</span>
            <select data-testid="issue-subunit" value={second} onChange={(e) => setSecond(e.target.value)}>
              <option value="">{m.issueWholeUnit}</option>
              {grandchildren.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="field">
          <span>{m.issueDepartment}</span>
          <select
            data-testid="issue-department"
            value={department}
            onChange={(e) => setDepartment(e.target.value)}
          >
            <option value="">—</option>
            {(departments.data?.items ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.nameZh}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{m.issueDue}</span>
          <input
            type="date"
            data-testid="issue-due"
            value={dueDate}
            aria-invalid={invalid === 'dueDate'}
            onChange={(e) => setDueDate(e.target.value)}
          />
        </label>
      </div>
      {invalid !== null ? (
        <p className="field-error" data-testid="issue-invalid">
          {m.issueMissing}
        </p>
      ) : null}
      {error !== null ? <ActionError error={error} /> : null}
      <button type="submit" className="primary-button" data-testid="issue-submit" disabled={busy}>
        {m.issueSubmit}
      </button>
    </form>
  );
}
