/** Counter by tier, as shown: the proposal's options with their prices, the one their budget buys marked, and what it leaves out. */
import { Check, Layers } from "lucide-react";
import { formatHours, formatMoney } from "@/lib/money";
import type { OfferTiers } from "@/lib/offer-check";
import { card } from "./offer-answer";

export function OfferTierCard({ tiers, currency, locale }: { tiers: OfferTiers; currency: string; locale: string }) {
  return (
    <section aria-labelledby="offer-tiers" className={card} data-testid="offer-tiers">
      <h3 id="offer-tiers" className="mb-1 flex items-center gap-2 text-sm font-semibold">
        <Layers aria-hidden className="size-4" />
        Their budget against your proposal
      </h3>
      <p className="text-sm" data-testid="offer-tiers-text">
        {tiers.text}
      </p>
      <ul className="mt-3 grid gap-2 sm:grid-cols-3" aria-label="Options">
        {tiers.options.map((o) => {
          const bought = o.id === tiers.boughtId;
          return (
            <li
              key={o.id}
              className={`rounded-md border p-3 text-sm ${bought ? "border-2 border-[var(--color-keep)] bg-emerald-50 dark:bg-emerald-950/30" : "border-stone-200 dark:border-stone-700"}`}
              data-testid={bought ? "offer-tier-bought" : "offer-tier"}
            >
              <p className="font-semibold">{o.name}</p>
              {bought ? (
                <p className="mt-0.5 inline-flex items-center gap-1 text-xs font-medium text-emerald-900 dark:text-emerald-200">
                  <Check aria-hidden className="size-3.5" />
                  Their budget buys this
                </p>
              ) : o.id === tiers.referenceId ? (
                <p className="mt-0.5 text-xs text-stone-600 dark:text-stone-400">Quoted</p>
              ) : null}
              <p className="mt-1 tabular-nums">
                {formatMoney(o.price, currency, locale)} · {formatHours(o.minutes, locale)}
              </p>
              <p className="mt-1 text-xs text-stone-700 dark:text-stone-300">{o.items.join(" · ")}</p>
            </li>
          );
        })}
      </ul>
      {tiers.boughtId != null && tiers.leftOut.length ? (
        <p className="mt-2 text-sm" data-testid="offer-tiers-left-out">
          Left out: {tiers.leftOut.join(", ")}
        </p>
      ) : null}
    </section>
  );
}
