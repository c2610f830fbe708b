import { formatDay } from "@/lib/format-date";
import { formatMoney } from "@/lib/money";
import { layoutRulerLabels } from "@/lib/ruler-layout";

/**
 * Where a rate sits against floor, target and market, drawn as a ruler.
 * Text first (screen readers and people who read), picture second. With `ratesOn` (a past quote's date)
 * it says which rates it is measured against: the rates in force that day, not today's.
 */
export function RateRuler({
  rate,
  floor,
  target,
  market,
  currency,
  unit,
  locale,
  ratesOn,
  label = "Effective rate",
}: {
  rate: number;
  floor: number;
  target: number;
  market: number;
  currency: string;
  unit: string;
  locale: string;
  /** the day whose rates floor, target and market are (YYYY-MM-DD) */
  ratesOn?: string | null;
  /** what the rate is ("Their offer for the full scope (40 h):"); "Effective rate" unless said */
  label?: string;
}) {
  const max = Math.max(rate, market, target, floor) * 1.15 || 1;
  const pct = (n: number) => Math.max(0, Math.min(100, (n / max) * 100));
  const pos = (n: number) => `${pct(n)}%`;
  // labels that would overlap (close rates, a narrow phone) go on rows of their own
  const layout = layoutRulerLabels([
    { key: "Floor", at: pct(floor) },
    { key: "Target", at: pct(target) },
    { key: "Market", at: pct(market) },
  ]);
  const ROW = 14;
  const m = (n: number) => `${formatMoney(n, currency, locale)}/${unit === "day" ? "day" : "h"}`;
  const zone = rate < floor ? "below your floor" : rate < target ? "between floor and target" : rate < market ? "at or above target, below market" : "at or above market";
  const color = rate < floor ? "var(--color-walk)" : rate < target ? "var(--color-bounds)" : "var(--color-keep)";
  return (
    <figure className="w-full">
      <figcaption className="mb-2 text-sm">
        {label} <strong className="tabular-nums" data-testid="effective-rate">{m(rate)}</strong> — {zone}.
        {ratesOn ? (
          <span className="block text-xs text-stone-600 dark:text-stone-400" data-testid="rates-in-force">
            Rates in force on {formatDay(ratesOn, locale)}.
          </span>
        ) : null}
      </figcaption>
      <div className="relative" style={{ height: 32 + layout.rows * ROW }} aria-hidden data-testid="rate-ruler-picture">
        <div className="absolute inset-x-0 top-4 h-2 rounded-full bg-stone-200 dark:bg-stone-700" />
        <div className="absolute top-4 h-2 rounded-l-full bg-[var(--color-walk)]/30" style={{ left: 0, width: pos(floor) }} />
        <div className="absolute top-4 h-2 bg-[var(--color-bounds)]/30" style={{ left: pos(floor), width: `calc(${pos(target)} - ${pos(floor)})` }} />
        {layout.labels.map((l) => (
          <div key={l.key} className="absolute top-2 w-px bg-stone-500" style={{ left: `${l.at}%`, height: 24 + l.row * ROW }}>
            <span
              data-testid="rate-ruler-label"
              className={`absolute whitespace-nowrap text-[11px] leading-none text-stone-700 dark:text-stone-300 ${l.align === "center" ? "-translate-x-1/2" : l.align === "end" ? "right-0" : "left-0"}`}
              style={{ top: 26 + l.row * ROW }}
            >
              {l.key}
            </span>
          </div>
        ))}
        <div className="absolute top-2.5 size-5 -translate-x-1/2 rounded-full border-2 border-white shadow dark:border-stone-900" style={{ left: pos(rate), background: color }} />
      </div>
      <dl className="mt-3 grid grid-cols-3 gap-2 text-xs">
        <div>
          <dt className="text-stone-600 dark:text-stone-400">Floor</dt>
          <dd className="tabular-nums">{m(floor)}</dd>
        </div>
        <div>
          <dt className="text-stone-600 dark:text-stone-400">Target</dt>
          <dd className="tabular-nums">{m(target)}</dd>
        </div>
        <div>
          <dt className="text-stone-600 dark:text-stone-400">Market</dt>
          <dd className="tabular-nums">{m(market)}</dd>
        </div>
      </dl>
    </figure>
  );
}
