import type { GroupMember } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { sourceUrl } from './source-url';

interface MemberListProps {
  readonly members: readonly GroupMember[];
  readonly cityNames: ReadonlyMap<string, string>;
  readonly selectedCode: string | null;
  readonly onSelect: (code: string) => void;
}

/** Members of the group on the chosen date, with the dates of their membership; each selects its county. */
export function MemberList({ members, cityNames, selectedCode, onSelect }: MemberListProps) {
  const { t } = useI18n();
  if (members.length === 0) return <p className="muted">{t.divisions.noMembers}</p>;
  return (
    <ul className="member-list" data-testid="member-list">
      {members.map((unit) => {
        const city = unit.parentCode === null ? undefined : cityNames.get(unit.parentCode);
        const validity = [
          unit.memberFrom === null ? null : t.divisions.validSince(unit.memberFrom),
          unit.memberTo === null ? null : t.divisions.validUntil(unit.memberTo),
        ]
          .filter((part) => part !== null)
          .join(' ');
        const url = sourceUrl(unit.source);
        return (
          <li key={unit.code} data-code={unit.code}>
            <button
              type="button"
              className={unit.code === selectedCode ? 'member selected' : 'member'}
              aria-pressed={unit.code === selectedCode}
              onClick={() => onSelect(unit.code)}
            >
              <span className="member-name">{unit.name}</span>
              <span className="member-meta">
                {city !== undefined ? <span>{city}</span> : null}
                <code>{unit.code}</code>
              </span>
              {validity !== '' ? <span className="member-validity">{validity}</span> : null}
            </button>
            {url !== null ? (
              <a className="source-link" href={url} title={unit.source} target="_blank" rel="noreferrer">
                {t.divisions.source}
              </a>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
