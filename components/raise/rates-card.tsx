import Link from "next/link";
import { MessageSquareReply, TrendingUp } from "lucide-react";
import { formatDay } from "@/lib/format-date";
import { pendingWords, rateWords } from "@/lib/raise";
import type { ClientRatesCard } from "@/server/raise-pages";
import { Card } from "@/components/ui/card";

/**
 * The client page's Rates card: what they pay now per service, their next rate, and a link to the
 * planner — or, while a raise is still to take effect, that raise and a link to record their answer.
 * Under it, this client's raises and, labelled apart, the whole book's.
 */
export function RatesCard({ clientId, card, locale }: { clientId: number; card: ClientRatesCard; locale: string }) {
  const link = "inline-flex min-h-10 items-center gap-1 text-sky-800 underline dark:text-sky-300";
  return (
    <Card title="Rates" id="rates">
      {card.lines.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">No accepted work yet: their rate shows here once they accept a quote.</p>
      ) : (
        <ul className="grid gap-3 text-sm" data-testid="client-rates">
          {card.lines.map((l) => {
            const href = `/clients/${clientId}/raise?serviceId=${l.service.id}`;
            // the pending raise already says its rate and day; "Next:" only for another rate (one set by hand)
            const showNext = l.next && !(l.pending && l.pending.effectiveFrom === l.next.effectiveFrom);
            return (
              <li key={l.service.id} className="grid gap-1">
                <span className="font-medium">{l.service.name}</span>
                {l.rateNow ? (
                  <span>
                    Pays {rateWords(l.rateNow.rate, l.rateNow.currency, l.rateNow.unit, locale)} <span className="text-stone-600 dark:text-stone-400">({l.rateNow.words})</span>
                  </span>
                ) : (
                  <span className="text-stone-600 dark:text-stone-400">What they pay is not known yet</span>
                )}
                {showNext && l.next ? (
                  <span data-testid="next-rate">
                    Next: {rateWords(l.next.rate, l.service.currency, l.service.unit, locale)} from {formatDay(l.next.effectiveFrom, locale)}
                  </span>
                ) : null}
                {l.pending ? (
                  <>
                    <span data-testid="pending-raise">{pendingWords(l.pending, l.service.unit, locale)}</span>
                    <Link href={`${href}#plans`} className={link}>
                      <MessageSquareReply aria-hidden className="size-4" />
                      {l.pending.outcome == null ? `Record their answer to the raise for ${l.service.name}` : `See the raise for ${l.service.name}`}
                    </Link>
                  </>
                ) : (
                  <Link href={href} className={link}>
                    <TrendingUp aria-hidden className="size-4" />
                    Plan a raise for {l.service.name}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="mt-3 text-sm text-stone-600 dark:text-stone-400" data-testid="raise-stats-client">
        {card.stats.client}
      </p>
      {card.stats.book ? (
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400" data-testid="raise-stats-book">
          {card.stats.book}
        </p>
      ) : null}
    </Card>
  );
}
