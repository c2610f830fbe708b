/**
 * The one way a calendar day is shown to a person: "Nov 30, 2026" (the locale's medium date). ISO
 * (2026-11-30) stays for inputs, the API and CSV. Pure: a day string in, words out; no clock.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string): Intl.DateTimeFormat {
  let f = formatters.get(locale);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    } catch {
      // an unknown locale tag (settings are checked, but a caller may pass anything): the app's default
      f = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
    }
    formatters.set(locale, f);
  }
  return f;
}

/** "2026-11-30" → "Nov 30, 2026" (en-US). A string that is not a calendar day is returned as it is. */
export function formatDay(iso: string, locale = "en-US"): string {
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})$/.exec(iso.slice(0, 10));
  if (!m) return iso;
  const date = new Date(Date.UTC(2000, Number(m[2]) - 1, Number(m[3])));
  date.setUTCFullYear(Number(m[1]));
  return Number.isNaN(date.getTime()) ? iso : formatter(locale).format(date);
}
