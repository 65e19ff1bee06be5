import { useI18n } from '../i18n/i18n-context';
import { useAuth } from './auth-context';

/** The top bar's user: display name, role and scope unit, and 退出 (log out). */
export function UserMenu() {
  const { t, language } = useI18n();
  const { state, logout } = useAuth();
  if (state.status !== 'ready') return null;
  const { user } = state.me;
  const role = language === 'en' ? user.roleName.en : user.roleName.zh;
  return (
    <>
      <span
        className="current-user"
        data-testid="current-user"
        data-username={user.username}
        data-role={user.role}
        title={`${t.user.label}: ${user.username}`}
      >
        <span className="current-user-name">{user.displayName}</span>
        <span className="current-user-role">
          {role} · {user.scopeUnit.name}
        </span>
      </span>
      <button type="button" className="lang-switch" data-testid="logout" onClick={() => void logout()}>
        {t.user.logout}
      </button>
    </>
  );
}
