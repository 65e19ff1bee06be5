import type { RollupRowDto } from '@suocha/contract';
import { lightSegments } from './lights-model';
import { useProjectsText } from './use-projects';

/** Projects of a group at each light: counts as text, shares as a stacked bar. */
export function LightBar({ lights }: { readonly lights: RollupRowDto['lights'] }) {
  const p = useProjectsText();
  const segments = lightSegments(lights);
  return (
    <div className="pj-light-bar-cell">
      <span className="pj-light-counts">
        {segments.map((s, i) => (
          <span
            key={s.light}
            className={`pj-count-${s.light}`}
            data-light={s.light}
            title={p.lightName(s.light)}
          >
            {i > 0 ? ' / ' : ''}
            {s.count}
          </span>
        ))}
      </span>
      <span className="pj-light-bar" aria-hidden="true">
        {segments.map((s) =>
          s.share > 0 ? (
            <span
              key={s.light}
              className={`pj-seg pj-seg-${s.light}`}
              style={{ width: `${s.share * 100}%` }}
            />
          ) : null,
        )}
      </span>
    </div>
  );
}
