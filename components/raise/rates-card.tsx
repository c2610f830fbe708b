import Link from "next/link";
import { TrendingUp } from "lucide-react";
import { formatDay } from "@/lib/format-date";
import { rateWords } from "@/lib/raise";
import type { ClientRatesCard } from "@/server/raises";
import { Card } from "@/components/ui/card";

/** The client page's Rates card: what they pay now per service, their next rate, and a link to the planner. */
export function RatesCard({ clientId, card, locale }: { clientId: number; card: ClientRatesCard; locale: string }) {
  return (
    <Card title="Rates" id="rates">
      {card.lines.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">No accepted work yet: their rate shows here once they accept a quote.</p>
      ) : (
        <ul className="grid gap-3 text-sm" data-testid="client-rates">
          {card.lines.map((l) => (
            <li key={l.service.id} className="grid gap-1">
              <span className="font-medium">{l.service.name}</span>
              {l.rateNow ? (
                <span>
                  Pays {rateWords(l.rateNow.rate, l.rateNow.currency, l.rateNow.unit, locale)} <span className="text-stone-600 dark:text-stone-400">({l.rateNow.words})</span>
                </span>
              ) : (
                <span className="text-stone-600 dark:text-stone-400">What they pay is not known yet</span>
              )}
              {l.next ? (
                <span data-testid="next-rate">
                  Next: {rateWords(l.next.rate, l.service.currency, l.service.unit, locale)} from {formatDay(l.next.effectiveFrom, locale)}
                </span>
              ) : null}
              <Link href={`/clients/${clientId}/raise?serviceId=${l.service.id}`} className="inline-flex min-h-10 items-center gap-1 text-sky-800 underline dark:text-sky-300">
                <TrendingUp aria-hidden className="size-4" />
                Plan a raise for {l.service.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {card.stats ? <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">{card.stats}</p> : null}
    </Card>
  );
}
