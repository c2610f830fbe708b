import { VERDICT_LABELS, type Verdict } from "@/lib/worth";
import { Badge } from "@/components/ui/card";

const tone: Record<Verdict, "good" | "warn" | "bad" | "neutral"> = { keep: "good", set_boundaries: "warn", walk_away: "bad", not_enough_data: "neutral" };

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <Badge tone={tone[verdict]}>{VERDICT_LABELS[verdict]}</Badge>;
}

const bar: Record<Verdict, string> = { keep: "bg-[var(--color-keep)]", set_boundaries: "bg-[var(--color-bounds)]", walk_away: "bg-[var(--color-walk)]", not_enough_data: "bg-[var(--color-unknown)]" };

/** A score as a number and a bar; unknown shows as a dash, never as 0. */
export function ScoreBar({ score, verdict, label }: { score: number | null; verdict: Verdict; label?: string }) {
  return (
    <div className="flex items-center gap-2" aria-label={label ? `${label}: ${score ?? "unknown"}` : undefined}>
      <span className="w-8 text-right font-semibold tabular-nums">{score ?? "–"}</span>
      <span className="h-2 w-24 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-700" aria-hidden>
        {score != null ? <span className={`block h-full ${bar[verdict]}`} style={{ width: `${score}%` }} /> : null}
      </span>
    </div>
  );
}
