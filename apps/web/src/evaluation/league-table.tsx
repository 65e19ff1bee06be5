import type { IndexRun, LeagueRow } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { countyHealthPath } from '../router/routes';
import { MISSING, formatInterval, formatNumber, formatScore, formatShare, rankChangeView } from './format';
import type { SortKey, SortState } from './league-model';

interface LeagueTableProps {
  readonly run: IndexRun;
  /** Filtered and sorted rows. */
  readonly rows: readonly LeagueRow[];
  readonly sort: SortState;
  readonly onSort: (key: SortKey) => void;
}

interface Column {
  readonly key: SortKey | null;
  readonly label: string;
  readonly className?: string;
  readonly title?: string;
}

/**
 * The league table (晾晒比拼): one row per county with its rank (or why it has none), its rank change with
 * an arrow, score, data coverage, domain scores, Monte Carlo rank interval and three weakest indicators.
 * Every sortable header is a button; `aria-sort` says which column sorts and how.
 */
export function LeagueTable({ run, rows, sort, onSort }: LeagueTableProps) {
  const { t, language } = useI18n();
  const e = t.evaluation;
  const indicatorNames = new Map(
    run.indicators.map((i) => [i.code, language === 'en' ? i.nameEn : i.nameZh]),
  );
  const threshold = formatShare(run.coverageThreshold);
  const columns: Column[] = [
    { key: 'rank', label: e.colRank, className: 'num' },
    { key: 'change', label: e.colChange, className: 'num' },
    { key: 'name', label: e.colName },
    { key: 'city', label: e.colCity },
    { key: 'score', label: e.colScore, className: 'num' },
    { key: 'coverage', label: e.colCoverage, className: 'num' },
    ...run.domains.map((d): Column => ({
      key: `domain:${d.code}`,
      label: language === 'en' ? d.nameEn : d.nameZh,
      className: 'num domain-col',
    })),
    { key: 'interval', label: e.colInterval, className: 'num', title: e.colIntervalTitle },
    { key: null, label: e.colWeakest },
  ];

  return (
    <div className="table-scroll league-scroll">
      <table className="data-table league-table" data-testid="league-table">
        <thead>
          <tr>
            {columns.map((column) => {
              const active = column.key !== null && column.key === sort.key;
              return (
                <th
                  key={column.label}
                  scope="col"
                  className={column.className}
                  title={column.title}
                  data-sort-key={column.key ?? undefined}
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {column.key === null ? (
                    column.label
                  ) : (
                    <button
                      type="button"
                      className="sort-button"
                      title={e.sortBy(column.label)}
                      onClick={() => column.key !== null && onSort(column.key)}
                    >
                      {column.label}
                      <span className="sort-mark" aria-hidden="true">
                        {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const change = rankChangeView(row.rankChange);
            const changeTitle =
              change.direction === 'up'
                ? e.changeUp(change.amount ?? 0)
                : change.direction === 'down'
                  ? e.changeDown(change.amount ?? 0)
                  : change.direction === 'same'
                    ? e.changeSame
                    : e.changeNone;
            return (
              <tr
                key={row.unitCode}
                data-code={row.unitCode}
                data-rank={row.rank ?? ''}
                data-score={row.score ?? ''}
                data-city={row.parentCode ?? ''}
                data-below-coverage={row.belowCoverage}
                className={row.belowCoverage ? 'below-coverage' : undefined}
              >
                <td className="num rank-cell">
                  {row.rank !== null ? (
                    <strong>{row.rank}</strong>
                  ) : (
                    <span
                      className="badge badge-unranked"
                      title={row.score === null ? e.noScore : e.notRankedTitle(threshold)}
                    >
                      {row.score === null ? e.noScore : e.notRanked}
                    </span>
                  )}
                </td>
                <td className="num">
                  <span
                    className={`change change-${change.direction}`}
                    title={changeTitle}
                    data-change={row.rankChange ?? ''}
                  >
                    {change.direction === 'none'
                      ? MISSING
                      : change.direction === 'same'
                        ? change.arrow
                        : `${change.arrow}${change.amount}`}
                  </span>
                </td>
                <td className="name-cell">
                  <Link
                    to={countyHealthPath(row.unitCode, run.id)}
                    className="county-link"
                    title={e.healthLink(row.name)}
                  >
                    {row.name}
                  </Link>
                  {row.mountainIsland ? <span className="group-badge">{e.groupBadge}</span> : null}
                </td>
                <td className="city-cell">{row.parentName ?? MISSING}</td>
                <td className="num score-cell">{formatScore(row.score)}</td>
                <td className={row.belowCoverage ? 'num coverage-low' : 'num'}>
                  <span title={row.belowCoverage ? e.notRankedTitle(threshold) : undefined}>
                    {formatShare(row.coverage)}
                  </span>
                </td>
                {run.domains.map((d) => (
                  <td key={d.code} className="num">
                    {formatScore(row.domainScores[d.code])}
                  </td>
                ))}
                <td className="num">
                  <span
                    title={
                      row.rankInterval !== null
                        ? `P5 ${row.rankInterval.p5} · P50 ${row.rankInterval.median} · P95 ${row.rankInterval.p95}`
                        : undefined
                    }
                  >
                    {formatInterval(row.rankInterval)}
                  </span>
                </td>
                <td className="weakest-cell">
                  {row.weakest.length === 0 ? (
                    MISSING
                  ) : (
                    <ol className="weakest-list">
                      {row.weakest.map((w) => {
                        const name = indicatorNames.get(w.indicator) ?? w.nameZh;
                        return (
                          <li key={w.indicator} title={e.weakestTitle(name, formatNumber(w.contribution, 2))}>
                            {name}
                          </li>
                        );
                      })}
                    </ol>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
