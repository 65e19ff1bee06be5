import type { RegionalGaps } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { formatCount } from './gaps-format';
import { unitsByData } from './regional-model';

const isLink = (source: string) => /^https?:\/\//.test(source);

/**
 * Every unit of the set with its value, population and source; units without a value for the period are
 * listed too, greyed, saying so (a gap in the data is shown, never filled).
 */
export function UnitsTable({
  answer,
  formatValue,
}: {
  readonly answer: RegionalGaps;
  readonly formatValue: (x: number | null) => string;
}) {
  const { t } = useI18n();
  const g = t.gaps;
  const rows = unitsByData(answer.units);
  const withGroup = answer.group !== null;
  return (
    <div className="units-scroll">
      <table className="data-table units-table" data-testid="units-table">
        <thead>
          <tr>
            <th scope="col">{g.colUnit}</th>
            <th scope="col">{g.colParent}</th>
            <th scope="col" className="num">
              {g.colValue}
            </th>
            <th scope="col" className="num">
              {g.colPopulation}
            </th>
            {withGroup ? <th scope="col">{g.colMember}</th> : null}
            <th scope="col">{g.colSource}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr
              key={u.code}
              data-code={u.code}
              data-has-value={u.value !== null}
              className={u.value === null ? 'no-data' : undefined}
            >
              <th scope="row">
                {u.name}
                {u.synthetic ? <span className="synthetic-tag">{t.evaluation.syntheticTag}</span> : null}
              </th>
              <td>{u.parentName ?? '—'}</td>
              <td className="num">{u.value === null ? g.noData : formatValue(u.value)}</td>
              <td className="num">
                {u.population === null ? '—' : formatCount(u.population)}
                {u.populationPeriod !== null ? (
                  <span className="muted small"> ({u.populationPeriod})</span>
                ) : null}
              </td>
              {withGroup ? <td>{u.inGroup ? g.memberBadge : ''}</td> : null}
              <td className="small source-cell">
                {u.source === null ? (
                  '—'
                ) : isLink(u.source) ? (
                  <a href={u.source} target="_blank" rel="noreferrer noopener">
                    {g.sourceLink}
                  </a>
                ) : (
                  u.source
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
