/**
 * A quote's "Time spent": estimated against logged hours (a bar, the overrun in a warning colour), both
 * rates against the rates in force, which one the judgement uses, and when the job crept, the notice with
 * the unpaid asks logged on the quote. Presentational: the numbers are lib/time-spent.ts's, the words
 * lib/time-words.ts's; the forms come in as children.
 */
import type { ReactNode } from "react";
import { AlertTriangle } from "lucide-react";
import { formatHours } from "@/lib/money";
import { ratePosition, type QuoteTimeView, type RatePosition } from "@/lib/time-spent";
import { basisSentence, creepNotice, loggedAgainstEstimate, notJudgedSentence, overrunWords, perUnit, unpaidAsksCause } from "@/lib/time-words";
import { Badge } from "@/components/ui/card";

const POSITION_BADGE: Record<RatePosition, { tone: "bad" | "warn" | "good"; text: string }> = {
  below_floor: { tone: "bad", text: "Below floor" },
  below_target: { tone: "warn", text: "Below target" },
  below_market: { tone: "good", text: "At or above target" },
  at_market: { tone: "good", text: "At or above market" },
};

/** Logged time against the estimate; past the estimate, the overrun in a warning colour. Text says it all; the bar is a picture of it. */
export function TimeBarView({ view, locale }: { view: QuoteTimeView; locale: string }) {
  const { bar, time } = view;
  return (
    <div>
      <p className="mb-1 flex flex-wrap justify-between gap-x-3 text-sm">
        <span data-testid="time-logged">{loggedAgainstEstimate(time, locale)}</span>
        {time.overrunBp != null ? (
          <span className={time.crept ? "font-medium text-orange-800 dark:text-orange-300" : "text-stone-600 dark:text-stone-400"} data-testid="time-overrun">
            {overrunWords(time.overrunBp, locale)}
          </span>
        ) : null}
      </p>
      <div aria-hidden className="relative h-3 w-full overflow-hidden rounded-full bg-stone-200 dark:bg-stone-700">
        <div className="absolute inset-y-0 left-0 bg-sky-700 dark:bg-sky-400" style={{ width: `${bar.withinBp / 100}%` }} />
        {bar.overrunBp > 0 ? <div className="absolute inset-y-0 right-0 bg-orange-500 dark:bg-orange-400" style={{ width: `${bar.overrunBp / 100}%` }} /> : null}
        {bar.estimateAtBp < 10000 ? <div className="absolute inset-y-0 w-0.5 bg-stone-900 dark:bg-white" style={{ left: `${bar.estimateAtBp / 100}%` }} /> : null}
      </div>
    </div>
  );
}

function RateRow({ label, rate, view, used, locale, testId }: { label: string; rate: number | null; view: QuoteTimeView; used: boolean; locale: string; testId: string }) {
  if (rate == null) return null;
  const badge = view.rates ? POSITION_BADGE[ratePosition(rate, view.rates)] : null;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 py-1" data-testid={testId}>
      <dt className="text-stone-700 dark:text-stone-300">
        {label}
        {used ? <span className="ml-2 text-xs font-medium text-sky-800 dark:text-sky-300">(judged on this)</span> : null}
      </dt>
      <dd className="flex items-center gap-2">
        <span className="font-semibold tabular-nums">{perUnit(rate, view.currency, view.unit, locale)}</span>
        {badge ? <Badge tone={badge.tone}>{badge.text}</Badge> : null}
      </dd>
    </div>
  );
}

export function TimeSpentSummary({ view, accepted, locale, children }: { view: QuoteTimeView; accepted: boolean; locale: string; children?: ReactNode }) {
  const { time } = view;
  const priceWord = accepted ? "Agreed" : "Price now";
  const usesLogged = time.basis === "time_logged";
  const creepRate =
    view.judgedRate != null && view.rates && usesLogged ? { rate: view.judgedRate, position: ratePosition(view.judgedRate, view.rates), rates: view.rates, currency: view.currency, unit: view.unit } : null;
  const cause = unpaidAsksCause(view.unpaidAsks, locale);
  return (
    <div className="space-y-4">
      {time.crept ? (
        <div role="note" className="flex gap-3 rounded-md border border-orange-400 bg-orange-50 p-3 text-sm text-orange-950 dark:border-orange-700 dark:bg-orange-950/40 dark:text-orange-100" data-testid="creep-notice">
          <AlertTriangle aria-hidden className="mt-0.5 size-5 shrink-0" />
          <div>
            <p className="font-medium">{creepNotice(time, creepRate, locale)}</p>
            {cause ? <p className="mt-1" data-testid="creep-cause">{cause}</p> : null}
          </div>
        </div>
      ) : null}
      <TimeBarView view={view} locale={locale} />
      <p className="text-sm" data-testid="time-basis">
        {view.judged ? basisSentence(time, locale) : notJudgedSentence(time.actualMinutes, locale)}
      </p>
      {view.estimateRate != null || view.loggedRate != null ? (
        <dl className="divide-y divide-stone-100 text-sm dark:divide-stone-800">
          <RateRow label={`${priceWord} ÷ ${formatHours(time.estimateMinutes, locale)} estimate`} rate={view.estimateRate} view={view} used={view.judged && !usesLogged} locale={locale} testId="rate-on-estimate" />
          <RateRow label={`${priceWord} ÷ ${formatHours(time.actualMinutes, locale)} logged`} rate={view.loggedRate} view={view} used={view.judged && usesLogged} locale={locale} testId="rate-on-logged" />
        </dl>
      ) : null}
      {view.rates ? (
        <p className="text-xs text-stone-600 dark:text-stone-400">
          Rates in force: floor {perUnit(view.rates.floorRate, view.currency, view.unit, locale)}, target {perUnit(view.rates.targetRate, view.currency, view.unit, locale)}, market{" "}
          {perUnit(view.rates.marketRate, view.currency, view.unit, locale)}.
        </p>
      ) : (
        <p className="text-xs text-stone-600 dark:text-stone-400">No service rates to compare with: the quote has no service, or its service is priced in another currency.</p>
      )}
      {children}
    </div>
  );
}
