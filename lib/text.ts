/** Words shared by every explanation the app writes. Pure. */

/** "1 quote", "3 quotes"; `many` for irregular plurals. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Keep" → "keep": a sentence fragment after a colon or a comma. */
export function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}
