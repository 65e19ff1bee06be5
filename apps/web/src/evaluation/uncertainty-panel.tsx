import type { IndexRun } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import type { Messages } from '../i18n/messages';
import { formatNumber } from './format';

/** How many modelling choices the table lists; the rest are counted. */
const SHOWN = 8;
/** Width of the bar of the largest mean shift. */
const SHIFT_BAR_PX = 40;

type Factor = NonNullable<IndexRun['uncertainty']>['factors'][number];

function factorLabel(factor: Factor, e: Messages['evaluation'], names: ReadonlyMap<string, string>): string {
  switch (factor.factor) {
    case 'weights':
      return e.factorWeights(factor.option);
    case 'drop':
      return e.factorDrop(names.get(factor.option) ?? factor.option);
    case 'normalisation':
      return e.factorNormalisation(factor.option);
    case 'aggregation':
      return e.factorAggregation(factor.option);
    default:
      return `${factor.factor}: ${factor.option}`;
  }
}

/**
 * Which modelling choices move ranks most (JRC/OECD sensitivity analysis, computed by the run): mean and
 * largest rank shift per choice, largest first, and the joint Monte Carlo for comparison.
 */
export function UncertaintyPanel({ run }: { readonly run: IndexRun }) {
  const { t, language } = useI18n();
  const e = t.evaluation;
  const u = run.uncertainty;
  if (u === null) return <p className="muted">{e.intervalNone}</p>;
  const names = new Map(run.indicators.map((i) => [i.code, language === 'en' ? i.nameEn : i.nameZh]));
  const shown = u.factors.slice(0, SHOWN);
  // Bars are relative to the largest shift listed (factors come largest first).
  const maxShift = Math.max(shown[0]?.meanAbsShift ?? 0, u.joint.meanAbsShift, Number.EPSILON);
  return (
    <>
      <p className="muted small">{e.factorsIntro}</p>
      <table className="data-table factors-table" data-testid="factors-table">
        <thead>
          <tr>
            <th scope="col">{e.factorCol}</th>
            <th scope="col" className="num">
              {e.meanShift}
            </th>
            <th scope="col" className="num">
              {e.maxShift}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((f) => (
            <tr key={`${f.factor}:${f.option}`} data-factor={f.factor} data-option={f.option}>
              <td>{factorLabel(f, e, names)}</td>
              <td className="num">
                <span className="shift-bar-cell">
                  <span
                    className="shift-bar"
                    style={{ width: `${Math.round((f.meanAbsShift / maxShift) * SHIFT_BAR_PX)}px` }}
                  />
                  {formatNumber(f.meanAbsShift, 2)}
                </span>
              </td>
              <td className="num">{formatNumber(f.maxAbsShift, 0)}</td>
            </tr>
          ))}
          <tr className="joint-row">
            <td>{e.factorJoint}</td>
            <td className="num">
              <span className="shift-bar-cell">
                <span
                  className="shift-bar shift-bar-joint"
                  style={{ width: `${Math.round((u.joint.meanAbsShift / maxShift) * SHIFT_BAR_PX)}px` }}
                />
                {formatNumber(u.joint.meanAbsShift, 2)}
              </span>
            </td>
            <td className="num">{formatNumber(u.joint.maxAbsShift, 0)}</td>
          </tr>
        </tbody>
      </table>
      {u.factors.length > SHOWN ? (
        <p className="muted small">{e.factorsMore(u.factors.length - SHOWN)}</p>
      ) : null}
    </>
  );
}
