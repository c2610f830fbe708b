/** The offer check's answer, as shown: the verdict, why, and the terms to trade on. Presentational: the form and recording live in ./offer-check.tsx. */
import type { Ref } from "react";
import { AlertTriangle, CheckCircle2, CircleAlert, Hourglass, Info, XCircle } from "lucide-react";
import { label } from "@/lib/domain";
import type { OfferEvaluation } from "@/lib/offer-check";
import type { OfferCheckResult } from "@/server/offers";

const answerStyle = {
  walk_away: { text: "Walk away", icon: XCircle, cls: "border-[var(--color-walk)] bg-orange-50 dark:bg-orange-950/30" },
  counter: { text: "Counter", icon: CircleAlert, cls: "border-[var(--color-bounds)] bg-amber-50 dark:bg-amber-950/30" },
  accept: { text: "Accept", icon: CheckCircle2, cls: "border-[var(--color-keep)] bg-emerald-50 dark:bg-emerald-950/30" },
} as const;

const toneIcon = { good: CheckCircle2, warn: CircleAlert, bad: XCircle, info: Info } as const;
const toneCls = { good: "text-[var(--color-keep)]", warn: "text-[var(--color-bounds)]", bad: "text-[var(--color-walk)]", info: "text-[var(--color-info)]" } as const;
export const card = "rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900";

/** The answer in one word, its headline, the plausibility warning and the client's standing; its heading takes the focus. */
export function OfferVerdict({ evaluation: ev, client, headingRef }: { evaluation: OfferEvaluation; client: OfferCheckResult["client"]; headingRef: Ref<HTMLHeadingElement> }) {
  const style = answerStyle[ev.answer];
  return (
    <section aria-labelledby="offer-answer" className={`rounded-lg border-l-4 p-4 ${style.cls}`} data-testid="offer-answer">
      <div className="flex items-center gap-3">
        <style.icon aria-hidden className="size-8 shrink-0" />
        <div>
          <h2 id="offer-answer" ref={headingRef} tabIndex={-1} className="scroll-mt-4 text-2xl font-bold outline-none focus-visible:ring-2 focus-visible:ring-sky-600" data-testid="offer-answer-text">
            {style.text}
          </h2>
          <p className="text-sm">{ev.headline}</p>
        </div>
      </div>
      {ev.plausibility ? (
        <p className="mt-3 flex gap-2 rounded-md border border-amber-600 bg-amber-100 p-2 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100" data-testid="offer-plausibility">
          <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            <strong>Check the numbers: </strong>
            {ev.plausibility.text}
          </span>
        </p>
      ) : null}
      {ev.overrun ? (
        <p className="mt-3 flex gap-2 rounded-md border border-amber-600 bg-amber-100 p-2 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100" data-testid="offer-overrun">
          <Hourglass aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>{ev.overrun.text}</span>
        </p>
      ) : null}
      {client.isNew ? null : (
        <p className="mt-2 text-sm">
          {client.name}: fit score {client.fitScore ?? "unknown"} ({label(client.verdict) || client.verdict.replace(/_/g, " ")}).
        </p>
      )}
    </section>
  );
}

/** Every reason, toned; capacity; the questions to ask yourself. */
export function OfferWhy({ evaluation: ev }: { evaluation: OfferEvaluation }) {
  return (
    <section aria-labelledby="offer-reasons" className={card}>
      <h3 id="offer-reasons" className="mb-2 text-sm font-semibold">
        Why
      </h3>
      <ul className="space-y-1.5" data-testid="offer-reasons">
        {ev.reasons.map((r, i) => {
          const Icon = toneIcon[r.tone];
          return (
            <li key={i} className="flex gap-2 text-sm">
              <Icon aria-hidden className={`mt-0.5 size-4 shrink-0 ${toneCls[r.tone]}`} />
              <span>{r.text}</span>
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-xs text-stone-600 dark:text-stone-400">Capacity: {ev.capacity.label}</p>
      {ev.questions.length ? (
        <ul className="mt-3 space-y-1 text-sm italic">
          {ev.questions.map((q, i) => (
            <li key={i}>{q}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Trade, don't give: the counter's text and its conditions, listed once. */
export function OfferTerms({ evaluation: ev }: { evaluation: OfferEvaluation }) {
  return (
    <section aria-labelledby="offer-counter" className={card}>
      <h3 id="offer-counter" className="mb-2 text-sm font-semibold">
        Trade, don&rsquo;t give
      </h3>
      <p className="text-sm" data-testid="offer-counter-text">
        {ev.counter.text}
      </p>
      {ev.counter.conditions.length ? (
        <>
          <p className="mt-2 text-sm font-medium">On these terms:</p>
          <ul className="mt-1 list-disc pl-5 text-sm" data-testid="offer-conditions">
            {ev.counter.conditions.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
