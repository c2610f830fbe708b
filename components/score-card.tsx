import type { FitAssessment } from "@/lib/worth";
import { formatMoney } from "@/lib/money";
import { plural } from "@/lib/text";
import { ScoreBar, VerdictBadge } from "./fit";

/** The score in one line, for the top of a narrow page: the breakdown is further down. */
export function ScoreSummary({ assessment, href }: { assessment: FitAssessment; href: string }) {
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="fit-summary-line">
      <span>
        Fit score <strong className="tabular-nums">{assessment.score ?? "–"}</strong>
      </span>
      <VerdictBadge verdict={assessment.verdict} />
      <a href={href} className="inline-flex min-h-10 items-center text-sky-800 underline underline-offset-2 dark:text-sky-300">
        See the breakdown
      </a>
    </p>
  );
}

/** The overall fit score with every criterion's evidence: every number explained. */
export function ScoreCard({
  assessment,
  currency,
  locale,
  bands,
}: {
  assessment: FitAssessment;
  currency: string;
  locale: string;
  /** the verdict bands and red-flag rules of Settings: the card says what they did */
  bands: { keep: number; walkAway: number; capVerdictOnRedFlag: boolean; redFlagsForWalkAway: number };
}) {
  const a = assessment;
  return (
    <section id="fit" aria-labelledby="fit-title" className="scroll-mt-20 rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900" data-testid="fit-card">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="fit-title" className="text-base font-semibold">
          Fit score
        </h2>
        <span className="text-xs text-stone-500 dark:text-stone-400">Confidence: {a.confidence} ({plural(a.evidenceCount, "piece")} of evidence)</span>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-4">
        <span className="text-4xl font-bold tabular-nums" data-testid="fit-score">
          {a.score ?? "–"}
        </span>
        <span data-testid="fit-verdict">
          <VerdictBadge verdict={a.verdict} />
        </span>
      </div>
      <p className="mt-2 text-sm" data-testid="fit-summary">
        {a.summary}
      </p>
      {a.redFlags.length ? (
        <p className="mt-1 text-sm font-medium text-orange-800 dark:text-orange-300" data-testid="fit-red-flags">
          Red flag{a.redFlags.length === 1 ? "" : "s"}: {a.redFlags.map((k) => a.criteria.find((c) => c.key === k)?.label ?? k).join(", ")} — in the walk-away band (under{" "}
          {bands.walkAway})
          {bands.redFlagsForWalkAway > 0 && a.redFlags.length >= bands.redFlagsForWalkAway
            ? `; ${bands.redFlagsForWalkAway === 1 ? "one is" : `${bands.redFlagsForWalkAway} are`} enough for “Walk away”.`
            : bands.capVerdictOnRedFlag
              ? ", so the verdict cannot be “Keep”."
              : " (your settings let the overall score decide)."}
        </p>
      ) : null}
      <p className="mt-1 text-sm text-stone-700 dark:text-stone-300" data-testid="fit-trend">
        {a.trend === "better" ? "↗ " : a.trend === "worse" ? "↘ " : ""}
        {a.trendSummary}
      </p>
      {a.settling.moneyLeftOnTable > 0 ? (
        <p className="mt-1 text-sm">
          Money left on the table: <strong className="tabular-nums">{formatMoney(a.settling.moneyLeftOnTable, currency, locale)}</strong> over {a.settling.settledCount} of {plural(a.settling.acceptedCount, "accepted quote")}.
        </p>
      ) : null}
      <ul className="mt-4 divide-y divide-stone-100 dark:divide-stone-800">
        {a.criteria.map((c) => (
          <li key={c.key} className="py-3" data-testid={`criterion-${c.key}`}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="text-sm font-medium">
                {c.label} <span className="text-xs font-normal text-stone-500 dark:text-stone-400">weight {c.weight}</span>
              </span>
              <ScoreBar score={c.score} verdict={c.score == null ? "not_enough_data" : c.score >= bands.keep ? "keep" : c.score >= bands.walkAway ? "set_boundaries" : "walk_away"} label={c.label} />
            </div>
            {c.score == null ? <p className="text-sm text-stone-500 dark:text-stone-400">Unknown: nothing logged for this yet.</p> : null}
            <ul className="mt-1 list-disc pl-5 text-sm text-stone-700 dark:text-stone-300">
              {c.evidence.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
            {c.score != null && c.score < 100 ? <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">To raise it: {c.improve}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
