import { useEffect } from 'react';
import { useAuth } from './auth/auth-context';
import { LoginPage } from './auth/login-page';
import { LOGIN_PATH, loginUrlFor, nextPathFrom } from './auth/next-path';
import { DivisionsPage } from './divisions/divisions-page';
import { CountyHealthPage } from './evaluation/county-health-page';
import { EvaluationPage } from './evaluation/evaluation-page';
import { GapsPage } from './gaps/gaps-page';
import { useI18n } from './i18n/i18n-context';
import { OverviewPage } from './overview/overview-page';
import { redirect, usePathname } from './router/location';
import { matchPage, normalisePath } from './router/routes';
import type { PageMatch } from './router/routes';
import { ErrorBanner } from './shell/error-banner';
import { NotFound } from './shell/not-found';
import { Shell } from './shell/shell';
import { IndicatorPage } from './targets/indicator-page';
import { TargetsPage } from './targets/targets-page';
import { CollectionPage } from './collection/collection-page';
import { ProjectsPage } from './projects/projects-page';
import { TasksPage } from './tasks/tasks-page';
import { BulletinsPage } from './bulletins/bulletins-page';

function Page({ match }: { readonly match: PageMatch | undefined }) {
  if (match === undefined) return <NotFound />;
  const { route, sub } = match;
  switch (route.key) {
    case 'overview':
      return <OverviewPage />;
    case 'targets':
      // Keyed by indicator: another indicator's drill-down starts from a clean page.
      return sub?.key === 'indicator' ? <IndicatorPage key={sub.param} code={sub.param} /> : <TargetsPage />;
    case 'gaps':
      return <GapsPage />;
    case 'divisions':
      return <DivisionsPage />;
    case 'evaluation':
      // Keyed by county so that moving from one health check to another starts from a clean page.
      return sub?.key === 'county' ? (
        <CountyHealthPage key={sub.param} code={sub.param} />
      ) : (
        <EvaluationPage />
      );
    case 'collection':
      return <CollectionPage key={sub?.param ?? ''} sub={sub} />;
    case 'projects':
      return <ProjectsPage key={`${sub?.key ?? ''}:${sub?.param ?? ''}`} sub={sub} />;
    case 'tasks':
      return <TasksPage key={`${sub?.key ?? ''}:${sub?.param ?? ''}`} sub={sub} />;
    case 'bulletins':
      return <BulletinsPage key={sub?.param ?? ''} sub={sub} />;
    default:
      return <NotFound />;
  }
}

export function App() {
  const pathname = usePathname();
  const { state, refresh } = useAuth();
  const { t } = useI18n();
  const onLogin = normalisePath(pathname) === LOGIN_PATH;
  const match = onLogin ? undefined : matchPage(pathname);
  const route = match?.route;
  const title =
    onLogin || state.status === 'anonymous'
      ? t.login.title
      : route === undefined
        ? t.notFound.title
        : t.nav[route.key];

  useEffect(() => {
    document.title = `${title} · ${t.app.brand}`;
  }, [title, t]);

  // Nobody logged in: to the login page, remembering where they were going; logged in: back there.
  useEffect(() => {
    if (state.status === 'anonymous' && !onLogin) redirect(loginUrlFor(pathname, window.location.search));
    if (state.status === 'ready' && onLogin) redirect(nextPathFrom(window.location.search));
  }, [state.status, onLogin, pathname]);

  if (state.status === 'loading')
    return (
      <p className="auth-checking" data-testid="auth-checking">
        {t.login.checking}
      </p>
    );
  if (state.status === 'error')
    return (
      <div className="auth-checking">
        <ErrorBanner error={state.error} onRetry={refresh} />
      </div>
    );
  if (state.status === 'anonymous' || onLogin) return <LoginPage />;
  return (
    <Shell active={route?.key}>
      <Page match={match} />
    </Shell>
  );
}
