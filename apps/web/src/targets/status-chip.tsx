import type { ProgressStatus } from '../api/types';
import { useI18n } from '../i18n/i18n-context';

/** A progress status as a coloured chip (colours in targets.css, one per status), with its meaning on hover. */
export function StatusChip({ status, small }: { readonly status: ProgressStatus; readonly small?: boolean }) {
  const { t } = useI18n();
  return (
    <span
      className={`progress-chip chip-${status}${small === true ? ' chip-small' : ''}`}
      data-status={status}
      title={t.targetsPage.statusTitle(status)}
    >
      {t.targetsPage.status(status)}
    </span>
  );
}
