/**
 * Geometry of a sparkline: a few lines of (time, value) points in a small box, sharing one scale, with an
 * optional horizontal reference (the target value). Pure, so the drawing is tested without a browser.
 */

export interface SparkInput {
  readonly key: string;
  readonly points: readonly { readonly time: number; readonly value: number }[];
}

export interface SparkPath {
  readonly key: string;
  /** SVG path data (`M x y L x y …`); a single point is drawn as a dot by the component. */
  readonly d: string;
  readonly last: { readonly x: number; readonly y: number };
  readonly count: number;
}

export interface SparkGeometry {
  readonly width: number;
  readonly height: number;
  readonly paths: readonly SparkPath[];
  /** y of the reference value, or null when there is none (or nothing to scale it against). */
  readonly referenceY: number | null;
}

const round = (x: number) => Math.round(x * 10) / 10;

/**
 * Places every point in `width` × `height` less `pad` on each side: x by time over the union of all lines,
 * y by value over the union of values and the reference (higher values up). A flat series sits in the
 * middle. Lines without points are left out.
 */
export function sparkGeometry(
  lines: readonly SparkInput[],
  reference: number | null,
  size: { readonly width: number; readonly height: number; readonly pad: number },
): SparkGeometry {
  const { width, height, pad } = size;
  const points = lines.flatMap((line) => line.points);
  if (points.length === 0) return { width, height, paths: [], referenceY: null };
  const times = points.map((p) => p.time);
  const values = points.map((p) => p.value);
  if (reference !== null && Number.isFinite(reference)) values.push(reference);
  const tMin = Math.min(...times);
  const tMax = Math.max(...times);
  const vMin = Math.min(...values);
  const vMax = Math.max(...values);
  const x = (t: number) =>
    tMax === tMin ? width / 2 : pad + ((t - tMin) / (tMax - tMin)) * (width - 2 * pad);
  const y = (v: number) =>
    vMax === vMin ? height / 2 : height - pad - ((v - vMin) / (vMax - vMin)) * (height - 2 * pad);
  const paths = lines
    .filter((line) => line.points.length > 0)
    .map((line) => {
      const sorted = [...line.points].sort((a, b) => a.time - b.time);
      const coords = sorted.map((p) => ({ x: round(x(p.time)), y: round(y(p.value)) }));
      const d = coords.map((c, i) => `${i === 0 ? 'M' : 'L'}${c.x} ${c.y}`).join(' ');
      const last = coords[coords.length - 1] ?? { x: 0, y: 0 };
      return { key: line.key, d, last, count: coords.length };
    });
  const referenceY = reference !== null && Number.isFinite(reference) ? round(y(reference)) : null;
  return { width, height, paths, referenceY };
}
