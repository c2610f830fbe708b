"use client";
import { mainCriterionLine, scoreChangeLine, type ScoreChange } from "@/lib/score-change";
import { useIsLatestChange } from "./latest-change";

/** Next to a form that just logged something: "Fit score 72 → 64 · Set boundaries", and the criterion that moved most. */
export function ScoreChangeNote({ change, at }: { change?: ScoreChange; at?: number }) {
  const latest = useIsLatestChange(at);
  if (!change || !latest) return null;
  const main = mainCriterionLine(change);
  const tone = change.after != null && change.before != null && change.after < change.before ? "border-orange-300 dark:border-orange-800" : "border-stone-200 dark:border-stone-700";
  return (
    <p className={`basis-full rounded-md border bg-stone-50 px-3 py-2 text-sm dark:bg-stone-800/50 ${tone}`} data-testid="score-change">
      <span className="font-medium">{scoreChangeLine(change)}</span>
      {main ? <span className="text-stone-700 dark:text-stone-300"> ({main})</span> : null}
    </p>
  );
}
