import { CheckCircle2 } from "lucide-react";
import type { ProposalView } from "@/server/proposal-views";
import { DECLINE_REASON_WORDS } from "@/lib/proposals/answer-words";
import { formatDay } from "@/lib/format-date";
import { formatHours, formatMoney } from "@/lib/money";
import { Card } from "@/components/ui/card";
import { perUnitText } from "./builder-parts";

/**
 * An answered proposal as a record, not a form: the options with the prices offered and what each
 * included, which one the client chose (or why they declined, with their note), and when.
 */
export function ProposalRecord({ proposal, locale }: { proposal: ProposalView; locale: string }) {
  const money = (n: number) => formatMoney(n, proposal.currency, locale);
  const rate = (n: number) => perUnitText(n, proposal.currency, proposal.unit, locale);
  const day = proposal.answeredOn ? formatDay(proposal.answeredOn, locale) : null;
  const chosen = proposal.options.find((o) => o.id === proposal.chosenOptionId) ?? null;
  return (
    <Card title="What the client answered" id="record">
      <div className="space-y-4 text-sm" data-testid="proposal-record">
        <p data-testid="record-answer">
          {chosen ? (
            <>
              The client chose <strong>{chosen.name}</strong> at <strong>{money(chosen.price)}</strong>
              {day ? ` on ${day}` : ""}.
            </>
          ) : proposal.declineReason ? (
            <>
              The client declined{day ? ` on ${day}` : ""}. Their reason: <strong>{DECLINE_REASON_WORDS[proposal.declineReason].toLowerCase()}</strong>
              {proposal.declineNote?.trim() ? <> — “{proposal.declineNote.trim()}”</> : null}.
            </>
          ) : (
            "The client answered."
          )}
        </p>
        <p className="text-stone-700 dark:text-stone-300" data-testid="record-rates">
          Priced {proposal.rush ? `as a rush job (×${(Math.max(100, proposal.rushMultiplierPct) / 100).toLocaleString(locale)}) ` : ""}at floor {rate(proposal.rates.floor)}, target {rate(proposal.rates.target)}, market {rate(proposal.rates.market)}
          {proposal.minimumFee > 0 ? `; minimum fee ${money(proposal.minimumFee)}` : ""}. This record stays as it was offered.
        </p>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {proposal.options.map((o) => {
            const isChosen = o.id === proposal.chosenOptionId;
            return (
              <li
                key={o.id}
                className={`rounded-md border p-3 ${isChosen ? "border-emerald-600 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950/40" : "border-stone-200 dark:border-stone-700"}`}
                data-testid="record-option"
              >
                <p className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-semibold">
                    {o.name}
                    {isChosen ? (
                      <span className="ml-2 inline-flex items-center gap-1 text-emerald-800 dark:text-emerald-200">
                        <CheckCircle2 aria-hidden className="size-4" />
                        chosen
                      </span>
                    ) : null}
                  </span>
                  <span className="tabular-nums font-semibold" data-testid="record-option-price">
                    {money(o.price)}
                  </span>
                </p>
                {o.summary ? <p className="mt-1 text-stone-700 dark:text-stone-300">{o.summary}</p> : null}
                <p className="mt-1 text-stone-600 dark:text-stone-400">
                  {formatHours(o.minutes, locale)} · {rate(o.effectiveRate)}
                </p>
                <ul className="mt-2 list-disc pl-5">
                  {o.items.map((i) => (
                    <li key={i}>{proposal.items[i]?.name}</li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
        {proposal.terms ? (
          <p className="whitespace-pre-line text-stone-700 dark:text-stone-300">
            <span className="font-medium">Terms: </span>
            {proposal.terms}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
