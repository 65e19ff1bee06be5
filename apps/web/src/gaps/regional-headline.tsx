import type { ReactNode } from 'react';
import type { RegionalGaps } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { formatIndex, formatRatio, formatShare } from './gaps-format';

interface StatProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly raw: number | null | undefined;
  readonly children?: ReactNode;
}

function Stat({ id, label, value, raw, children }: StatProps) {
  return (
    <div data-testid={`stat-${id}`} data-value={raw ?? ''}>
      <dt>{label}</dt>
      <dd>{value}</dd>
      {children !== undefined ? <dd className="stat-detail">{children}</dd> : null}
    </div>
  );
}

/**
 * The headline figures of a regional answer: the max/min ratio with the units at both ends, the mean and
 * the parent's value, the group's ratio to the parent, CV and Williamson CV, Theil T and L, and how many
 * units lie below the national value.
 */
export function RegionalHeadline({
  answer,
  formatValue,
}: {
  readonly answer: RegionalGaps;
  readonly formatValue: (x: number | null | undefined) => string;
}) {
  const { t, language } = useI18n();
  const g = t.gaps;
  const m = answer.measures;
  const weighted = answer.weights.kind === 'population';
  const groupName =
    answer.group === null ? null : language === 'en' ? answer.group.nameEn : answer.group.nameZh;
  const names = (list: readonly { readonly name: string }[]) => list.map((u) => u.name).join('、');

  return (
    <dl className="stat-grid gaps-stats" data-testid="regional-headline">
      <Stat id="max-min" label={g.maxMin} value={formatRatio(m.maxMin?.ratio)} raw={m.maxMin?.ratio}>
        {m.maxMin !== null ? (
          <>
            <span data-testid="max-min-highest">{names(m.maxMin.highest)}</span> {formatValue(m.maxMin.max)}
            {' / '}
            <span data-testid="max-min-lowest">{names(m.maxMin.lowest)}</span> {formatValue(m.maxMin.min)}
          </>
        ) : (
          g.tooFewUnits
        )}
      </Stat>
      <Stat
        id="mean"
        label={weighted ? g.meanWeighted : g.meanEqual}
        value={formatValue(m.mean)}
        raw={m.mean}
      >
        {g.parentValue(answer.parent.name, formatValue(answer.parent.value))}
      </Stat>
      <Stat
        id="group-ratio"
        label={groupName === null ? g.groupRatioNone : g.groupRatio(groupName, answer.parent.name)}
        value={formatRatio(m.groupRatio?.ratioToParent)}
        raw={m.groupRatio?.ratioToParent}
      >
        {m.groupRatio !== null && answer.group !== null
          ? g.groupRatioDetail(
              m.groupRatio.units,
              answer.group.members,
              formatValue(m.groupRatio.groupMean),
            ) +
            // Without the parent's own value the ratio to the other units is the comparison there is.
            (m.groupRatio.ratioToParent === null
              ? g.groupRatioToRest(answer.parent.name, formatRatio(m.groupRatio.ratioToRest))
              : '')
          : answer.group !== null
            ? g.groupRatioMissing
            : g.groupRatioHint}
      </Stat>
      <Stat id="cv" label={g.cv} value={formatIndex(m.cv?.cv)} raw={m.cv?.cv}>
        {g.cvDetail}
      </Stat>
      <Stat
        id="williamson"
        label={g.williamson}
        value={formatIndex(m.williamsonCv?.cv)}
        raw={m.williamsonCv?.cv}
      >
        {weighted ? g.williamsonDetail : g.equalWeightsDetail}
      </Stat>
      <Stat
        id="theil-t"
        label={g.theilT}
        value={formatIndex(m.theil?.theilT.total)}
        raw={m.theil?.theilT.total}
      >
        {g.theilTDetail}
      </Stat>
      <Stat
        id="theil-l"
        label={g.theilL}
        value={formatIndex(m.theil?.theilL.total)}
        raw={m.theil?.theilL.total}
      >
        {g.theilLDetail}
      </Stat>
      <Stat
        id="below-line"
        label={g.belowLineTitle}
        value={m.belowLine === null ? '—' : g.unitsCount(m.belowLine.count)}
        raw={m.belowLine?.count}
      >
        {m.belowLine === null
          ? g.noLine
          : g.belowLineDetail(
              m.belowLine.lineUnit?.name ?? g.lineValue,
              formatValue(m.belowLine.line),
              formatShare(m.belowLine.populationShare),
            )}
      </Stat>
    </dl>
  );
}
