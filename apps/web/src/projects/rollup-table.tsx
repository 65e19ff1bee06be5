import type { RollupRowDto } from '@suocha/contract';
import { LightBar } from './light-bar';
import { formatCount, formatGapPoints, formatShare, formatYi } from './projects-format';
import { useProjectsText } from './use-projects';

interface RollupTableProps {
  readonly rows: readonly RollupRowDto[];
  readonly testId: string;
  /** When given, a group's name is a button that filters the board to it (drill-down by unit). */
  readonly onPick?: (key: string) => void;
}

/**
 * A roll-up per group: count, planned and completed investment (亿元), completion rate against 序时进度
 * (the gap in points, positive behind), projects at each light, 新建项目开工率 — METHODS.md §5 ratios of sums.
 */
export function RollupTable({ rows, testId, onPick }: RollupTableProps) {
  const p = useProjectsText();
  if (rows.length === 0) return <p className="muted">{p.noRows}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table pj-rollup" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{p.colName}</th>
            <th scope="col" className="num">
              {p.colCount}
            </th>
            <th scope="col" className="num">
              {p.colPlan}
            </th>
            <th scope="col" className="num">
              {p.colYtd}
            </th>
            <th scope="col" className="num">
              {p.colRate}
            </th>
            <th scope="col" className="num" title={p.gapHint}>
              {p.colGap}
            </th>
            <th scope="col">{p.colLights}</th>
            <th scope="col" className="num">
              {p.colStart}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key} data-count={r.count}>
              <th scope="row">
                {onPick !== undefined ? (
                  <button
                    type="button"
                    className="pj-link-button"
                    title={p.drillInto(r.name)}
                    onClick={() => onPick(r.key)}
                  >
                    {r.name}
                  </button>
                ) : (
                  r.name
                )}
                {r.syntheticCount > 0 ? <span className="synthetic-tag">{p.syntheticTag}</span> : null}
              </th>
              <td className="num">{formatCount(r.count)}</td>
              <td className="num">{formatYi(r.annualPlan)}</td>
              <td className="num">{formatYi(r.ytdCompleted)}</td>
              <td className="num">{formatShare(r.completionRate)}</td>
              <td className={`num${(r.gapPoints ?? 0) > 0 ? ' pj-behind' : ''}`}>
                {formatGapPoints(r.gapPoints)}
              </td>
              <td>
                <LightBar lights={r.lights} />
              </td>
              <td className="num" title={p.startRateOf(r.newStartDone, r.newStartDue)}>
                {formatShare(r.startRate)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
