import { useI18n } from '../i18n/i18n-context';
import type { ModuleKey } from '../router/routes';

/** Honest placeholder for a module that is not built yet: what it will do and its policy basis, no numbers. */
export function UnderConstruction({ module }: { readonly module: ModuleKey }) {
  const { t } = useI18n();
  const info = t.modules[module];
  return (
    <section className="panel construction" data-testid="under-construction" data-module={module}>
      <h1>
        {t.nav[module]} <span className="badge badge-planned">{t.construction.badge}</span>
      </h1>
      <p className="summary">{info.summary}</p>
      <p>{t.construction.lead}</p>
      <ul className="feature-list">
        {info.features.map((feature) => (
          <li key={feature}>{feature}</li>
        ))}
      </ul>
      <p className="muted">{t.construction.basisOf(info.basis)}</p>
      <p className="muted">{t.construction.noData}</p>
    </section>
  );
}
