/**
 * Source keys: what makes an imported row the same row the next time the same file is imported, so a
 * second import adds nothing. A key is a hash of the row's cells (trimmed) under its source, plus the
 * row's occurrence among identical rows of the same file (two identical 30-minute entries on one day
 * are two entries, and stay two). A group of time entries (a client's project) is keyed by its names.
 * Pure and stable: the same file gives the same keys, on any machine.
 */
import type { ImportSource } from "./presets";

const SEP = "\u001f";

/** Two independent 32-bit FNV-1a style hashes over the UTF-16 text → 16 hex digits (64 bits). */
export function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 = (h2 ^ (h2 >>> 15)) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}

/** The keys of a file's rows, in order: identical rows get #0, #1, … */
export function rowKeys(source: ImportSource, rows: readonly (readonly string[])[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((cells) => {
    const hash = hashText(cells.map((c) => c.trim()).join(SEP));
    const n = seen.get(hash) ?? 0;
    seen.set(hash, n + 1);
    return `${source}:row:${hash}#${n}`;
  });
}

/** A client's name as it is matched: trimmed, case and inner spaces ignored. */
export const nameKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

/** The key of a group of time entries (one client's project) from a source. */
export function groupKey(source: ImportSource, client: string, project: string): string {
  return `${source}:group:${hashText(nameKey(client) + SEP + nameKey(project))}`;
}
