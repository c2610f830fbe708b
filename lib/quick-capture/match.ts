/**
 * Fuzzy matching of the words left in a captured line against client names (and quote titles): whole
 * words beat prefixes ("peb" → Pebble), prefixes beat one typo or swap ("pebbel" → Pebble). Pure.
 */

/** Lower-case words of a name, without punctuation. */
export function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean);
}

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment), stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // three rolling rows (i-2, i-1, i) instead of a whole table: this runs for every client's name on every keystroke
  let before: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row: number[] = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [before, prev, row] = [prev, row, before.length ? before : new Array<number>(b.length + 1)];
  }
  return prev[b.length];
}

/** How well one typed word names one word of a name: 3 the same, 2 its start, 1 one typo away, 0 not. */
export function wordScore(typed: string, token: string): number {
  if (typed === token) return 3;
  if (typed.length >= 2 && token.startsWith(typed)) return 2;
  // one edit leaves the first or the last letter in place: a cheap test before the costly one
  if (typed.length >= 4 && token.length >= 4 && (typed[0] === token[0] || typed[typed.length - 1] === token[token.length - 1]) && editDistance(typed, token, 1) <= 1) return 1;
  return 0;
}

/**
 * Each item's name words, worked out once per item object: a quick log matches the typed words against
 * every client on each keystroke, and the client list is the same objects until the next write. An item
 * is always named the same way (a client by name and company, a quote by title), so the object is the key.
 */
const itemTokens = new WeakMap<object, string[][]>();
function tokensOf<T>(item: T, nameOf: (item: T) => string[]): string[][] {
  if (typeof item !== "object" || item === null) return nameOf(item).map(nameTokens);
  let tokens = itemTokens.get(item);
  if (!tokens) itemTokens.set(item, (tokens = nameOf(item).map(nameTokens)));
  return tokens;
}

export interface NameMatch<T> {
  item: T;
  score: number;
  /** the typed words this name accounts for */
  used: string[];
}

/**
 * Every item whose name some typed word names, best first (ties keep the items' order). A name typed
 * whole, in order, scores above the same words scattered.
 */
export function rankByName<T>(typed: readonly string[], items: readonly T[], nameOf: (item: T) => string[]): NameMatch<T>[] {
  if (!typed.length) return [];
  const phrase = typed.join(" ");
  const out: NameMatch<T>[] = [];
  // plain loops, no arrays per word: this runs over every client on each keystroke
  for (const item of items) {
    const perName = tokensOf(item, nameOf);
    let score = 0;
    let used: string[] | null = null;
    for (const w of typed) {
      let best = 0;
      for (const name of perName) for (const t of name) if (best < 3) best = Math.max(best, wordScore(w, t));
      if (best > 0) {
        score += best;
        (used ??= []).push(w);
      }
    }
    if (score === 0) continue;
    if (perName.some((t) => t.length > 0 && phrase.includes(t.join(" ")))) score += 2;
    out.push({ item, score, used: used ?? [] });
  }
  // best first; Array.prototype.sort is stable, so ties keep the items' order
  return out.sort((a, b) => b.score - a.score);
}

/** The one best match, or null when nothing matched or the best is tied. */
export function uniqueBest<T>(ranked: readonly NameMatch<T>[]): NameMatch<T> | null {
  if (!ranked.length) return null;
  if (ranked.length > 1 && ranked[1].score === ranked[0].score) return null;
  return ranked[0];
}
