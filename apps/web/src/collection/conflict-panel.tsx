import { useI18n } from '../i18n/i18n-context';
import { formatStamp, formatValue } from './collection-format';
import { collectionMessages } from './collection-messages';
import type { Conflict, FieldView } from './collection-types';
import { conflictRows } from './problems';

/**
 * A 409: the values changed since the form was opened, side by side — what this user typed and what is
 * stored now, by whom and when — or the form moved on to another state; the user reloads to continue.
 */
export function ConflictPanel({
  conflict,
  fields,
  onReload,
}: {
  readonly conflict: Conflict;
  readonly fields: readonly FieldView[];
  readonly onReload: () => void;
}) {
  const { language } = useI18n();
  const m = collectionMessages(language);
  const rows = conflictRows(conflict.conflicts, fields, language);
  return (
    <div className="conflict-panel" role="alert" data-testid="conflict-panel">
      <strong>{m.conflictTitle}</strong>
      {rows.length > 0 ? (
        <>
          <p>{m.conflictIntro}</p>
          <table className="data-table conflict-table">
            <thead>
              <tr>
                <th scope="col">{m.colIndicator}</th>
                <th scope="col" className="num">
                  {m.colYours}
                </th>
                <th scope="col" className="num">
                  {m.colTheirs}
                </th>
                <th scope="col">{m.colTheirsBy}</th>
                <th scope="col">{m.colTheirsAt}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.indicatorCode} data-code={r.indicatorCode} data-reason={r.reason}>
                  <td>{r.name}</td>
                  <td className="num" data-testid="conflict-yours">
                    {formatValue(r.yours, language)}
                  </td>
                  <td className="num" data-testid="conflict-theirs">
                    {formatValue(r.theirs, language)}
                    {r.theirsStatus !== null && r.theirsStatus !== 'draft' ? (
                      <span className="cell-period">{m.stateName(r.theirsStatus)}</span>
                    ) : null}
                    {r.reason === 'not_editable' ? (
                      <span className="cell-period">{m.notEditable}</span>
                    ) : null}
                  </td>
                  <td>{r.theirsBy ?? '—'}</td>
                  <td className="nowrap">{formatStamp(r.theirsAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : conflict.form !== null ? (
        <p>{m.conflictState(conflict.form.state, conflict.form.version)}</p>
      ) : (
        <p>{conflict.message}</p>
      )}
      <button type="button" className="primary-button" data-testid="conflict-reload" onClick={onReload}>
        {m.reload}
      </button>
    </div>
  );
}
