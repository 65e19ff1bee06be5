import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../api/client';
import type { Indicator, Target, TargetEditResult } from '../api/types';
import { formatDateTime } from '../evaluation/format';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { indicatorPath } from '../router/routes';
import { ErrorBanner } from '../shell/error-banner';
import { formatTarget } from './progress-format';
import { checkEdit, comparatorsFor } from './target-edit-model';
import type { EditDraft } from './target-edit-model';
import { useUnitLabels } from './unit-labels';

interface PlanTargetsProps {
  readonly targets: readonly Target[];
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly unitNames: ReadonlyMap<string, string>;
  /** Provincial administrators edit targets inline; everybody else sees no edit controls. */
  readonly canEdit: boolean;
  /** The first year the plan's targets may be set for. */
  readonly firstYear: number;
  readonly onSaved: (result: TargetEditResult) => void;
}

function EditRow({
  target,
  indicator,
  firstYear,
  onCancel,
  onSaved,
}: {
  readonly target: Target;
  readonly indicator: Indicator | undefined;
  readonly firstYear: number;
  readonly onCancel: () => void;
  readonly onSaved: (result: TargetEditResult) => void;
}) {
  const { t } = useI18n();
  const p = t.targetsPage;
  const polarity = indicator?.polarity ?? 'up';
  const [draft, setDraft] = useState<EditDraft>({
    comparator: target.comparator,
    value: String(target.value),
    year: String(target.year),
  });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const check = checkEdit(draft, polarity, firstYear);
  const [touched, setTouched] = useState(false);
  const invalid = touched && !check.ok ? check : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!check.ok) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.updateTarget(target.id, check.body));
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
      setSaving(false);
    }
  };

  return (
    <td colSpan={5} className="edit-cell">
      <form className="target-edit" onSubmit={(event) => void submit(event)} data-testid="target-edit-form">
        <label className="field">
          <span>{p.editComparator}</span>
          <select
            data-testid="edit-comparator"
            value={draft.comparator}
            aria-invalid={invalid?.comparator === true}
            onChange={(event) => setDraft({ ...draft, comparator: event.target.value })}
          >
            {comparatorsFor(polarity).map((c) => (
              <option key={c} value={c}>
                {c === '>=' ? '≥' : c === '<=' ? '≤' : c}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{p.editValue}</span>
          <input
            data-testid="edit-value"
            inputMode="decimal"
            value={draft.value}
            aria-invalid={invalid?.value === true}
            onChange={(event) => setDraft({ ...draft, value: event.target.value })}
          />
        </label>
        <label className="field">
          <span>{p.editYear}</span>
          <input
            data-testid="edit-year"
            inputMode="numeric"
            value={draft.year}
            aria-invalid={invalid?.year === true}
            onChange={(event) => setDraft({ ...draft, year: event.target.value })}
          />
        </label>
        <button type="submit" className="primary-button" data-testid="save-target" disabled={saving}>
          {saving ? p.saving : p.save}
        </button>
        <button type="button" data-testid="cancel-edit" onClick={onCancel} disabled={saving}>
          {p.cancel}
        </button>
        {invalid?.value === true ? <p className="field-error">{p.valueInvalid}</p> : null}
        {invalid?.year === true ? <p className="field-error">{p.yearInvalid(firstYear)}</p> : null}
        {error !== null ? (
          <div data-testid="edit-error">
            <ErrorBanner error={error} />
          </div>
        ) : null}
      </form>
    </td>
  );
}

/** The targets one plan sets, by indicator, unit and year; editable inline by provincial administrators. */
export function PlanTargets({
  targets,
  indicators,
  unitNames,
  canEdit,
  firstYear,
  onSaved,
}: PlanTargetsProps) {
  const { t, language } = useI18n();
  const p = t.targetsPage;
  const labels = useUnitLabels();
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <div className="table-scroll">
      <table className="data-table plan-targets" data-testid="plan-targets-table">
        <thead>
          <tr>
            <th scope="col">{p.colIndicator}</th>
            <th scope="col">{p.colUnitName}</th>
            <th scope="col" className="num">
              {p.colYear}
            </th>
            <th scope="col" className="num">
              {p.colTarget}
            </th>
            <th scope="col">{p.colBaseline}</th>
            <th scope="col">{p.colSource}</th>
            {canEdit ? <th scope="col">{p.colActions}</th> : null}
          </tr>
        </thead>
        <tbody>
          {targets.map((target) => {
            const indicator = indicators.get(target.indicatorCode);
            const unit = indicator?.unit ?? '';
            const name =
              indicator === undefined
                ? target.indicatorCode
                : language === 'en'
                  ? indicator.nameEn
                  : indicator.nameZh;
            return (
              <tr key={target.id} data-target-id={target.id} data-indicator={target.indicatorCode}>
                <td className="indicator-name">
                  <Link to={indicatorPath(target.indicatorCode, target.unitCode, target.id)}>{name}</Link>
                </td>
                <td>{unitNames.get(target.unitCode) ?? target.unitCode}</td>
                {editing === target.id ? (
                  <EditRow
                    target={target}
                    indicator={indicator}
                    firstYear={firstYear}
                    onCancel={() => setEditing(null)}
                    onSaved={(result) => {
                      setEditing(null);
                      onSaved(result);
                    }}
                  />
                ) : (
                  <>
                    <td className="num" data-testid="target-year">
                      {target.year}
                    </td>
                    <td className="num" data-testid="target-value">
                      {formatTarget(target.comparator, target.value, unit, labels)}
                    </td>
                    <td className="small">
                      {target.baselinePeriod !== null && target.baselineValue !== null
                        ? `${target.baselinePeriod}: ${target.baselineValue}`
                        : '—'}
                    </td>
                    <td className="small source-cell">{target.source}</td>
                  </>
                )}
                {canEdit && editing !== target.id ? (
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      data-testid="edit-target"
                      onClick={() => setEditing(target.id)}
                    >
                      {p.edit}
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** "Saved: …" line after an edit, with who and when from the server's answer. */
export function savedMessage(
  result: TargetEditResult,
  name: string,
  saved: (indicator: string, by: string, at: string) => string,
): string {
  return saved(name, result.change.by, formatDateTime(result.change.at));
}
