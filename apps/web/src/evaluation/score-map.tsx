import { useCallback, useMemo } from 'react';
import type { CountyCollection, LeagueRow } from '../api/types';
import { EChart } from '../charts/echart';
import { registerMap } from '../charts/echarts-setup';
import { regionsOf } from '../divisions/map-model';
import { MAP_NAME } from '../divisions/map-option';
import { useI18n } from '../i18n/i18n-context';
import { formatScore, formatShare } from './format';
import {
  NO_DATA_FILL,
  OUTSIDE_FILL,
  SCORE_COLOURS,
  buildScoreMapModel,
  scoreMapOption,
} from './score-map-option';
import type { ScoreMapLabels } from './score-map-option';

// Registering parses nothing, but re-registering drops ECharts' parsed copy: do it once per collection.
let registered: CountyCollection | null = null;

interface ScoreMapProps {
  readonly geo: CountyCollection;
  readonly rows: readonly LeagueRow[];
  /** Codes the league table's filter keeps; null = all. */
  readonly visible: ReadonlySet<string> | null;
  readonly onOpen: (code: string) => void;
}

/**
 * The county map coloured by score. Counties without a score are grey and hatched, counties below the
 * coverage threshold are dotted over their colour; the legend names both. The container's `data-`
 * attributes say what is drawn (a canvas cannot be inspected).
 */
export function ScoreMap({ geo, rows, visible, onOpen }: ScoreMapProps) {
  const { t } = useI18n();
  const e = t.evaluation;
  const regions = useMemo(() => regionsOf(geo), [geo]);
  const model = useMemo(() => buildScoreMapModel(regions, rows, visible), [regions, rows, visible]);
  const labels = useMemo<ScoreMapLabels>(
    () => ({
      high: e.mapHigh,
      low: e.mapLow,
      score: e.tooltipScore,
      rank: e.tooltipRank,
      notRanked: e.tooltipNotRanked,
      noData: e.tooltipNoData,
      outside: e.tooltipOutside,
      formatScore,
      formatShare,
    }),
    [e],
  );
  const option = useMemo(() => scoreMapOption(model, labels), [model, labels]);
  const prepare = useCallback(() => {
    if (registered === geo) return;
    registerMap(MAP_NAME, geo);
    registered = geo;
  }, [geo]);
  const open = useCallback(
    (code: string) => {
      if (rows.some((row) => row.unitCode === code)) onOpen(code);
    },
    [rows, onOpen],
  );

  return (
    <>
      <ul className="legend" data-testid="score-legend">
        <li>
          <span
            className="swatch swatch-gradient"
            style={{ background: `linear-gradient(90deg, ${SCORE_COLOURS.join(', ')})` }}
          />
          {e.legendScore}
        </li>
        <li>
          <span className="swatch swatch-dots" style={{ backgroundColor: SCORE_COLOURS[2] }} />
          {e.legendBelow}
        </li>
        <li data-testid="legend-no-data">
          <span className="swatch swatch-hatched" style={{ backgroundColor: NO_DATA_FILL }} />
          {e.legendNoData}
        </li>
        {visible !== null ? (
          <li>
            <span className="swatch" style={{ background: OUTSIDE_FILL }} />
            {e.legendOutside}
          </li>
        ) : null}
      </ul>
      <EChart
        option={option}
        prepare={prepare}
        onItemClick={open}
        className="county-map score-map"
        testId="score-map"
        ariaLabel={`${e.mapTitle}: ${e.legendScore}`}
        data={{
          'data-coloured-count': model.colouredCodes.length,
          'data-coloured-codes': model.colouredCodes.join(','),
          'data-no-data-count': model.noDataCodes.length,
          'data-below-coverage-codes': model.belowCoverageCodes.join(','),
          'data-min': model.range?.min,
          'data-max': model.range?.max,
        }}
      />
      <p className="muted small">{e.mapHint}</p>
    </>
  );
}
