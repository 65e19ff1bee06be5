/**
 * A streaming RFC 4180 tokenizer: fields separated by commas, records by LF or CRLF (or a lone CR),
 * fields optionally quoted with `"` and quotes doubled inside. It tracks the 1-based line on which each
 * record starts, counting newlines inside quoted fields, so problems point at the line an editor shows.
 *
 * Hand-written because the loader's hot path is here: the national hierarchy is 665k records, and a
 * general-purpose parser spent more time than the whole load budget (docs/PERFORMANCE.md, hierarchy).
 */
export type RecordSink = (fields: string[], line: number) => boolean;

export class CsvTokenizer {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  /** The previous character closed a quoted section (a following `"` is an escaped quote). */
  private quoteClosed = false;
  private fieldStarted = false;
  private line = 1;
  private recordLine = 1;
  private lastWasCR = false;
  private stopped = false;
  private first = true;

  constructor(private readonly sink: RecordSink) {}

  /** Feeds decoded text; returns false once the sink asked to stop. */
  push(chunk: string): boolean {
    if (this.stopped) return false;
    let s = chunk;
    if (this.first) {
      this.first = false;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const n = s.length;
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (this.inQuotes) {
        // Copy a run of ordinary characters at once.
        const q = s.indexOf('"', i);
        const end = q === -1 ? n : q;
        if (end > i) {
          const run = s.slice(i, end);
          this.field += run;
          this.countNewlines(run);
          i = end;
          continue;
        }
        this.inQuotes = false;
        this.quoteClosed = true;
        this.lastWasCR = false;
        i++;
        continue;
      }
      if (c === 34 /* " */) {
        if (this.quoteClosed) this.field += '"';
        this.inQuotes = true;
        this.quoteClosed = false;
        this.fieldStarted = true;
        i++;
        continue;
      }
      this.quoteClosed = false;
      if (c === 44 /* , */) {
        this.fields.push(this.field);
        this.field = '';
        this.fieldStarted = true;
        this.lastWasCR = false;
        i++;
        continue;
      }
      if (c === 10 /* \n */ || c === 13 /* \r */) {
        const crlf = c === 10 && this.lastWasCR;
        this.lastWasCR = c === 13;
        i++;
        if (crlf) continue;
        this.line++;
        if (!this.endRecord()) return false;
        this.recordLine = this.line;
        continue;
      }
      this.lastWasCR = false;
      // Copy a run of unquoted characters up to the next special one.
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d === 44 || d === 10 || d === 13 || d === 34) break;
        j++;
      }
      this.field += s.slice(i, j);
      this.fieldStarted = true;
      i = j;
    }
    return true;
  }

  /** Ends the input; returns an error message if a quoted field was never closed. */
  end(): string | undefined {
    if (this.stopped) return undefined;
    if (this.inQuotes)
      return `第 ${this.recordLine} 行的引号未闭合 (unterminated quoted field starting on line ${this.recordLine})`;
    this.endRecord();
    return undefined;
  }

  /** Line breaks inside a quoted field: LF, CRLF (once) or a lone CR, also across chunk boundaries. */
  private countNewlines(run: string): void {
    for (let k = 0; k < run.length; k++) {
      const c = run.charCodeAt(k);
      if (c === 13) this.line++;
      else if (c === 10 && !this.lastWasCR) this.line++;
      this.lastWasCR = c === 13;
    }
  }

  private endRecord(): boolean {
    const empty = this.fields.length === 0 && !this.fieldStarted && this.field === '';
    if (!empty) {
      this.fields.push(this.field);
      const ok = this.sink(this.fields, this.recordLine);
      if (!ok) {
        this.stopped = true;
        return false;
      }
    }
    this.fields = [];
    this.field = '';
    this.fieldStarted = false;
    return true;
  }
}
