import { useMemo } from 'react';
import { timelineItems, type TimelineEntryInput } from './timeline-model';
import { useTasksMessages } from './use-tasks';

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Vertical timeline of every transition of an order: who, when, what changed and what was said. */
export function OrderTimeline({ entries }: { readonly entries: readonly TimelineEntryInput[] }) {
  const m = useTasksMessages();
  const items = useMemo(() => timelineItems(entries, m, ZONE), [entries, m]);
  return (
    <ol className="order-timeline" data-testid="order-timeline" data-count={items.length}>
      {items.map((item) => (
        <li
          key={item.seq}
          className={`timeline-item kind-${item.kind}`}
          data-seq={item.seq}
          data-kind={item.kind}
        >
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-head">
            <strong className="timeline-action">{item.action}</strong>
            {item.change !== null ? <span className="timeline-change">{item.change}</span> : null}
            <time className="timeline-when" dateTime={item.at}>
              {item.when}
            </time>
          </div>
          <div className="timeline-who">{item.who}</div>
          {item.text !== null ? <p className="timeline-text">{item.text}</p> : null}
        </li>
      ))}
    </ol>
  );
}
