/**
 * Materialised paths: each unit stores the codes from the root down to itself, `/100000/330000/330100/`.
 * The subtree of a unit is then the contiguous key range [path, path with its last "/" raised to "0"),
 * which a B-tree index answers with one range scan on any engine (byte-wise collation).
 */
export const PATH_SEPARATOR = '/';

export function childPath(parentPath: string | null, code: string): string {
  return `${parentPath ?? PATH_SEPARATOR}${code}${PATH_SEPARATOR}`;
}

/** Half-open key range [from, to) containing the path and every descendant path. */
export function subtreeRange(path: string): { readonly from: string; readonly to: string } {
  // '/' is 0x2F; '0' (0x30) is the next character, so every "path…" sorts strictly below "path[:-1]0".
  return { from: path, to: path.slice(0, -1) + '0' };
}

/** Codes along the path, root first. */
export function pathCodes(path: string): string[] {
  return path.split(PATH_SEPARATOR).filter((s) => s.length > 0);
}

/** Province code of a unit from its path (the first code below the country), or its own code. */
export function provinceOf(path: string): string {
  // Index arithmetic rather than split: this runs once per unit when loading 665k units.
  const a = path.indexOf(PATH_SEPARATOR, 1);
  if (a === -1 || a === path.length - 1) return path.slice(1, a === -1 ? undefined : a);
  return path.slice(a + 1, path.indexOf(PATH_SEPARATOR, a + 1));
}
