import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, NETWORK_ERROR } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';
import type { Messages } from '../i18n/messages';
import { useAuth } from './auth-context';

function messageFor(error: unknown, t: Messages): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return t.login.invalid;
    case 'ACCOUNT_LOCKED':
      return t.login.locked;
    case 'RATE_LIMITED':
      return t.login.rateLimited;
    case NETWORK_ERROR:
      return t.common.networkError;
    default:
      return error.message;
  }
}

/** 登录: username and password; the session cookie is set by the server, then the app opens. */
export function LoginPage() {
  const { t, language, setLanguage } = useI18n();
  const { login } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      setError(t.login.required);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (e) {
      setError(messageFor(e, t));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <div className="login-screen" data-testid="login-page">
      <button
        type="button"
        className="lang-switch login-lang"
        data-testid="lang-switch"
        aria-label={t.language.switchLabel}
        lang={language === 'zh-CN' ? 'en' : 'zh-CN'}
        onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
      >
        {t.language.switchTo}
      </button>
      <main className="login-card">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            {t.app.logo}
          </span>
          <span className="brand-text">
            <span className="brand-name">{t.app.brand}</span>
            <span className="brand-product">{t.app.product}</span>
          </span>
        </div>
        <h1>{t.login.heading}</h1>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <label>
            <span>{t.login.username}</span>
            <input
              name="username"
              data-testid="login-username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoFocus
            />
          </label>
          <label>
            <span>{t.login.password}</span>
            <input
              name="password"
              type="password"
              data-testid="login-password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {error !== null ? (
            <p className="login-error" role="alert" data-testid="login-error">
              {error}
            </p>
          ) : null}
          <button type="submit" className="login-submit" data-testid="login-submit" disabled={busy}>
            {busy ? t.login.submitting : t.login.submit}
          </button>
        </form>
        <p className="login-notice">{t.login.notice}</p>
      </main>
    </div>
  );
}
