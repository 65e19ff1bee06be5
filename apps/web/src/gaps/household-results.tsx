import { useCallback, useMemo } from 'react';
import type { HouseholdFileMeasures } from '../api/types';
import { EChart } from '../charts/echart';
import { useI18n } from '../i18n/i18n-context';
import { decileOption } from './decile-option';
import { formatCount, formatIndex, formatRatio, formatShare, formatYuan } from './gaps-format';
import { lorenzOption } from './lorenz-option';
import { theilBars } from './regional-model';
import { TheilBars } from './theil-bars';

interface Figure {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly raw: number | null | undefined;
  readonly detail?: string;
}

/**
 * 收入差距 from a household file: the headline figures, the Lorenz curve, the decile shares, the Theil
 * decompositions, the Atkinson indices, and how each measure treats zero and negative incomes (which
 * households it leaves out).
 */
export function HouseholdResults({ result }: { readonly result: HouseholdFileMeasures }) {
  const { t } = useI18n();
  const g = t.gaps;
  const m = result.measures;
  const yuanLabel = t.evaluation.unitLabel('yuan');
  const yuan = useCallback((x: number | null | undefined) => `${formatYuan(x)} ${yuanLabel}`, [yuanLabel]);
  const theil = m.theil;
  const bars = useMemo(
    () =>
      theil === null
        ? []
        : theilBars(
            result.by.flatMap((by) => {
              const decomposition = theil.decompositions[by];
              return decomposition === undefined ? [] : [{ by, decomposition }];
            }),
          ),
    [theil, result.by],
  );
  const lorenz = useMemo(
    () =>
      m.lorenz === null
        ? null
        : lorenzOption(m.lorenz, {
            curve: g.lorenzCurve,
            equality: g.lorenzEquality,
            population: g.lorenzPopulation,
            income: g.lorenzIncome,
            formatShare,
          }),
    [m.lorenz, g],
  );
  const deciles = useMemo(
    () =>
      m.deciles === null
        ? null
        : decileOption(m.deciles, {
            group: g.decileGroup,
            share: g.decileShare,
            mean: g.decileMean,
            formatShare,
            formatMoney: yuan,
          }),
    [m.deciles, g, yuan],
  );
  const figures: Figure[] = [
    { id: 'households', label: g.households, value: formatCount(m.households), raw: m.households },
    { id: 'persons', label: g.persons, value: formatCount(m.persons), raw: m.persons },
    { id: 'mean', label: g.hhMean, value: yuan(m.mean), raw: m.mean },
    { id: 'median', label: g.hhMedian, value: yuan(m.median), raw: m.median },
    { id: 'gini', label: g.gini, value: formatIndex(m.gini), raw: m.gini },
    { id: 'theil-t', label: g.theilT, value: formatIndex(theil?.theilT), raw: theil?.theilT },
    { id: 'theil-l', label: g.theilL, value: formatIndex(theil?.theilL), raw: theil?.theilL },
    { id: 's80s20', label: g.s80s20, value: formatRatio(m.s80s20), raw: m.s80s20, detail: g.s80s20Detail },
    { id: 'palma', label: g.palma, value: formatRatio(m.palma), raw: m.palma, detail: g.palmaDetail },
    {
      id: 'middle',
      label: g.middleShare,
      value: formatShare(m.middleIncome.share),
      raw: m.middleIncome.share,
      detail: g.middleDetail(
        formatYuan(m.middleIncome.lower),
        formatYuan(m.middleIncome.upper),
        m.middleIncome.multiplier,
      ),
    },
    {
      id: 'low',
      label: g.lowShare,
      value: m.lowIncome === null ? '—' : formatShare(m.lowIncome.share),
      raw: m.lowIncome?.share,
      detail: m.lowIncome === null ? g.lowNone : g.lowDetail(formatYuan(m.lowIncome.line)),
    },
  ];

  return (
    <div className="household-results" data-testid="household-results" data-file={result.file}>
      <section className="panel">
        <h2>{g.resultsTitle(result.file)}</h2>
        <p className="muted small">
          {g.resultsMeta(
            formatCount(result.households),
            result.incomeColumn === 'per_capita_income' ? g.incomePerCapita : g.incomeHousehold,
          )}
        </p>
        <dl className="stat-grid gaps-stats" data-testid="household-headline">
          {figures.map((f) => (
            <div key={f.id} data-testid={`hh-${f.id}`} data-value={f.raw ?? ''}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
              {f.detail !== undefined ? <dd className="stat-detail">{f.detail}</dd> : null}
            </div>
          ))}
        </dl>
      </section>

      <div className="gaps-grid">
        <section className="panel" data-testid="lorenz-panel">
          <h2>{g.lorenzTitle}</h2>
          <p className="muted small">{g.lorenzIntro(formatIndex(m.gini))}</p>
          {lorenz !== null ? (
            <EChart
              option={lorenz}
              className="lorenz-chart"
              testId="lorenz-chart"
              ariaLabel={g.lorenzTitle}
              data={{ 'data-points': m.lorenz?.population.length }}
            />
          ) : (
            <p className="muted">{g.tooFewHouseholds}</p>
          )}
        </section>
        <section className="panel" data-testid="deciles-panel">
          <h2>{g.decilesTitle}</h2>
          <p className="muted small">{g.decilesIntro}</p>
          {deciles !== null ? (
            <EChart
              option={deciles}
              className="decile-chart"
              testId="decile-chart"
              ariaLabel={g.decilesTitle}
              data={{ 'data-groups': m.deciles?.share.length }}
            />
          ) : (
            <p className="muted">{g.tooFewHouseholds}</p>
          )}
        </section>
      </div>

      <section className="panel" data-testid="household-theil-panel">
        <h2>{g.theilTitle}</h2>
        <p className="muted small">{g.hhTheilIntro}</p>
        {bars.length > 0 ? (
          <TheilBars bars={bars} testId="household-theil" />
        ) : (
          <p className="muted">{g.theilNone}</p>
        )}
      </section>

      <section className="panel" data-testid="treatment-panel">
        <h2>{g.treatmentTitle}</h2>
        <div className="table-scroll">
          <table className="data-table treatment-table">
            <thead>
              <tr>
                <th scope="col">{g.colMeasure}</th>
                <th scope="col" className="num">
                  {g.colValue}
                </th>
                <th scope="col">{g.colTreatment}</th>
                <th scope="col" className="num">
                  {g.colExcludedHouseholds}
                </th>
                <th scope="col" className="num">
                  {g.colExcludedPersons}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr data-measure="gini">
                <th scope="row">{g.allHouseholdMeasures}</th>
                <td className="num">{formatIndex(m.gini)}</td>
                <td>{g.treatAll}</td>
                <td className="num">0</td>
                <td className="num">0</td>
              </tr>
              {theil !== null ? (
                <tr data-measure="theil" data-excluded={theil.excluded.households}>
                  <th scope="row">{g.theilBoth}</th>
                  <td className="num">
                    {formatIndex(theil.theilT)} / {formatIndex(theil.theilL)}
                  </td>
                  <td>{g.treatPositive}</td>
                  <td className="num">{formatCount(theil.excluded.households)}</td>
                  <td className="num">
                    {formatCount(theil.excluded.persons)}{' '}
                    <span className="muted small">({formatShare(theil.excluded.personShare)})</span>
                  </td>
                </tr>
              ) : null}
              {m.atkinson.map((a) => (
                <tr
                  key={a.epsilon}
                  data-measure={`atkinson-${a.epsilon}`}
                  data-excluded={a.excluded.households}
                >
                  <th scope="row">{g.atkinson(a.epsilon)}</th>
                  <td className="num">{formatIndex(a.value)}</td>
                  <td>{a.epsilon < 1 ? g.treatNonNegative : g.treatPositive}</td>
                  <td className="num">{formatCount(a.excluded.households)}</td>
                  <td className="num">
                    {formatCount(a.excluded.persons)}{' '}
                    <span className="muted small">({formatShare(a.excluded.personShare)})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted small" data-testid="treatment-note">
          {result.treatment}
        </p>
      </section>
    </div>
  );
}
