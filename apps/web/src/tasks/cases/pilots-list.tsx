import type { PilotDto } from '@suocha/contract';
import type { CasesMessages } from './cases-messages';

/** The pilots with kind, status, theme, units and source; picking one filters the case list. */
export function PilotsList({
  pilots,
  selected,
  onSelect,
  m,
}: {
  readonly pilots: readonly PilotDto[];
  readonly selected: string | null;
  readonly onSelect: (pilot: PilotDto) => void;
  readonly m: CasesMessages;
}) {
  if (pilots.length === 0) return <p className="muted">{m.noPilots}</p>;
  return (
    <ul className="pilot-list">
      {pilots.map((p) => (
        <li
          key={p.code}
          className={`pilot-item${selected === p.code ? ' selected' : ''}`}
          data-testid="pilot-item"
          data-code={p.code}
          data-kind={p.kind}
        >
          <div className="pilot-head">
            <span
              className={`badge pilot-kind pilot-kind-${p.kind === '全域综合试点' ? 'comprehensive' : 'special'}`}
            >
              {m.kind(p.kind)}
            </span>
            <span className="pilot-status">{m.status(p.status)}</span>
          </div>
          <h3 className="pilot-name">{p.name}</h3>
          <dl className="pilot-facts small">
            <dt>{m.theme}</dt>
            <dd>{p.theme}</dd>
            <dt>{m.units}</dt>
            <dd data-testid="pilot-units">
              {p.units.length > 0 ? p.units.map((u) => u.name).join('、') : p.unitsNote || '—'}
            </dd>
            <dt>{m.startDate}</dt>
            <dd>{p.startDate ?? m.noStartDate}</dd>
            <dt>{m.source}</dt>
            <dd className="pilot-source">{p.source}</dd>
          </dl>
          <button
            type="button"
            className="link-button"
            onClick={() => onSelect(p)}
            data-testid="pilot-show-cases"
          >
            {m.showCases} · {m.caseCount(p.caseCount)}
          </button>
        </li>
      ))}
    </ul>
  );
}
