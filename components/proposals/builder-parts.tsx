import type { RateStanding } from "@/lib/proposals/pricing";
import type { OptionPriceSource } from "@/lib/domain";
import { formatMoney } from "@/lib/money";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/card";
import { FieldShell } from "@/components/ui/field-shell";

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

export function Err({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
      {errors[0]}
    </p>
  );
}

/** A label, its control, a hint and the field's first error (the app's one field shell), errors keyed by the control's id. */
export function Labelled({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: string[]; children: ReactNode }) {
  return (
    <FieldShell id={id} name={id} label={label} hint={hint} errors={error ? { [id]: error } : undefined}>
      {children}
    </FieldShell>
  );
}

/** The aria-describedby of a control: its hint and its error, when shown. */
export const described = (id: string, hint: boolean, error?: string[]) => [hint ? `${id}-hint` : null, error?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
