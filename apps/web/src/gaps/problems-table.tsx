import type { HouseholdProblem } from '../api/types';
import { useI18n } from '../i18n/i18n-context';

/** The located problems of a rejected file: file, sheet, line, column and message; the first 100 + count. */
export function ProblemsTable({
  problems,
  count,
}: {
  readonly problems: readonly HouseholdProblem[];
  readonly count: number;
}) {
  const { t } = useI18n();
  const g = t.gaps;
  const withSheet = problems.some((p) => p.sheet !== undefined);
  return (
    <div className="problems" data-testid="household-problems" data-count={count}>
      <p className="problems-summary">
        <strong>{g.problemsSummary(count)}</strong>
        {count > problems.length ? <span className="muted"> {g.problemsFirst(problems.length)}</span> : null}
      </p>
      <div className="units-scroll">
        <table className="data-table problems-table">
          <thead>
            <tr>
              <th scope="col">{g.colFile}</th>
              {withSheet ? <th scope="col">{g.colSheet}</th> : null}
              <th scope="col" className="num">
                {g.colLine}
              </th>
              <th scope="col">{g.colColumn}</th>
              <th scope="col">{g.colProblem}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i} data-line={p.line} data-column={p.column ?? ''} data-code={p.code}>
                <td>{p.file}</td>
                {withSheet ? <td>{p.sheet ?? ''}</td> : null}
                <td className="num">{p.line}</td>
                <td>
                  <code>{p.column ?? '—'}</code>
                </td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
