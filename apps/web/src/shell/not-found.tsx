import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';

export function NotFound() {
  const { t } = useI18n();
  return (
    <section className="panel" data-testid="not-found">
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
      <p>
        <Link to="/">{t.construction.backHome}</Link>
      </p>
    </section>
  );
}
