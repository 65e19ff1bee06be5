import type { RegionalGaps } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { unitEnds } from './regional-model';
import type { RankedUnit } from './regional-model';

function EndTable({
  units,
  caption,
  testId,
  formatValue,
  ofName,
}: {
  readonly units: readonly RankedUnit[];
  readonly caption: string;
  readonly testId: string;
  readonly formatValue: (x: number) => string;
  /** The compared units' common parent, not repeated on every row. */
  readonly ofName: string;
}) {
  const { t } = useI18n();
  const g = t.gaps;
  return (
    <table className="data-table ends-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            {g.colRank}
          </th>
          <th scope="col">{g.colUnit}</th>
          <th scope="col" className="num">
            {g.colValue}
          </th>
        </tr>
      </thead>
      <tbody>
        {units.map((u) => (
          <tr key={u.code} data-code={u.code} data-value={u.value}>
            <td className="num">{u.rank}</td>
            <th scope="row">
              {u.name}
              {u.inGroup ? <span className="group-badge">{g.memberBadge}</span> : null}
              {u.parentName !== null && u.parentName !== ofName ? (
                <span className="muted small"> · {u.parentName}</span>
              ) : null}
            </th>
            <td className="num">{formatValue(u.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The units at both ends (five highest, five lowest) and those below the reference line (the national
 * value where it exists), with their values.
 */
export function UnitEnds({
  answer,
  formatValue,
}: {
  readonly answer: RegionalGaps;
  readonly formatValue: (x: number) => string;
}) {
  const { t } = useI18n();
  const g = t.gaps;
  const { top, bottom } = unitEnds(answer.units);
  const below = answer.measures.belowLine;
  return (
    <div className="unit-ends" data-testid="unit-ends">
      {top.length === 0 ? <p className="muted">{g.noValues}</p> : null}
      {top.length > 0 ? (
        <EndTable
          units={top}
          caption={g.topTitle(top.length)}
          testId="ends-top"
          formatValue={formatValue}
          ofName={answer.of.name}
        />
      ) : null}
      {bottom.length > 0 ? (
        <EndTable
          units={bottom}
          caption={g.bottomTitle(bottom.length)}
          testId="ends-bottom"
          formatValue={formatValue}
          ofName={answer.of.name}
        />
      ) : null}
      <h3>{g.belowLineTitle}</h3>
      {below === null ? (
        <p className="muted small" data-testid="below-line-none">
          {g.noLine}
        </p>
      ) : (
        <div data-testid="below-line" data-count={below.count}>
          <p className="small">
            {g.belowLineSummary(
              below.lineUnit?.name ?? g.lineValue,
              formatValue(below.line),
              below.count,
              answer.measures.n,
            )}
          </p>
          {below.units.length > 0 ? (
            <ul className="below-list">
              {below.units.map((u) => (
                <li key={u.code} data-code={u.code}>
                  {u.name} <span className="muted">{formatValue(u.value)}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </div>
  );
}
