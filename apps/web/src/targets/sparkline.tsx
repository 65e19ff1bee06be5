import { sparkGeometry } from './sparkline-model';
import type { SparkInput } from './sparkline-model';

interface SparklineProps {
  /** The main line first (drawn in `colour`); further lines are drawn faint behind it. */
  readonly lines: readonly SparkInput[];
  /** A horizontal reference, e.g. the target value (dashed). */
  readonly reference: number | null;
  readonly colour: string;
  readonly width?: number;
  readonly height?: number;
  readonly label: string;
  readonly testId?: string;
}

/**
 * A small trend line in SVG (no chart library: a table holds dozens of them). Points share one scale with
 * the reference, so how far the series is from its target reads at a glance; the last value is a dot.
 */
export function Sparkline({
  lines,
  reference,
  colour,
  width = 120,
  height = 34,
  label,
  testId,
}: SparklineProps) {
  const geometry = sparkGeometry(lines, reference, { width, height, pad: 4 });
  const main = geometry.paths.find((p) => p.key === lines[0]?.key);
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-points={main?.count ?? 0}
    >
      <title>{label}</title>
      {geometry.referenceY !== null ? (
        <line
          className="sparkline-reference"
          x1={0}
          x2={width}
          y1={geometry.referenceY}
          y2={geometry.referenceY}
          stroke="#b0892f"
          strokeWidth={1}
          strokeDasharray="3 3"
        />
      ) : null}
      {geometry.paths
        .filter((p) => p !== main)
        .map((p) => (
          <path key={p.key} d={p.d} fill="none" stroke="#a9b7c8" strokeWidth={1.2} strokeDasharray="2 2" />
        ))}
      {main !== undefined ? (
        <>
          <path d={main.d} fill="none" stroke={colour} strokeWidth={2} strokeLinejoin="round" />
          <circle cx={main.last.x} cy={main.last.y} r={2.8} fill={colour} />
        </>
      ) : null}
    </svg>
  );
}
