import { useMemo } from 'react';
import type { DepartmentDto, ProjectCategoryDto, ProjectPageDto } from '@suocha/contract';
import { ApiError } from '../api/api-error';
import { useRequest } from '../api/use-request';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { navigate, useSearch } from '../router/location';
import { ErrorBanner } from '../shell/error-banner';
import { LightChip } from './light-chip';
import { LightExplanation } from './light-explanation';
import { isMonth } from './months';
import { projectPath } from './project-path';
import { formatGapPoints, formatShare, formatSpi, formatWan } from './projects-format';
import { ProjectsSyntheticBanner } from './projects-synthetic-banner';
import { ReportsTable } from './reports-table';
import { SCurveChart } from './s-curve-chart';
import { useProjectsApi, useProjectsText } from './use-projects';

/**
 * The project page (issue 7 §6): facts, the month's figures, both lights with the rule and numbers behind
 * them, the S-curve of planned against completed investment, the annual plans, every version of every
 * monthly report and the stage history with reasons.
 */
export function ProjectDetail({ code }: { readonly code: string }) {
  const p = useProjectsText();
  const { language } = useI18n();
  const api = useProjectsApi();
  const search = useSearch();
  const asked = new URLSearchParams(search).get('month');
  const month = asked !== null && isMonth(asked) ? asked : undefined;
  const page = useRequest<ProjectPageDto>(`project:${code}:${month ?? ''}`, (signal) =>
    api.project(code, month, signal),
  );
  const categories = useRequest<readonly ProjectCategoryDto[]>('categories', (signal) =>
    api.categories(signal),
  );
  const departments = useRequest<readonly DepartmentDto[]>('departments', (signal) =>
    api.departments(signal),
  );
  const departmentName = useMemo(() => {
    const code = page.data?.project.leadDepartment ?? '';
    const d = (departments.data ?? []).find((x) => x.code === code);
    return d === undefined ? code : language === 'en' ? d.nameEn : d.nameZh;
  }, [departments.data, page.data, language]);
  const categoryName = useMemo(() => {
    const c = (categories.data ?? []).find((x) => x.code === page.data?.project.category);
    return c === undefined ? (page.data?.project.category ?? '') : language === 'en' ? c.nameEn : c.nameZh;
  }, [categories.data, page.data, language]);

  const backTo = `/projects${month === undefined ? '' : `?month=${month}`}`;
  const back = (
    <Link to={backTo} className="back-link" data-testid="back-to-board">
      {p.back}
    </Link>
  );
  if (page.error !== undefined) {
    const missing =
      page.error instanceof ApiError && (page.error.status === 404 || page.error.status === 403);
    return (
      <div className="pj-detail" data-testid="project-page" data-state="error">
        {back}
        {missing ? (
          <p className="empty-state">{p.notFound}</p>
        ) : (
          <ErrorBanner error={page.error} onRetry={page.reload} />
        )}
      </div>
    );
  }
  const data = page.data;
  if (data === undefined || page.loading)
    return (
      <div className="pj-detail" data-testid="project-page" data-state="loading">
        {back}
        <p className="muted">{p.loading}</p>
      </div>
    );
  const { project, metrics } = data;
  const anySynthetic = project.synthetic || data.reports.some((r) => r.synthetic);
  const or = (s: string | null) => s ?? p.notSet;
  return (
    <div className="pj-detail" data-testid="project-page" data-state="ready" data-code={project.code}>
      {back}
      {anySynthetic ? <ProjectsSyntheticBanner /> : null}
      <section className="panel">
        <div className="panel-head">
          <h1 data-testid="project-title">
            {project.name}
            {project.synthetic ? <span className="synthetic-tag">{p.synthetic}</span> : null}
          </h1>
          <label className="field">
            <span>{p.month}</span>
            <input
              type="month"
              data-testid="project-month"
              value={data.month}
              onChange={(event) => {
                if (isMonth(event.target.value)) navigate(projectPath(project.code, event.target.value));
              }}
            />
          </label>
        </div>
        <dl className="pj-facts" data-testid="project-facts">
          <div>
            <dt>{p.code}</dt>
            <dd>
              <code>{project.code}</code>
            </dd>
          </div>
          <div>
            <dt>{p.owner}</dt>
            <dd>
              {project.ownerUnitName} <span className="muted small">{project.ownerUnit}</span>
            </dd>
          </div>
          <div>
            <dt>{p.leadDepartment}</dt>
            <dd>{departmentName}</dd>
          </div>
          <div>
            <dt>{p.category}</dt>
            <dd>{categoryName}</dd>
          </div>
          <div>
            <dt>{p.stage}</dt>
            <dd data-testid="project-stage" data-stage={project.stage}>
              {p.stageName(project.stage)}
            </dd>
          </div>
          <div>
            <dt>
              {p.totalInvestment} ({p.wan})
            </dt>
            <dd>{formatWan(project.totalInvestment)}</dd>
          </div>
          <div>
            <dt>{p.plannedStart}</dt>
            <dd>{or(project.plannedStart)}</dd>
          </div>
          <div>
            <dt>{p.plannedCompletion}</dt>
            <dd>{or(project.plannedCompletion)}</dd>
          </div>
          <div>
            <dt>{p.actualStart}</dt>
            <dd>{or(project.actualStart)}</dd>
          </div>
          <div>
            <dt>{p.actualCompletion}</dt>
            <dd>{or(project.actualCompletion)}</dd>
          </div>
        </dl>
      </section>

      <div className="pj-top">
        <section className="panel" data-testid="project-metrics" data-light={metrics.light}>
          <h2>{p.metricsTitle(data.month)}</h2>
          <dl className="stat-grid">
            <div data-figure="plan">
              <dt>
                {p.annualPlan} ({p.wan})
              </dt>
              <dd>{formatWan(metrics.annualPlan)}</dd>
            </div>
            <div data-figure="ytd">
              <dt>
                {p.ytdCompleted} ({p.wan})
              </dt>
              <dd>{formatWan(metrics.ytdCompleted)}</dd>
            </div>
            <div data-figure="rate">
              <dt>{p.completionRate}</dt>
              <dd>{formatShare(metrics.completionRate)}</dd>
            </div>
            <div data-figure="schedule">
              <dt>{p.scheduleShare}</dt>
              <dd>{formatShare(metrics.scheduleShare)}</dd>
            </div>
            <div data-figure="gap" title={p.gapHint}>
              <dt>{p.gap}</dt>
              <dd>{formatGapPoints(metrics.gapPoints)}</dd>
            </div>
            <div data-figure="spi">
              <dt>{p.spi}</dt>
              <dd>{formatSpi(metrics.spi)}</dd>
            </div>
            <div data-figure="started">
              <dt>{p.started}</dt>
              <dd>{metrics.started ? p.yes : p.no}</dd>
            </div>
          </dl>
        </section>
        <section className="panel" data-testid="project-lights">
          <h2>{p.lightTitle}</h2>
          <p>
            {p.overallLight}: <LightChip light={metrics.light} />
          </p>
          <div className="pj-explanations">
            <LightExplanation explanation={metrics.scheduleLight} />
            <LightExplanation explanation={metrics.startLight} />
          </div>
        </section>
      </div>

      <section className="panel">
        <h2>{p.sCurveTitle(data.sCurve.year)}</h2>
        <p className="muted small">{p.sCurveIntro}</p>
        <SCurveChart curve={data.sCurve} reports={data.reports} projectName={project.name} />
      </section>

      <section className="panel">
        <h2>{p.reportsTitle}</h2>
        <p className="muted small">{p.reportsIntro}</p>
        <ReportsTable reports={data.reports} />
      </section>

      <div className="pj-top">
        <section className="panel">
          <h2>{p.stageTitle}</h2>
          {data.stageHistory.length === 0 ? (
            <p className="muted">{p.noStageHistory}</p>
          ) : (
            <table className="data-table" data-testid="stage-history">
              <thead>
                <tr>
                  <th scope="col">{p.colDate}</th>
                  <th scope="col">{p.colChange}</th>
                  <th scope="col">{p.colStageReason}</th>
                  <th scope="col">{p.colBy}</th>
                </tr>
              </thead>
              <tbody>
                {data.stageHistory.map((s) => (
                  <tr key={`${s.at}:${s.from}:${s.to}`} data-to={s.to}>
                    <td>{s.date}</td>
                    <td>
                      {p.stageName(s.from)} → {p.stageName(s.to)}
                    </td>
                    <td>{s.reason}</td>
                    <td>{s.by}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="panel">
          <h2>{p.plansTitle}</h2>
          {data.plans.length === 0 ? (
            <p className="muted">{p.noPlans}</p>
          ) : (
            <table className="data-table" data-testid="plans-table">
              <thead>
                <tr>
                  <th scope="col">{p.colYear}</th>
                  <th scope="col" className="num">
                    {p.colPlanned}
                  </th>
                  <th scope="col">{p.colMonthly}</th>
                </tr>
              </thead>
              <tbody>
                {data.plans.map((plan) => (
                  <tr key={plan.year} data-year={plan.year}>
                    <td>{plan.year}</td>
                    <td className="num">{formatWan(plan.plannedInvestment)}</td>
                    <td className="small">
                      {plan.monthlyPlanned === null ? (
                        <span className="muted">{p.noMonthlyPlan}</span>
                      ) : (
                        plan.monthlyPlanned.map((x) => formatWan(x)).join(' · ')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}
