import { useEffect } from 'react';
import { useAuth } from './auth/auth-context';
import { LoginPage } from './auth/login-page';
import { LOGIN_PATH, loginUrlFor, nextPathFrom } from './auth/next-path';
import { DivisionsPage } from './divisions/divisions-page';
import { useI18n } from './i18n/i18n-context';
import { OverviewPage } from './overview/overview-page';
import { redirect, usePathname } from './router/location';
import { matchRoute, normalisePath } from './router/routes';
import type { RouteDef } from './router/routes';
import { ErrorBanner } from './shell/error-banner';
import { NotFound } from './shell/not-found';
import { Shell } from './shell/shell';
import { UnderConstruction } from './shell/under-construction';

function Page({ route }: { readonly route: RouteDef | undefined }) {
  if (route === undefined) return <NotFound />;
  switch (route.key) {
    case 'overview':
      return <OverviewPage />;
    case 'divisions':
      return <DivisionsPage />;
    default:
      return <UnderConstruction module={route.key} />;
  }
}

export function App() {
  const pathname = usePathname();
  const { state, refresh } = useAuth();
  const { t } = useI18n();
  const onLogin = normalisePath(pathname) === LOGIN_PATH;
  const route = onLogin ? undefined : matchRoute(pathname);
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
      <Page route={route} />
    </Shell>
  );
}
