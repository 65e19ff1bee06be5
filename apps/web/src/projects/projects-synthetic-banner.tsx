import { useProjectsText } from './use-projects';

/** The unmissable 模拟数据 banner above anything computed from synthetic projects or reports. */
export function ProjectsSyntheticBanner() {
  const p = useProjectsText();
  return (
    <div className="synthetic-banner" role="alert" data-testid="synthetic-banner">
      <strong className="synthetic-title">{p.syntheticTitle}</strong>
      <span className="synthetic-body">{p.syntheticBody}</span>
    </div>
  );
}
