import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { useI18n } from '../i18n/i18n-context';
import { replaceSearch } from '../router/location';
import { GapTargetsPanel } from './gap-targets-panel';
import { HouseholdsTab } from './households-tab';
import { RegionalTab } from './regional-tab';
import { readGapsUrlState, writeGapsUrlState } from './url-state';
import type { GapsTab, GapsUrlState } from './url-state';
import '../evaluation/evaluation.css';
import './gaps.css';

const TABS: readonly GapsTab[] = ['regional', 'households'];

/**
 * 三大差距: the three gaps with their targets, then two tabs — 地区差距 from stored values (any indicator,
 * cities or counties, a map, both ends, Theil decompositions, urban-rural) and 收入差距 from an uploaded
 * household file (Lorenz curve, Gini, Theil, Atkinson, S80/S20, Palma, deciles). A tab, once opened,
 * stays mounted so that switching back keeps an analysis and its progress.
 */
export function GapsPage() {
  const { t } = useI18n();
  const g = t.gaps;
  const { state } = useAuth();
  const initial = useMemo(() => readGapsUrlState(window.location.search), []);
  const [view, setView] = useState<GapsUrlState>(initial);
  const [opened, setOpened] = useState<ReadonlySet<GapsTab>>(() => new Set([initial.tab]));

  useEffect(() => {
    replaceSearch(writeGapsUrlState(view));
  }, [view]);

  const onChange = useCallback((patch: Partial<GapsUrlState>) => setView((v) => ({ ...v, ...patch })), []);
  const openTab = (tab: GapsTab) => {
    setOpened((current) => (current.has(tab) ? current : new Set([...current, tab])));
    onChange({ tab });
  };

  if (state.status !== 'ready') return null;
  const home = state.me.user.scopeUnit;

  return (
    <div className="gaps" data-testid="gaps-page" data-tab={view.tab}>
      <section className="panel">
        <h1>{g.title}</h1>
        <p className="muted">{g.intro}</p>
        <div className="tabs" role="tablist" aria-label={g.tabsLabel}>
          {TABS.map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              id={`gaps-tab-${tab}`}
              aria-selected={view.tab === tab}
              aria-controls={`gaps-panel-${tab}`}
              className="tab"
              data-testid={`tab-${tab}`}
              onClick={() => openTab(tab)}
            >
              {tab === 'regional' ? g.tabRegional : g.tabHouseholds}
            </button>
          ))}
        </div>
      </section>
      <GapTargetsPanel unit={home.code} />
      {TABS.map((tab) =>
        opened.has(tab) ? (
          <div
            key={tab}
            role="tabpanel"
            id={`gaps-panel-${tab}`}
            aria-labelledby={`gaps-tab-${tab}`}
            hidden={view.tab !== tab}
          >
            {tab === 'regional' ? (
              <RegionalTab view={view} onChange={onChange} home={home} />
            ) : (
              <HouseholdsTab />
            )}
          </div>
        ) : null,
      )}
    </div>
  );
}
