import { Check } from "lucide-react";
import type { ProposalView } from "@/server/proposals";
import { formatDay } from "@/lib/format-date";
import { formatHours, formatMoney } from "@/lib/money";

/**
 * The user's preview of what the client sees: who it is from, the options side by side with what each
 * includes and its price, the terms and the expiry. (The client's own page is /p/<secret>.)
 */
export function ProposalPreview({ proposal, locale }: { proposal: ProposalView; locale: string }) {
  const money = (n: number) => formatMoney(n, proposal.currency, locale);
  return (
    <article className="space-y-6" data-testid="proposal-preview">
      <header>
        <p className="text-sm text-stone-600 dark:text-stone-400">Proposal for {proposal.clientName}</p>
        <h2 className="text-xl font-semibold">{proposal.quoteTitle}</h2>
        {proposal.businessName ? <p className="text-sm">From {proposal.businessName}</p> : null}
      </header>
      {proposal.intro ? <p className="whitespace-pre-line">{proposal.intro}</p> : null}
      <ol className={`grid gap-4 ${proposal.options.length === 3 ? "md:grid-cols-3" : "md:grid-cols-2"}`}>
        {proposal.options.map((o) => (
          <li key={o.id} className="rounded-lg border border-stone-300 p-4 break-inside-avoid dark:border-stone-700">
            <h3 className="text-lg font-semibold">{o.name}</h3>
            {o.summary ? <p className="text-sm text-stone-700 dark:text-stone-300">{o.summary}</p> : null}
            <p className="mt-2 text-2xl font-semibold tabular-nums">{money(o.price)}</p>
            <p className="text-xs text-stone-600 dark:text-stone-400">{formatHours(o.minutes, locale)} of work</p>
            <ul className="mt-3 space-y-1 text-sm">
              {o.items.map((i) => (
                <li key={i} className="flex gap-2">
                  <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-700 dark:text-emerald-400" />
                  {proposal.items[i]?.name}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {proposal.terms ? (
        <section>
          <h3 className="font-semibold">Terms</h3>
          <p className="whitespace-pre-line text-sm">{proposal.terms}</p>
        </section>
      ) : null}
      <p className="text-sm">This proposal holds until {formatDay(proposal.expiresOn, locale)}.</p>
    </article>
  );
}
