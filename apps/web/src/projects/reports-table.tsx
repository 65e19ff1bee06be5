import type { MonthlyReportDto } from '@suocha/contract';
import { formatWan } from './projects-format';
import { groupReportVersions } from './report-versions';
import { useProjectsText } from './use-projects';

/** Every version of every monthly report: the current one of each month first, the corrected ones greyed. */
export function ReportsTable({ reports }: { readonly reports: readonly MonthlyReportDto[] }) {
  const p = useProjectsText();
  const groups = groupReportVersions(reports);
  if (groups.length === 0) return <p className="muted">{p.noReports}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table pj-reports" data-testid="reports-table">
        <thead>
          <tr>
            <th scope="col">{p.colMonth}</th>
            <th scope="col">{p.colVersion}</th>
            <th scope="col" className="num">
              {p.colThisMonth}
            </th>
            <th scope="col" className="num">
              {p.colYtdWan}
            </th>
            <th scope="col">{p.colStarted}</th>
            <th scope="col">{p.colNote}</th>
            <th scope="col">{p.colProblems}</th>
            <th scope="col">{p.colCorrection}</th>
            <th scope="col">{p.colOrigin}</th>
            <th scope="col">{p.colBy}</th>
            <th scope="col">{p.colAt}</th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.month} data-month={g.month} data-versions={g.versions.length}>
            {g.versions.map((r, i) => (
              <tr
                key={r.version}
                data-version={r.version}
                data-current={r.current ? 'true' : 'false'}
                className={r.current ? '' : 'pj-old-version'}
              >
                {i === 0 ? (
                  <th scope="rowgroup" rowSpan={g.versions.length}>
                    {g.month}
                  </th>
                ) : null}
                <td>
                  v{r.version}{' '}
                  <span className={r.current ? 'pj-version-current' : 'pj-version-old'}>
                    {r.current ? p.currentVersion : p.oldVersion}
                  </span>
                </td>
                <td className="num">{formatWan(r.completedThisMonth)}</td>
                <td className="num">{formatWan(r.ytdCompleted)}</td>
                <td>{r.started ? p.yes : p.no}</td>
                <td>{r.note}</td>
                <td className={r.problems === '' ? '' : 'pj-problem-text'}>{r.problems}</td>
                <td>{r.reason}</td>
                <td>
                  {p.origin(r.origin)}
                  {r.synthetic ? <span className="synthetic-tag">{p.syntheticTag}</span> : null}
                </td>
                <td>{r.reportedBy}</td>
                <td className="small">{r.reportedAt.slice(0, 16).replace('T', ' ')} UTC</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
