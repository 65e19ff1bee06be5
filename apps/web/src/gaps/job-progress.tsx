import { useI18n } from '../i18n/i18n-context';
import { formatCount, formatShare } from './gaps-format';
import type { ProgressView } from './household-upload';

/**
 * The progress of a household analysis: a bar filled by the share of the file read when the server
 * knows it (CSV), an indeterminate bar with the rows counted otherwise (xlsx, the upload itself).
 */
export function JobProgress({ view, failed }: { readonly view: ProgressView; readonly failed: boolean }) {
  const { t } = useI18n();
  const g = t.gaps;
  const label =
    view.stage === 'finished'
      ? failed
        ? g.progressFailed(formatCount(view.rows))
        : g.progressDone(formatCount(view.rows))
      : view.stage === 'uploading'
        ? g.progressUploading
        : view.stage === 'measuring'
          ? g.progressMeasuring(formatCount(view.rows))
          : g.progressReading(formatCount(view.rows));
  const percent = view.fraction === null ? null : Math.round(view.fraction * 100);
  return (
    <div
      className={`job-progress stage-${view.stage}${failed ? ' failed' : ''}`}
      data-testid="household-progress"
      data-stage={view.stage}
      data-rows={view.rows}
      data-fraction={view.fraction ?? ''}
    >
      <div
        className={`progress-track${percent === null ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label={g.progressLabel}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent === null ? {} : { 'aria-valuenow': percent })}
        aria-valuetext={label}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <p className="progress-label">
        {view.stage !== 'finished' ? <span className="spinner" aria-hidden="true" /> : null}
        <span>{label}</span>
        {percent !== null && view.stage !== 'finished' ? (
          <span className="muted"> · {formatShare(view.fraction)}</span>
        ) : null}
      </p>
    </div>
  );
}
