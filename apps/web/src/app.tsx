import { useEffect } from 'react';
import { DivisionsPage } from './divisions/divisions-page';
import { useI18n } from './i18n/i18n-context';
import { OverviewPage } from './overview/overview-page';
import { usePathname } from './router/location';
import { matchRoute } from './router/routes';
import type { RouteDef } from './router/routes';
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
  const route = matchRoute(usePathname());
  const { t } = useI18n();
  const title = route === undefined ? t.notFound.title : t.nav[route.key];

  useEffect(() => {
    document.title = `${title} · ${t.app.brand}`;
  }, [title, t]);

  return (
    <Shell active={route?.key}>
      <Page route={route} />
    </Shell>
  );
}
