import type { Group, Indicator, RegionalGaps, UnitLevel } from '../api/types';
import { isIsoDate } from '../divisions/dates';
import { useI18n } from '../i18n/i18n-context';
import { periodOptions } from './regional-model';
import type { GapsUrlState, RegionalLevel } from './url-state';

/** A unit whose cities or counties can be compared. */
export interface ScopeUnit {
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
}

/** The indicators most asked about, offered first. */
export const COMMON_INDICATORS = ['resident_income', 'urban_income', 'rural_income'] as const;

interface RegionalControlsProps {
  readonly view: GapsUrlState;
  readonly onChange: (patch: Partial<GapsUrlState>) => void;
  readonly indicators: readonly Indicator[] | undefined;
  readonly scopes: readonly ScopeUnit[];
  readonly scope: ScopeUnit;
  readonly groups: readonly Group[] | undefined;
  /** The latest answer (its periods with their coverage, the date it used). */
  readonly answer: RegionalGaps | undefined;
}

/**
 * Indicator, scope, level, group, date and period of the regional comparison. Changing what is compared
 * resets the period, whose list (with "有数据 n/N" each) comes from the answer.
 */
export function RegionalControls({
  view,
  onChange,
  indicators,
  scopes,
  scope,
  groups,
  answer,
}: RegionalControlsProps) {
  const { t, language } = useI18n();
  const g = t.gaps;
  const nameOf = (i: Indicator) => (language === 'en' ? i.nameEn : i.nameZh);
  const common = COMMON_INDICATORS.map((code) => indicators?.find((i) => i.code === code)).filter(
    (i): i is Indicator => i !== undefined,
  );
  const others = (indicators ?? []).filter((i) => !(COMMON_INDICATORS as readonly string[]).includes(i.code));
  const known = indicators?.some((i) => i.code === view.indicator) ?? false;
  const cityLevelAllowed = scope.level === 'province';
  const level: RegionalLevel = cityLevelAllowed ? view.level : 'county';
  const periods = answer === undefined ? [] : periodOptions(answer);
  const periodListed = view.period === null || periods.some((p) => p.period === view.period);

  return (
    <div className="controls gaps-controls">
      <label className="field indicator-field">
        <span>{g.indicator}</span>
        <select
          data-testid="indicator-select"
          value={view.indicator}
          onChange={(event) => onChange({ indicator: event.target.value, period: null })}
        >
          {!known ? <option value={view.indicator}>{view.indicator}</option> : null}
          {common.length > 0 ? (
            <optgroup label={g.commonIndicators}>
              {common.map((i) => (
                <option key={i.code} value={i.code}>
                  {nameOf(i)}
                </option>
              ))}
            </optgroup>
          ) : null}
          {others.length > 0 ? (
            <optgroup label={g.allIndicators}>
              {others.map((i) => (
                <option key={i.code} value={i.code}>
                  {nameOf(i)}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      <label className="field">
        <span>{g.scope}</span>
        <select
          data-testid="scope-select"
          value={scope.code}
          disabled={scopes.length < 2}
          onChange={(event) => onChange({ scope: event.target.value, period: null })}
        >
          {scopes.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <span id="gaps-level-label">{g.level}</span>
        <div
          className="segmented"
          role="radiogroup"
          aria-labelledby="gaps-level-label"
          data-testid="level-picker"
        >
          {(['city', 'county'] as const).map((value) => (
            <label
              key={value}
              className={level === value ? 'selected' : undefined}
              data-testid={`level-${value}`}
            >
              <input
                type="radio"
                name="gaps-level"
                value={value}
                checked={level === value}
                disabled={value === 'city' && !cityLevelAllowed}
                onChange={() => onChange({ level: value, period: null })}
              />
              {value === 'city' ? g.levelCity : g.levelCounty}
            </label>
          ))}
        </div>
      </div>
      <label className="field">
        <span>{g.group}</span>
        <select
          data-testid="group-select"
          value={view.group ?? ''}
          disabled={level !== 'county'}
          title={level !== 'county' ? g.groupCountiesOnly : undefined}
          onChange={(event) => onChange({ group: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">{g.groupNone}</option>
          {view.group !== null && !(groups ?? []).some((x) => x.code === view.group) ? (
            <option value={view.group}>{view.group}</option>
          ) : null}
          {(groups ?? []).map((x) => (
            <option key={x.code} value={x.code}>
              {language === 'en' ? x.nameEn : x.nameZh}
            </option>
          ))}
        </select>
      </label>
      <label className="field date-field">
        <span>{g.asOf}</span>
        <input
          type="date"
          data-testid="asof-input"
          value={view.asOf ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            if (value === '') onChange({ asOf: null });
            else if (isIsoDate(value)) onChange({ asOf: value });
          }}
        />
      </label>
      <label className="field period-field">
        <span>{g.period}</span>
        <select
          data-testid="period-select"
          value={view.period ?? ''}
          onChange={(event) => onChange({ period: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">{g.periodAuto}</option>
          {!periodListed && view.period !== null ? <option value={view.period}>{view.period}</option> : null}
          {periods.map((p) => (
            <option key={p.period} value={p.period}>
              {g.periodOption(p.period, p.units, p.total)}
            </option>
          ))}
        </select>
      </label>
      {level !== 'county' ? <p className="muted small controls-hint">{g.groupCountiesOnly}</p> : null}
    </div>
  );
}
