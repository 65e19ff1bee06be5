import { ApiError, NETWORK_ERROR } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';

/** Shows a failed request: the server's own message (and code), or a translated network message. */
export function ErrorBanner({ error, onRetry }: { readonly error: Error; readonly onRetry?: () => void }) {
  const { t } = useI18n();
  const network = error instanceof ApiError && error.code === NETWORK_ERROR;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <strong>{t.common.errorPrefix}</strong>
      <span>{network ? t.common.networkError : error.message}</span>
      {error instanceof ApiError && !network ? <code className="error-code">{error.code}</code> : null}
      {onRetry !== undefined ? (
        <button type="button" onClick={onRetry}>
          {t.common.retry}
        </button>
      ) : null}
    </div>
  );
}
