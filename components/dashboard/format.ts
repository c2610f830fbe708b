/** The dashboard's number formats, in the user's currency and locale (Settings). */
import { formatHours, formatMoney, formatPercentBp } from "@/lib/money";
import { plural } from "@/lib/text";

export type Fmt = ReturnType<typeof formatters>;

export function formatters({ currency, locale }: { currency: string; locale: string }) {
  return {
    money: (v: number) => formatMoney(v, currency, locale),
    /** basis points as a percent; an en dash for "no figure" */
    pct: (bp: number | null) => (bp == null ? "\u2013" : formatPercentBp(bp, locale)),
    hours: (m: number) => formatHours(m, locale),
    /** YYYY-MM as e.g. "Mar 2025" */
    month: (ym: string) => new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${ym}-01T00:00:00Z`)),
    /** "1 quote", "3 quotes" */
    n: plural,
  };
}
