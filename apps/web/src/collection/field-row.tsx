import { useI18n } from '../i18n/i18n-context';
import type { CollectionApi } from './collection-api';
import { formatValue } from './collection-format';
import { collectionMessages } from './collection-messages';
import type { CollectionProblem, FieldView } from './collection-types';
import type { FormKey } from './form-path';
import { outsideBand } from './form-state';
import type { FieldDraft } from './form-state';
import { problemText } from './problems';
import { ValueHistory } from './value-history';

/** Number of columns of the form table (the history row spans them all). */
export const FORM_COLUMNS = 9;

export const inputId = (code: string) => `value-${code}`;

/**
 * One indicator of the form: name and unit, the input with its problems beside it, the previous period,
 * the same period last year, the target and the outlier band for comparison, the comment box (asked for
 * outside the band) and the value's history on demand.
 */
export function FieldRow({
  field,
  draft,
  problems,
  readOnly,
  historyOpen,
  revision,
  api,
  formKey,
  onChange,
  onToggleHistory,
}: {
  readonly field: FieldView;
  readonly draft: FieldDraft;
  readonly problems: readonly CollectionProblem[];
  readonly readOnly: boolean;
  readonly historyOpen: boolean;
  /** The form's version: a history opened before a save is read again after it. */
  readonly revision: number;
  readonly api: CollectionApi;
  readonly formKey: FormKey;
  readonly onChange: (draft: FieldDraft) => void;
  readonly onToggleHistory: () => void;
}) {
  const { language } = useI18n();
  const m = collectionMessages(language);
  const code = field.indicatorCode;
  const name = language === 'en' && field.nameEn !== '' ? field.nameEn : field.nameZh;
  const editable = field.editable && !readOnly;
  const needsComment =
    problems.some((p) => p.code === 'OUTLIER_NEEDS_COMMENT') ||
    (editable && outsideBand(field, draft.text) && draft.comment.trim() === '');
  const fmt = (x: number | null | undefined) => formatValue(x, language);
  const hasBand = field.band !== null && (field.band.low !== null || field.band.high !== null);
  return (
    <>
      <tr
        data-testid="field-row"
        data-code={code}
        className={problems.length > 0 ? 'has-problem' : undefined}
      >
        <th scope="row" className="indicator-cell">
          <label htmlFor={inputId(code)}>{name}</label>
          {field.required ? <span className="required-mark"> *</span> : null}
          <span className="indicator-code">{code}</span>
        </th>
        <td className="measure-cell">{m.measureName(field.unit)}</td>
        <td className="value-cell">
          {editable ? (
            <input
              id={inputId(code)}
              type="text"
              inputMode="decimal"
              className="value-input"
              data-testid={`input-${code}`}
              value={draft.text}
              aria-invalid={problems.length > 0}
              aria-describedby={problems.length > 0 ? `problems-${code}` : undefined}
              onChange={(event) => onChange({ ...draft, text: event.target.value })}
            />
          ) : (
            <span className="value-readonly" id={inputId(code)} data-testid={`value-${code}`}>
              {field.current === null ? m.noValue : fmt(field.current.value)}
            </span>
          )}
          {problems.length > 0 ? (
            <ul className="field-problems" id={`problems-${code}`} data-testid={`field-error-${code}`}>
              {problems.map((p, i) => (
                <li key={i} data-code={p.code}>
                  {problemText(p)}
                </li>
              ))}
            </ul>
          ) : null}
          {needsComment && !problems.some((p) => p.code === 'OUTLIER_NEEDS_COMMENT') ? (
            <p className="outlier-hint" data-testid={`outlier-hint-${code}`}>
              {m.outlierHint}
            </p>
          ) : null}
        </td>
        <td className="num compare-cell">
          {fmt(field.previous?.value)}
          {field.previous !== null ? <span className="cell-period">{field.previous.period}</span> : null}
        </td>
        <td className="num compare-cell">
          {fmt(field.lastYear?.value)}
          {field.lastYear !== null ? <span className="cell-period">{field.lastYear.period}</span> : null}
        </td>
        <td className="compare-cell">
          {field.target === null
            ? m.noValue
            : m.targetText(field.target.comparator, fmt(field.target.value), field.target.year)}
        </td>
        <td className="compare-cell band-cell">
          {field.band === null || !hasBand ? (
            <span className="muted small">{m.bandUnavailable}</span>
          ) : (
            <>
              {field.band.low === null
                ? m.bandBelow(fmt(field.band.high))
                : field.band.high === null
                  ? m.bandAbove(fmt(field.band.low))
                  : `[${fmt(field.band.low)}, ${fmt(field.band.high)}]`}
              <span className="cell-period">{m.bandMethod(field.band.method)}</span>
            </>
          )}
        </td>
        <td className="comment-cell">
          {editable ? (
            <input
              type="text"
              className="comment-input"
              data-testid={`comment-${code}`}
              value={draft.comment}
              placeholder={hasBand ? m.commentPlaceholder : undefined}
              aria-label={`${m.colComment} · ${name}`}
              aria-invalid={needsComment}
              onChange={(event) => onChange({ ...draft, comment: event.target.value })}
            />
          ) : (
            <span className="small">{field.current?.comment ?? ''}</span>
          )}
        </td>
        <td>
          <button
            type="button"
            className="link-button"
            data-testid={`history-toggle-${code}`}
            aria-expanded={historyOpen}
            onClick={onToggleHistory}
          >
            {historyOpen ? m.hideHistory : m.history}
          </button>
        </td>
      </tr>
      {historyOpen ? (
        <tr className="history-row">
          <td colSpan={FORM_COLUMNS}>
            <ValueHistory api={api} formKey={formKey} indicator={code} name={name} revision={revision} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
