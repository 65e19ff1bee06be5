import { useI18n } from '../i18n/i18n-context';

/**
 * The unmissable 模拟数据 / SYNTHETIC banner shown above everything computed from synthetic inputs. The
 * label is the server's (`syntheticLabel`), so the page says exactly what the export and the API say.
 */
export function SyntheticBanner({ label }: { readonly label: string }) {
  const { t } = useI18n();
  return (
    <div className="synthetic-banner" role="alert" data-testid="synthetic-banner" data-label={label}>
      <strong className="synthetic-title">{t.evaluation.syntheticTitle}</strong>
      <span className="synthetic-body">
        {t.evaluation.syntheticBody} <span className="synthetic-label">{label}</span>
      </span>
    </div>
  );
}
