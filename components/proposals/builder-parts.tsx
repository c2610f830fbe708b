import type { RateStanding } from "@/lib/proposals/pricing";
import type { OptionPriceSource } from "@/lib/domain";
import { formatMoney } from "@/lib/money";
import { Badge } from "@/components/ui/card";

const STANDING: Record<RateStanding, { words: string; tone: "bad" | "warn" | "good" | "info" }> = {
  below_floor: { words: "Below your floor", tone: "bad" },
  floor_to_target: { words: "Between floor and target", tone: "warn" },
  target_to_market: { words: "At target or above", tone: "good" },
  above_market: { words: "Above market", tone: "info" },
};

/** Where an option's rate stands, in words (the color only repeats them). */
export function StandingBadge({ standing }: { standing: RateStanding }) {
  const s = STANDING[standing];
  return (
    <span data-testid="option-standing" data-standing={standing}>
      <Badge tone={s.tone}>{s.words}</Badge>
    </span>
  );
}

export function standingWords(standing: RateStanding): string {
  return STANDING[standing].words;
}

/** "$120/h", "$800/day" */
export function perUnitText(rate: number, currency: string, unit: string, locale: string): string {
  return `${formatMoney(rate, currency, locale)}/${unit === "day" ? "day" : "h"}`;
}

/** How the price was set, in words. */
export function priceSourceWords(source: OptionPriceSource, minimumFee: number, currency: string, locale: string): string {
  if (source === "minimum_fee") return `lifted to your minimum fee of ${formatMoney(minimumFee, currency, locale)}`;
  if (source === "custom") return "your price";
  return "from your rate card at target";
}
