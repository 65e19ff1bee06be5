import { useProjectsText } from './use-projects';

/** A light as a coloured chip (colours in projects.css); `title` says why, for a hover. */
export function LightChip({ light, title }: { readonly light: string; readonly title?: string }) {
  const p = useProjectsText();
  return (
    <span className={`pj-light pj-light-${light}`} data-light={light} title={title}>
      <span className="pj-light-dot" aria-hidden="true" />
      {p.lightName(light)}
    </span>
  );
}
