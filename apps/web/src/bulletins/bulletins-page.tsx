import { useCallback, useMemo, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { localIsoDate } from '../divisions/dates';
import { useI18n } from '../i18n/i18n-context';
import { useRequest } from '../api/use-request';
import { navigate } from '../router/location';
import type { PageMatch } from '../router/routes';
import { ErrorBanner } from '../shell/error-banner';
import { createBulletinsApi } from './bulletins-api';
import { bulletinsMessages } from './bulletins-messages';
import { bulletinFileUrl, bulletinPath, isBulletinMonth, monthToShow } from './bulletins-model';
import './bulletins.css';

/**
 * 月度通报 (issue 8 §6): pick a month, preview its bulletin (the printable HTML in a sandboxed frame),
 * download the Word and Excel files, and publish it (provincial administrators).
 */
export function BulletinsPage({ sub }: { readonly sub: PageMatch['sub'] }) {
  const { language } = useI18n();
  const b = bulletinsMessages(language);
  const { state } = useAuth();
  const token = state.status === 'ready' ? state.me.csrfToken : null;
  const canPublish = state.status === 'ready' && state.me.user.role === 'province_admin';
  const api = useMemo(
    () => createBulletinsApi({ fetchFn: (input, init) => fetch(input, init), csrfToken: () => token }),
    [token],
  );
  const today = useMemo(() => localIsoDate(new Date()), []);
  const month = monthToShow(sub?.key === 'month' ? sub.param : null, today);
  const [version, setVersion] = useState(0);
  const [publishing, setPublishing] = useState(false);
  const [publishError, setPublishError] = useState<Error | undefined>(undefined);

  const loadPreview = useCallback((signal: AbortSignal) => api.preview(month, signal), [api, month]);
  const preview = useRequest(`bulletin:${month}:${version}`, loadPreview);
  const loadHtml = useCallback((signal: AbortSignal) => api.html(month, signal), [api, month]);
  const html = useRequest(preview.data !== undefined ? `bulletin-html:${month}:${version}` : null, loadHtml);

  const publish = async () => {
    if (!window.confirm(b.confirmPublish(month))) return;
    setPublishing(true);
    setPublishError(undefined);
    try {
      await api.publish(month);
      setVersion((v) => v + 1);
    } catch (e) {
      setPublishError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setPublishing(false);
    }
  };

  const view = preview.loading ? undefined : preview.data;
  return (
    <div className="bulletins" data-testid="bulletins-page">
      <section className="panel">
        <h1>{b.title}</h1>
        <p className="muted">{b.intro}</p>
        <div className="bl-toolbar">
          <label>
            {b.month}{' '}
            <input
              type="month"
              value={month}
              max={today.slice(0, 7)}
              data-testid="bulletin-month"
              onChange={(e) => {
                if (isBulletinMonth(e.target.value)) navigate(bulletinPath(e.target.value));
              }}
            />
          </label>
          <a className="button" href={bulletinFileUrl(month, 'docx')} download data-testid="download-docx">
            {b.downloadDocx}
          </a>
          <a className="button" href={bulletinFileUrl(month, 'xlsx')} download data-testid="download-xlsx">
            {b.downloadXlsx}
          </a>
          <a className="button" href={bulletinFileUrl(month, 'html')} target="_blank" rel="noreferrer">
            {b.openHtml}
          </a>
          {canPublish && view !== undefined && view.published === null ? (
            <button
              type="button"
              className="primary"
              disabled={publishing}
              onClick={() => void publish()}
              data-testid="publish"
            >
              {publishing ? b.publishing : b.publish}
            </button>
          ) : null}
        </div>
        {view !== undefined ? (
          <p className="bl-state" data-testid="bulletin-state">
            <span className={view.published ? 'badge badge-ready' : 'badge'}>
              {view.published
                ? b.published(
                    view.published.publishedBy,
                    view.published.publishedAt.slice(0, 16).replace('T', ' '),
                  )
                : b.preview}
            </span>{' '}
            <span className="muted">
              {b.hash} {view.contentHash.slice(0, 12)}
            </span>
          </p>
        ) : null}
        {view?.content.synthetic === true ? (
          <p className="bl-synthetic" data-testid="bulletin-synthetic">
            {b.synthetic}
          </p>
        ) : null}
        {publishError ? <ErrorBanner error={publishError} /> : null}
        {preview.error ? <ErrorBanner error={preview.error} onRetry={preview.reload} /> : null}
      </section>
      <section className="panel bl-preview">
        {preview.loading || html.loading ? <p className="muted">{b.loading}</p> : null}
        {html.data !== undefined && !preview.error ? (
          <iframe
            title={b.previewFrame}
            sandbox=""
            srcDoc={html.data}
            className="bl-frame"
            data-testid="bulletin-preview"
          />
        ) : null}
      </section>
    </div>
  );
}
