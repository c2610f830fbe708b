import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import { label } from "@/lib/domain";
import type { DashboardView } from "@/server/dashboard";
import type { Fmt } from "../format";

/** The quotes listed by name; the rest are counted. */
const LISTED = 5;

/**
 * Quotes of the period in another currency with no exchange rate: their money cannot be added to the
 * book's, so they are named here rather than silently left out, each with a link to add its rate.
 */
export function LackingRateNotice({ d, f }: { d: DashboardView; f: Fmt }) {
  const list = d.lackingRate;
  if (list.length === 0) return null;
  const n = list.length;
  const rest = n - Math.min(n, LISTED);
  return (
    <section
      aria-labelledby="lacking-rate-title"
      data-testid="lacking-rate"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-stone-950 dark:text-amber-100"
    >
      <h2 id="lacking-rate-title" className="flex items-center gap-2 font-semibold">
        <TriangleAlert aria-hidden className="size-4 shrink-0" />
        {f.n(n, "quote")} in other currencies {n === 1 ? "has" : "have"} no exchange rate and {n === 1 ? "is" : "are"} not counted — add a rate
      </h2>
      <p className="mt-1">
        Their money is not added to your {d.currency} totals or scores. Open each to add its rate (the form offers the rate you keep in{" "}
        <Link href="/settings#exchange-rates" className="underline">
          Settings → Exchange rates
        </Link>
        ), or{" "}
        <Link href="/settings#other-currencies" className="underline">
          convert them all to {d.currency}
        </Link>
        .
      </p>
      <ul className="mt-2 space-y-1">
        {list.slice(0, LISTED).map((q) => (
          <li key={q.quoteId}>
            <Link href={`/quotes/${q.quoteId}`} className="inline-flex min-h-8 items-center underline">
              {q.clientName} · {q.title} ({q.currency}, {label(q.status).toLowerCase()})
            </Link>
          </li>
        ))}
        {rest > 0 ? <li>and {f.n(rest, "more quote")}.</li> : null}
      </ul>
    </section>
  );
}
