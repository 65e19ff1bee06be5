import { useCallback } from 'react';
import { api } from '../api/client';
import { useRequest } from '../api/use-request';
import { useI18n } from '../i18n/i18n-context';
import { ErrorBanner } from '../shell/error-banner';

/** Towns (乡镇/街道) of the selected county, from GET /api/units/:code. */
export function TownPanel({ countyCode }: { readonly countyCode: string | null }) {
  const { t } = useI18n();
  const load = useCallback((signal: AbortSignal) => api.unit(countyCode ?? '', signal), [countyCode]);
  const county = useRequest(countyCode, load);
  const detail = county.loading ? undefined : county.data;

  return (
    <section
      className="panel town-panel"
      data-testid="town-list"
      data-code={countyCode ?? ''}
      aria-busy={county.loading}
      aria-live="polite"
    >
      <h2>{t.divisions.towns}</h2>
      {countyCode === null ? <p className="muted">{t.divisions.pickCounty}</p> : null}
      {county.loading ? <p className="muted">{t.common.loading}</p> : null}
      {county.error !== undefined ? <ErrorBanner error={county.error} onRetry={county.reload} /> : null}
      {detail !== undefined ? (
        <>
          <p className="town-heading" data-testid="town-heading">
            <strong>{t.divisions.townsOf(detail.name, detail.children.length)}</strong>
            <span className="muted">
              {' '}
              {t.divisions.code} {detail.code}
              {detail.parent !== null ? ` · ${t.divisions.parent} ${detail.parent.name}` : ''}
            </span>
          </p>
          {detail.children.length === 0 ? (
            <p className="muted">{t.divisions.noTowns}</p>
          ) : (
            <ul className="town-list">
              {detail.children.map((town) => (
                <li key={town.code} data-code={town.code} title={town.code}>
                  {town.name}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
