import type { OrderDetailDto } from '@suocha/contract';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { actionErrorView } from './action-error-model';
import { availableActions, type OrderActionCode } from './order-actions-model';
import { useMe, useTasksApi, useTasksMessages } from './use-tasks';

/** A refused action: the server's message, the code, and what it means. */
export function ActionError({ error, onReload }: { readonly error: Error; readonly onReload?: () => void }) {
  const m = useTasksMessages();
  const { t } = useI18n();
  const view = actionErrorView(error, m, t.common.networkError);
  return (
    <div
      className="error-banner action-error"
      role="alert"
      data-testid="action-error"
      data-code={view.code ?? ''}
    >
      <strong>{t.common.errorPrefix}</strong>
      <span>{view.message}</span>
      {view.code !== null ? <code className="error-code">{view.code}</code> : null}
      {view.hint !== null ? <span className="action-hint">{view.hint}</span> : null}
      {view.reload && onReload !== undefined ? (
        <button type="button" data-testid="action-reload" onClick={onReload}>
          {m.reload}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The moves the signed-in user may make now (the server's `allowedActions`), one button each, with the
 * comment the move needs (方案, 办结报告, 退回理由 …). Forward moves first, moves back (退回) apart.
 */
export function OrderActions({
  order,
  onDone,
  onReload,
}: {
  readonly order: OrderDetailDto;
  readonly onDone: (next: OrderDetailDto, action: OrderActionCode) => void;
  readonly onReload: () => void;
}) {
  const m = useTasksMessages();
  const api = useTasksApi();
  const me = useMe();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [missing, setMissing] = useState(false);
  const options = availableActions(order, me?.party ?? null, order.allowedActions);
  const needsText = (a: OrderActionCode) =>
    order.textRequired[a] ?? options.find((o) => o.action === a)?.textRequired ?? false;

  const act = async (action: OrderActionCode) => {
    setError(null);
    if (needsText(action) && text.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const next = await api.transition(
        order.id,
        text.trim() === '' ? { action } : { action, text: text.trim() },
      );
      setText('');
      onDone(next, action);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="panel order-actions"
      data-testid="order-actions"
      data-actions={options.map((o) => o.action).join(',')}
    >
      <h2>{m.actionsTitle}</h2>
      {options.length === 0 ? (
        <p className="muted" data-testid="no-actions">
          {m.noActions}
        </p>
      ) : (
        <>
          <label className="field block">
            <span>
              {m.actionText}
              {options.some((o) => needsText(o.action)) ? (
                <span className="muted small">{m.actionTextHint}</span>
              ) : null}
            </span>
            <textarea
              data-testid="action-text"
              rows={3}
              value={text}
              placeholder={m.actionTextPlaceholder}
              aria-invalid={missing}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          {missing ? <p className="field-error">{m.textRequired}</p> : null}
          <div className="action-buttons">
            {options.map((o) => (
              <button
                type="button"
                key={o.action}
                className={o.backward ? 'action-button backward' : 'action-button'}
                data-testid={`action-${o.action}`}
                disabled={busy}
                onClick={() => void act(o.action)}
              >
                {m.orderAction(o.action)}
                {needsText(o.action) ? <span className="req-mark">*</span> : null}
              </button>
            ))}
          </div>
        </>
      )}
      {error !== null ? (
        <ActionError
          error={error}
          onReload={() => {
            setError(null);
            onReload();
          }}
        />
      ) : null}
    </section>
  );
}
