import type { RegionalGaps } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { formatRatio, formatShare, formatYuan } from './gaps-format';

/**
 * 城乡差距 per unit: urban and rural per-capita income, their ratio and difference, the urban share of
 * residents, and the share of inequality across the units' urban and rural residents that lies between
 * town and country (Theil between-area part ÷ total). Units lacking one of the two values are named.
 */
export function UrbanRuralPanel({ answer }: { readonly answer: RegionalGaps }) {
  const { t } = useI18n();
  const g = t.gaps;
  const ur = answer.urbanRural;
  const names = (list: readonly { readonly name: string }[]) => list.map((u) => u.name).join('、');
  return (
    <section className="panel" data-testid="urban-rural-panel" data-units={ur.units.length}>
      <h2>
        {g.urbanRuralTitle} · {ur.period}
      </h2>
      <p className="muted small">{g.urbanRuralIntro}</p>
      {ur.inequality !== null ? (
        <p
          className="urban-rural-share"
          data-testid="urban-rural-share"
          data-share-t={ur.inequality.urbanRuralShareT ?? ''}
        >
          {g.urbanRuralShare(
            formatShare(ur.inequality.urbanRuralShareT),
            formatShare(ur.inequality.urbanRuralShareL),
            ur.inequality.units.length,
          )}
        </p>
      ) : null}
      {ur.highestRatio.length > 0 && ur.lowestRatio.length > 0 && ur.units.length > 1 ? (
        <p className="small">
          {g.urbanRuralEnds(
            names(ur.highestRatio),
            formatRatio(ur.highestRatio[0]?.ratio),
            names(ur.lowestRatio),
            formatRatio(ur.lowestRatio[0]?.ratio),
          )}
        </p>
      ) : null}
      {ur.units.length === 0 && ur.parent === null ? (
        <p className="muted">{g.urbanRuralNone}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table urban-rural-table" data-testid="urban-rural-table">
            <thead>
              <tr>
                <th scope="col">{g.colUnit}</th>
                <th scope="col" className="num">
                  {g.colUrban}
                </th>
                <th scope="col" className="num">
                  {g.colRural}
                </th>
                <th scope="col" className="num">
                  {g.colRatio}
                </th>
                <th scope="col" className="num">
                  {g.colDifference}
                </th>
                <th scope="col" className="num">
                  {g.colUrbanShare}
                </th>
              </tr>
            </thead>
            <tbody>
              {ur.parent !== null ? (
                <tr className="parent-row" data-code={ur.parent.code}>
                  <th scope="row">{ur.parent.name}</th>
                  <td className="num">{formatYuan(ur.parent.urban)}</td>
                  <td className="num">{formatYuan(ur.parent.rural)}</td>
                  <td className="num">{formatRatio(ur.parent.ratio)}</td>
                  <td className="num">{formatYuan(ur.parent.difference)}</td>
                  <td className="num">—</td>
                </tr>
              ) : null}
              {ur.units.map((u) => (
                <tr key={u.code} data-code={u.code} data-ratio={u.ratio}>
                  <th scope="row">{u.name}</th>
                  <td className="num">{formatYuan(u.urban)}</td>
                  <td className="num">{formatYuan(u.rural)}</td>
                  <td className="num">{formatRatio(u.ratio)}</td>
                  <td className="num">{formatYuan(u.difference)}</td>
                  <td className="num">{formatShare(u.theil?.urbanPopulationShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ur.missing.length > 0 ? (
        <p className="muted small" data-testid="urban-rural-missing" data-count={ur.missing.length}>
          {g.urbanRuralMissing(ur.missing.length, names(ur.missing.slice(0, 12)), ur.missing.length > 12)}
        </p>
      ) : null}
    </section>
  );
}
