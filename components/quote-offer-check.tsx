import Link from "next/link";
import type { OfferCheckResult } from "@/server/offers";
import { Badge } from "@/components/ui/card";

const tone = { accept: "good", counter: "warn", walk_away: "bad" } as const;
const words = { accept: "Accept", counter: "Counter", walk_away: "Walk away" } as const;

/** On a quote still open: the offer check's answer to what the client is asking for right now. */
export function QuoteOfferCheck({ quoteId, result }: { quoteId: number; result: OfferCheckResult }) {
  const ev = result.evaluation;
  return (
    <section aria-labelledby="quote-offer-title" className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900" data-testid="quote-offer-check">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="quote-offer-title" className="text-base font-semibold">
          Offer check on what they ask now
        </h2>
        <Badge tone={tone[ev.answer]}>{words[ev.answer]}</Badge>
      </div>
      <p className="mt-2 text-sm">{ev.headline}</p>
      {ev.plausibility ? (
        <p className="mt-2 rounded-md border border-amber-600 bg-amber-100 p-2 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100" data-testid="quote-offer-plausibility">
          <strong>Check the numbers: </strong>
          {ev.plausibility.text}
        </p>
      ) : null}
      {ev.tiers && ev.tiers.outcome !== "not_used" ? (
        <p className="mt-2 text-sm font-medium" data-testid="quote-offer-tier">
          {ev.tiers.text}
        </p>
      ) : null}
      <ul className="mt-2 list-disc pl-5 text-sm text-stone-700 dark:text-stone-300">
        {ev.reasons.slice(0, 3).map((r, i) => (
          <li key={i}>{r.text}</li>
        ))}
      </ul>
      <Link href={`/offer?quoteId=${quoteId}`} className="mt-3 inline-flex min-h-10 items-center text-sm font-medium text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">
        Open the full offer check, with messages to send →
      </Link>
    </section>
  );
}
