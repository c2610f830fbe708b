/** Words shared by every explanation the app writes. Pure. */

/** "1 quote", "3 quotes"; `many` for irregular plurals. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Keep" → "keep": a sentence fragment after a colon or a comma. An acronym ("VAT") stays as it is. */
export function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** A name's possessive in English: "Acme’s", but "Pebble Apps’" (a name ending in s takes the apostrophe alone). */
export function possessive(name: string): string {
  const n = name.trim();
  return /s$/i.test(n) ? `${n}\u2019` : `${n}\u2019s`;
}
