import { useCallback } from 'react';
import { useRequest } from '../../api/use-request';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorBanner } from '../../shell/error-banner';
import { casesApi } from './cases-api';
import type { CasesMessages } from './cases-messages';
import { Highlighted } from './highlighted';
import { termRanges } from './highlight-segments';

/** One case with its full text; the terms of the search it was opened from stay highlighted. */
export function CaseView({
  id,
  terms,
  onBack,
  m,
}: {
  readonly id: number;
  readonly terms: readonly string[];
  readonly onBack: () => void;
  readonly m: CasesMessages;
}) {
  const { t } = useI18n();
  const load = useCallback((signal: AbortSignal) => casesApi.getCase(id, signal), [id]);
  const c = useRequest(`case:${id}`, load);
  const data = c.loading ? undefined : c.data;
  return (
    <article className="case-view" data-testid="case-view" data-id={id}>
      <button type="button" className="link-button" onClick={onBack} data-testid="case-back">
        ← {m.back}
      </button>
      {c.error !== undefined ? <ErrorBanner error={c.error} onRetry={c.reload} /> : null}
      {c.loading ? <p className="muted">{t.common.loading}</p> : null}
      {data !== undefined ? (
        <>
          <h3 data-testid="case-view-title">
            <Highlighted text={data.title} ranges={termRanges(data.title, terms)} />
          </h3>
          <dl className="case-facts small">
            <dt>{m.unit}</dt>
            <dd>{data.unitName}</dd>
            {data.pilotName !== null ? (
              <>
                <dt>{m.pilot}</dt>
                <dd>{data.pilotName}</dd>
              </>
            ) : null}
            <dt>{m.tags}</dt>
            <dd>
              {data.tags.map((tag) => (
                <span key={tag} className="chip">
                  {tag}
                </span>
              ))}
            </dd>
            <dt>{m.source}</dt>
            <dd>{data.source || '—'}</dd>
            <dt>{m.updated}</dt>
            <dd>{data.updatedAt.slice(0, 10)}</dd>
          </dl>
          <h4>{m.summary}</h4>
          <p className="case-summary">
            <Highlighted text={data.summary} ranges={termRanges(data.summary, terms)} />
          </p>
          <h4>{m.fullText}</h4>
          <div className="case-body" data-testid="case-view-body">
            {data.body.split(/\n+/).map((para, i) => (
              <p key={i}>
                <Highlighted text={para} ranges={termRanges(para, terms)} />
              </p>
            ))}
          </div>
        </>
      ) : null}
    </article>
  );
}
