import { useState } from 'react';
import type { FormEvent } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { collectionMessages } from './collection-messages';
import type { FormAction, WorkflowAction } from './collection-types';

/** Actions whose reason is required (as the workflow's table says: returning and reopening). */
const NEEDS_REASON: ReadonlySet<FormAction> = new Set(['return', 'reopen']);
/** Shortest reason the server accepts. */
const MIN_REASON = 2;
const ORDER: readonly WorkflowAction[] = ['submit', 'approve', 'return', 'lock', 'reopen'];

/**
 * The buttons of the actions this user may take now; return and reopen first ask for a reason. Save is
 * offered while there are unsaved changes.
 */
export function WorkflowBar({
  allowed,
  dirty,
  busy,
  onSave,
  onAction,
}: {
  readonly allowed: readonly FormAction[];
  readonly dirty: boolean;
  readonly busy: boolean;
  readonly onSave: () => void;
  readonly onAction: (action: WorkflowAction, reason?: string) => void;
}) {
  const { language } = useI18n();
  const m = collectionMessages(language);
  const [asking, setAsking] = useState<WorkflowAction | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (asking === null) return;
    if (reason.trim().length < MIN_REASON) {
      setReasonError(true);
      return;
    }
    onAction(asking, reason.trim());
    setAsking(null);
    setReason('');
    setReasonError(false);
  };

  return (
    <div className="workflow-bar" data-testid="workflow-bar">
      <div className="workflow-buttons">
        {allowed.includes('save') ? (
          <button
            type="button"
            className="secondary-button"
            data-testid="action-save"
            disabled={busy || !dirty}
            onClick={onSave}
          >
            {busy ? m.saving : m.actionName('save')}
          </button>
        ) : null}
        {ORDER.filter((a) => allowed.includes(a)).map((a) => (
          <button
            key={a}
            type="button"
            className={a === 'return' || a === 'reopen' ? 'secondary-button' : 'primary-button'}
            data-testid={`action-${a}`}
            disabled={busy || asking !== null}
            onClick={() => (NEEDS_REASON.has(a) ? setAsking(a) : onAction(a))}
          >
            {m.actionName(a)}
          </button>
        ))}
        {dirty ? <span className="muted small unsaved">{m.unsaved}</span> : null}
      </div>
      {asking !== null ? (
        <form className="reason-form" data-testid="reason-form" onSubmit={confirm}>
          <label className="field reason-field">
            <span>{m.reasonFor(asking)}</span>
            <textarea
              data-testid="reason-input"
              value={reason}
              rows={2}
              placeholder={m.reasonPlaceholder}
              aria-invalid={reasonError}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          {reasonError ? <p className="field-error">{m.reasonTooShort}</p> : null}
          <div className="workflow-buttons">
            <button type="submit" className="primary-button" data-testid="reason-confirm">
              {m.confirm}
            </button>
            <button
              type="button"
              className="secondary-button"
              data-testid="reason-cancel"
              onClick={() => {
                setAsking(null);
                setReason('');
                setReasonError(false);
              }}
            >
              {m.cancel}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
