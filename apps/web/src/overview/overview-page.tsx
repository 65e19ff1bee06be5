import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { ROUTES } from '../router/routes';

/** Home page. The dashboard itself is not built; until then it is a directory of the modules. */
export function OverviewPage() {
  const { t } = useI18n();
  return (
    <>
      <section className="panel" data-testid="overview">
        <h1>
          {t.overview.title} <span className="badge badge-planned">{t.construction.badge}</span>
        </h1>
        <p>{t.overview.intro}</p>
        <p className="muted">{t.construction.noData}</p>
      </section>
      <section className="panel">
        <h2>{t.overview.modulesTitle}</h2>
        <ul className="module-grid" data-testid="module-grid">
          {ROUTES.filter((route) => route.key !== 'overview').map((route) => (
            <li key={route.key} className="module-card" data-module={route.key} data-status={route.status}>
              <div className="module-card-head">
                <Link to={route.path} className="module-card-title">
                  {t.nav[route.key]}
                </Link>
                <span className={`badge badge-${route.status}`}>{t.status[route.status]}</span>
              </div>
              <p>{t.modules[route.key].summary}</p>
              <p className="muted small">{t.construction.basisOf(t.modules[route.key].basis)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
