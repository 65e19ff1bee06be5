import { useI18n } from '../i18n/i18n-context';
import { collectionMessages } from './collection-messages';
import type { FormState } from './collection-types';

/** The form's workflow state as a coloured badge: 草稿 / 已上报 / 已审核 / 已锁定 (null: no form yet). */
export function StatusBadge({
  state,
  testId,
}: {
  readonly state: FormState | null;
  readonly testId?: string;
}) {
  const { language } = useI18n();
  const m = collectionMessages(language);
  return (
    <span className={`state-badge state-${state ?? 'none'}`} data-testid={testId} data-state={state ?? ''}>
      {state === null ? m.notStarted : m.stateName(state)}
    </span>
  );
}
