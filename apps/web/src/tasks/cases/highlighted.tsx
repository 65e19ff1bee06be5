import { highlightSegments } from './highlight-segments';

/** A text with its match ranges wrapped in <mark>. */
export function Highlighted({
  text,
  ranges,
}: {
  readonly text: string;
  readonly ranges: readonly (readonly [number, number])[];
}) {
  return (
    <>
      {highlightSegments(text, ranges).map((s, i) =>
        s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </>
  );
}
