import type { ReactNode } from 'react';
import { UserMenu } from '../auth/user-menu';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { ROUTES } from '../router/routes';
import type { ModuleKey } from '../router/routes';

interface ShellProps {
  readonly active: ModuleKey | undefined;
  readonly children: ReactNode;
}

/** The frame of every page: top bar (product, province, user, language switch) and the module navigation. */
export function Shell({ active, children }: ShellProps) {
  const { t, language, setLanguage } = useI18n();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header className="topbar" data-testid="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            {t.app.logo}
          </span>
          <span className="brand-text">
            <span className="brand-name">{t.app.brand}</span>
            <span className="brand-product">{t.app.product}</span>
          </span>
        </Link>
        <span className="topbar-spacer" />
        <span className="province" data-testid="province">
          {t.app.province}
        </span>
        <UserMenu />
        <button
          type="button"
          className="lang-switch"
          data-testid="lang-switch"
          aria-label={t.language.switchLabel}
          lang={language === 'zh-CN' ? 'en' : 'zh-CN'}
          onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t.language.switchTo}
        </button>
      </header>
      <div className="body">
        <nav className="sidenav" aria-label={t.app.navLabel} data-testid="sidenav">
          <ul>
            {ROUTES.map((route) => (
              <li key={route.key}>
                <Link
                  to={route.path}
                  data-nav={route.key}
                  aria-current={route.key === active ? 'page' : undefined}
                  className={route.key === active ? 'active' : undefined}
                >
                  <span className="nav-label">{t.nav[route.key]}</span>
                  {route.status === 'planned' ? (
                    <span className="nav-badge" title={t.status.planned}>
                      {t.status.plannedShort}
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          {children}
          <footer className="footer">{t.app.footer}</footer>
        </main>
      </div>
    </div>
  );
}
