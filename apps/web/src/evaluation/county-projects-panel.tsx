import { useCallback, useMemo } from 'react';
import { useRequest } from '../api/use-request';
import { useI18n } from '../i18n/i18n-context';
import { LightChip } from '../projects/light-chip';
import { formatGapPoints, formatWan } from '../projects/projects-format';
import { useProjectsApi, useProjectsText } from '../projects/use-projects';
import { Link } from '../router/link';
import { ErrorBanner } from '../shell/error-banner';
import { countyProjectsMessages } from './county-projects-messages';
import { countyProjectsView } from './county-projects-model';
import type { CountyProjectsView } from './county-projects-model';
import { formatShare } from './format';
// The light chips' colours (scoped to `.projects`, which the panel also carries).
import '../projects/projects.css';

/** Red and yellow projects listed on the panel (each); the rest are counted and linked to the board. */
const LIST_LIMIT = 10;

/**
 * 重大项目 of the health check: the county's registered projects from the dispatch board — how many, the
 * year's planned and completed investment, completion against 序时进度, the lights, and the red and yellow
 * projects with a link to each. Says so plainly when the county has none; labels generated projects 模拟数据.
 */
export function CountyProjectsPanel({ code }: { readonly code: string }) {
  const { t, language } = useI18n();
  const m = countyProjectsMessages(language);
  const projectsApi = useProjectsApi();
  const load = useCallback(
    (signal: AbortSignal) => projectsApi.board({ unit: code }, LIST_LIMIT, signal),
    [projectsApi, code],
  );
  const board = useRequest(`county-projects:${code}`, load);
  const data = board.loading ? undefined : board.data;
  const view = useMemo(() => (data === undefined ? undefined : countyProjectsView(code, data)), [code, data]);

  return (
    <section
      className="panel projects county-projects"
      data-testid="projects-panel"
      data-status={board.error !== undefined ? 'error' : (view?.state ?? 'loading')}
      data-month={view?.month ?? ''}
      aria-busy={board.loading}
    >
      <h2>
        {m.title}
        {view?.synthetic === true ? (
          <span className="synthetic-tag" data-testid="projects-synthetic">
            {m.syntheticTag}
          </span>
        ) : null}
      </h2>
      {board.error !== undefined ? <ErrorBanner error={board.error} onRetry={board.reload} /> : null}
      {board.loading && board.error === undefined ? <p className="muted">{t.common.loading}</p> : null}
      {view?.state === 'empty' ? (
        <p className="empty-state" data-testid="projects-none">
          {m.none}
        </p>
      ) : null}
      {view?.state === 'projects' ? <ProjectsSummary view={view} /> : null}
    </section>
  );
}

function ProjectsSummary({ view }: { readonly view: CountyProjectsView }) {
  const { language } = useI18n();
  const m = countyProjectsMessages(language);
  const p = useProjectsText();
  const standing =
    view.standing === 'behind' ? m.behind : view.standing === 'on-or-ahead' ? m.onOrAhead : m.unknown;
  return (
    <>
      {view.synthetic ? <p className="notice small">{m.syntheticNote}</p> : null}
      <p className="muted small">{m.intro(view.month)}</p>
      <dl className="stat-grid" data-testid="projects-stats">
        <div>
          <dt>{m.count}</dt>
          <dd data-testid="projects-count" data-count={view.count}>
            {view.count}
          </dd>
        </div>
        <div>
          <dt>{m.planned}</dt>
          <dd data-testid="projects-planned" data-value={view.annualPlan}>
            {formatWan(view.annualPlan)}
          </dd>
        </div>
        <div>
          <dt>{m.completed}</dt>
          <dd data-testid="projects-completed" data-value={view.ytdCompleted}>
            {formatWan(view.ytdCompleted)}
          </dd>
        </div>
        <div>
          <dt>{m.completion}</dt>
          <dd data-testid="projects-completion">{formatShare(view.completionRate)}</dd>
        </div>
        <div>
          <dt>{m.schedule}</dt>
          <dd data-testid="projects-schedule">{formatShare(view.scheduleShare)}</dd>
        </div>
        <div>
          <dt>{m.gap}</dt>
          <dd
            data-testid="projects-gap"
            data-standing={view.standing}
            className={view.standing === 'behind' ? 'negative' : undefined}
            title={standing}
          >
            {formatGapPoints(view.gapPoints)}
          </dd>
        </div>
      </dl>
      <p className={`projects-standing standing-${view.standing}`}>{standing}</p>
      <ul className="projects-lights" aria-label={m.lightsLabel} data-testid="projects-lights">
        {view.lights.map((l) => (
          <li key={l.light} data-light={l.light} data-count={l.count}>
            <LightChip light={l.light} /> <strong>{l.count}</strong>
          </li>
        ))}
      </ul>

      <h3>{m.flaggedTitle}</h3>
      {view.flagged.length === 0 ? (
        <p className="muted" data-testid="projects-flagged-none">
          {m.flaggedNone}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="projects-flagged">
            <thead>
              <tr>
                <th scope="col">{m.colProject}</th>
                <th scope="col">{m.colLight}</th>
                <th scope="col" className="num">
                  {m.colCompletion}
                </th>
                <th scope="col" className="num">
                  {m.colGap}
                </th>
                <th scope="col">{m.colWhy}</th>
              </tr>
            </thead>
            <tbody>
              {view.flagged.map((f) => (
                <tr key={f.code} data-code={f.code} data-light={f.light}>
                  <td>
                    <Link to={f.href} className="project-link">
                      {f.name}
                    </Link>{' '}
                    <code className="muted small">{f.code}</code>
                    {f.synthetic ? <span className="synthetic-tag">{m.syntheticTag}</span> : null}
                  </td>
                  <td>
                    <LightChip light={f.light} />
                  </td>
                  <td className="num">{formatShare(f.completionRate)}</td>
                  <td className="num">{formatGapPoints(f.gapPoints)}</td>
                  <td className="small">
                    {f.reasons.map((r) => (language === 'en' ? r.en : r.zh)).join('；')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="projects-links">
        {view.moreRed > 0 ? (
          <Link to={view.redHref} data-testid="projects-more-red">
            {m.more(view.moreRed, p.lightName('red'))}
          </Link>
        ) : null}
        {view.moreYellow > 0 ? (
          <Link to={view.yellowHref} data-testid="projects-more-yellow">
            {m.more(view.moreYellow, p.lightName('yellow'))}
          </Link>
        ) : null}
        <Link to={view.boardHref} data-testid="projects-board-link">
          {m.openBoard}
        </Link>
      </p>
    </>
  );
}
