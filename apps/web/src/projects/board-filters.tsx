import type { DepartmentDto, ProjectCategoryDto } from '@suocha/contract';
import { useI18n } from '../i18n/i18n-context';
import { LIGHT_FILTERS, STAGE_FILTERS, hasFilters } from './board-url';
import type { BoardFilters } from './board-url';
import { useProjectsText } from './use-projects';

export interface UnitOption {
  readonly code: string;
  readonly name: string;
}

interface BoardFiltersProps {
  readonly filters: BoardFilters;
  /** The month the board judged (the server's default when none is chosen). */
  readonly month: string;
  readonly units: readonly UnitOption[];
  readonly categories: readonly ProjectCategoryDto[];
  readonly departments: readonly DepartmentDto[];
  readonly onChange: (key: keyof BoardFilters, value: string) => void;
  readonly onClear: () => void;
}

/** Filters of the board: month, area, category, department, stage, light and free text. */
export function BoardFiltersBar(props: BoardFiltersProps) {
  const { filters, month, units, categories, departments, onChange, onClear } = props;
  const p = useProjectsText();
  const { language } = useI18n();
  const select = (
    key: keyof BoardFilters,
    label: string,
    options: readonly { value: string; label: string }[],
    allLabel: string = p.all,
  ) => (
    <label className="field">
      <span>{label}</span>
      <select
        data-testid={`filter-${key}`}
        value={filters[key] ?? ''}
        onChange={(event) => onChange(key, event.target.value)}
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const [root, ...rest] = units;
  return (
    <div className="controls compact pj-filters" role="search" aria-label={p.filters}>
      <label className="field" title={p.monthHint}>
        <span>{p.month}</span>
        <input
          type="month"
          data-testid="filter-month"
          value={filters.month ?? month}
          onChange={(event) => onChange('month', event.target.value)}
        />
      </label>
      {select(
        'unit',
        p.unit,
        rest.map((u) => ({ value: u.code, label: u.name })),
        root === undefined ? p.all : p.unitAll(root.name),
      )}
      {select(
        'category',
        p.category,
        categories.map((c) => ({ value: c.code, label: language === 'en' ? c.nameEn : c.nameZh })),
      )}
      {select(
        'department',
        p.department,
        departments.map((d) => ({ value: d.code, label: language === 'en' ? d.nameEn : d.nameZh })),
      )}
      {select(
        'stage',
        p.stage,
        STAGE_FILTERS.map((s) => ({ value: s, label: p.stageName(s) })),
      )}
      {select(
        'light',
        p.light,
        LIGHT_FILTERS.map((l) => ({ value: l, label: p.lightName(l) })),
      )}
      <label className="field">
        <span>{p.search}</span>
        <input
          key={filters.q ?? ''}
          type="search"
          data-testid="filter-q"
          defaultValue={filters.q ?? ''}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onChange('q', event.currentTarget.value.trim());
          }}
          onBlur={(event) => onChange('q', event.currentTarget.value.trim())}
        />
      </label>
      {hasFilters(filters) ? (
        <button type="button" className="pj-clear" data-testid="filter-clear" onClick={onClear}>
          {p.clearFilters}
        </button>
      ) : null}
    </div>
  );
}
