/**
 * The first web address in a source note such as "https://… (repost of 中国新闻网 …)", or null when the
 * note names no address (e.g. "groups.csv"). Only http(s) is accepted so a note cannot inject a script URL.
 */
export function sourceUrl(source: string): string | null {
  return /https?:\/\/[^\s)）]+/.exec(source)?.[0] ?? null;
}
