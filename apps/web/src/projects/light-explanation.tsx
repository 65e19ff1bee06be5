import type { LightExplanationDto } from '@suocha/contract';
import { useI18n } from '../i18n/i18n-context';
import { LightChip } from './light-chip';
import { explanationRows } from './lights-model';
import { useProjectsText } from './use-projects';

/** One light with its rule (id and sentence) and the numbers that produced it (METHODS.md §5). */
export function LightExplanation({ explanation }: { readonly explanation: LightExplanationDto }) {
  const p = useProjectsText();
  const { language } = useI18n();
  const rows = explanationRows(explanation, p.numberName);
  return (
    <div
      className="pj-explanation"
      data-testid={`light-${explanation.kind}`}
      data-light={explanation.light}
      data-rule={explanation.ruleId}
    >
      <h3>
        {p.lightKind(explanation.kind)} <LightChip light={explanation.light} />
      </h3>
      <p className="pj-explanation-text">{language === 'en' ? explanation.en : explanation.zh}</p>
      <p className="muted small">
        {p.lightRule}: <code>{explanation.ruleId}</code> · <code>{explanation.rulesId}</code>
        {explanation.plannedStart !== undefined ? ` · ${p.plannedStart} ${explanation.plannedStart}` : null}
      </p>
      {rows.length > 0 ? (
        <table className="data-table pj-numbers">
          <caption className="muted small">{p.lightNumbers}</caption>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-number={r.key}>
                <th scope="row">{r.label}</th>
                <td className="num">{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
