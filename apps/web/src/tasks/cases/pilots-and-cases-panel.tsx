import { useCallback, useState, type FormEvent } from 'react';
import type { PilotDto } from '@suocha/contract';
import { useRequest } from '../../api/use-request';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorBanner } from '../../shell/error-banner';
import { caseSearchQuery, casesApi, type CaseSearchParams } from './cases-api';
import { casesMessages } from './cases-messages';
import { CaseView } from './case-view';
import { Highlighted } from './highlighted';
import { PilotsList } from './pilots-list';
import './cases.css';

const PAGE = 20;

/**
 * 试点与案例 (issue 8 §3): the pilots, and the case library searched in Chinese with the matches
 * highlighted; a case opens with its full text. Mounted by the tasks page under its own tab; a link to one
 * case (/tasks/case/<id>) can pass its id as `initialCaseId`.
 */
export function PilotsAndCasesPanel({
  initialCaseId = null,
}: { readonly initialCaseId?: number | null } = {}) {
  const { language, t } = useI18n();
  const m = casesMessages(language);
  const [draft, setDraft] = useState('');
  const [params, setParams] = useState<CaseSearchParams>({ q: '', pilot: null, limit: PAGE });
  const [pilotName, setPilotName] = useState<string | null>(null);
  const [openCase, setOpenCase] = useState<number | null>(initialCaseId);

  const loadPilots = useCallback((signal: AbortSignal) => casesApi.pilots(signal), []);
  const pilots = useRequest('pilots', loadPilots);
  const loadCases = useCallback((signal: AbortSignal) => casesApi.search(params, signal), [params]);
  const cases = useRequest(`cases:${caseSearchQuery(params)}`, loadCases);
  const result = cases.loading ? undefined : cases.data;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setOpenCase(null);
    setParams((p) => ({ ...p, q: draft, limit: PAGE }));
  };
  const choosePilot = (p: PilotDto | null) => {
    setOpenCase(null);
    setPilotName(p?.name ?? null);
    setParams((prev) => ({ ...prev, pilot: p?.code ?? null, limit: PAGE }));
  };

  return (
    <div className="pilots-cases" data-testid="pilots-and-cases">
      <section className="panel pilots-panel" aria-busy={pilots.loading}>
        <h2>{m.pilotsTitle}</h2>
        <p className="muted small">{m.pilotsIntro}</p>
        {pilots.error !== undefined ? <ErrorBanner error={pilots.error} onRetry={pilots.reload} /> : null}
        {pilots.loading ? <p className="muted">{t.common.loading}</p> : null}
        {pilots.data !== undefined ? (
          <PilotsList pilots={pilots.data.items} selected={params.pilot} onSelect={choosePilot} m={m} />
        ) : null}
      </section>

      <section
        className="panel cases-panel"
        aria-busy={cases.loading}
        data-state={cases.loading ? 'loading' : 'ready'}
      >
        <h2>{m.casesTitle}</h2>
        <form className="case-search" role="search" onSubmit={submit}>
          <label className="visually-hidden" htmlFor="case-search-input">
            {m.searchLabel}
          </label>
          <input
            id="case-search-input"
            data-testid="case-search-input"
            type="search"
            value={draft}
            placeholder={m.searchPlaceholder}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" data-testid="case-search-submit">
            {m.searchButton}
          </button>
        </form>
        {params.pilot !== null ? (
          <p className="case-filter">
            <span className="chip" data-testid="case-pilot-filter">
              {m.filterPilot(pilotName ?? params.pilot)}
            </span>
            <button type="button" className="link-button" onClick={() => choosePilot(null)}>
              {m.clear}
            </button>
          </p>
        ) : null}
        {cases.error !== undefined ? <ErrorBanner error={cases.error} onRetry={cases.reload} /> : null}
        {openCase !== null ? (
          <CaseView id={openCase} terms={result?.terms ?? []} onBack={() => setOpenCase(null)} m={m} />
        ) : (
          <>
            {cases.loading ? <p className="muted">{t.common.loading}</p> : null}
            {result !== undefined ? (
              <>
                <p className="muted small" data-testid="case-result-count" data-total={result.total}>
                  {m.resultCount(result.total, result.terms)}
                </p>
                {result.items.length === 0 ? <p className="muted">{m.noResults}</p> : null}
                <ol className="case-hits">
                  {result.items.map((h) => (
                    <li
                      key={h.id}
                      className="case-hit"
                      data-testid="case-hit"
                      data-id={h.id}
                      data-score={h.score}
                    >
                      <button type="button" className="case-hit-title" onClick={() => setOpenCase(h.id)}>
                        <Highlighted text={h.title} ranges={h.highlights.title} />
                      </button>
                      <div className="case-hit-meta small muted">
                        {h.unitName}
                        {h.pilotName !== null ? ` · ${h.pilotName}` : ''}
                        {h.tags.map((tag) => (
                          <span key={tag} className="chip">
                            {tag}
                          </span>
                        ))}
                      </div>
                      <p className="case-hit-summary">
                        <Highlighted text={h.summary} ranges={h.highlights.summary} />
                      </p>
                      <p className="case-hit-snippet small" data-testid="case-hit-snippet">
                        <Highlighted text={h.snippet} ranges={h.highlights.snippet} />
                      </p>
                    </li>
                  ))}
                </ol>
                {result.total > result.items.length ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setParams((p) => ({ ...p, limit: Math.min(100, p.limit + PAGE) }))}
                  >
                    {m.more}
                  </button>
                ) : null}
              </>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
