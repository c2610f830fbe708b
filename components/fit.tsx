import { CircleCheck, CircleHelp, DoorOpen, TriangleAlert, type LucideIcon } from "lucide-react";
import { VERDICT_LABELS, type Verdict } from "@/lib/worth";

/**
 * Each verdict its own look, told apart by more than colour (an icon and the word) and strongest where it
 * matters: walk away is solid red, set boundaries amber, keep green, not enough data grey. Every pair of
 * text and background is at least 4.5:1 in light and dark.
 */
const VERDICT_STYLE: Record<Verdict, { cls: string; Icon: LucideIcon }> = {
  walk_away: { cls: "bg-red-700 text-white ring-red-800 dark:bg-red-700 dark:text-white dark:ring-red-500", Icon: DoorOpen },
  set_boundaries: { cls: "bg-amber-100 text-amber-950 ring-amber-400 dark:bg-amber-300 dark:text-amber-950 dark:ring-amber-200", Icon: TriangleAlert },
  keep: { cls: "bg-emerald-50 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-700", Icon: CircleCheck },
  not_enough_data: { cls: "bg-stone-100 text-stone-800 ring-stone-300 dark:bg-stone-800 dark:text-stone-200 dark:ring-stone-600", Icon: CircleHelp },
};

/**
 * `sprite`: the id prefix of a `VerdictIcons` on the same page. A long list then draws each icon once and
 * points to it from every row (a few bytes a row instead of the icon's whole path).
 */
export function VerdictBadge({ verdict, sprite }: { verdict: Verdict; sprite?: string }) {
  const { cls, Icon } = VERDICT_STYLE[verdict];
  return (
    <span data-verdict={verdict} className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${cls}`}>
      {sprite ? (
        <svg aria-hidden className="size-3.5 shrink-0">
          <use href={`#${sprite}-${verdict}`} />
        </svg>
      ) : (
        <Icon aria-hidden className="size-3.5 shrink-0" />
      )}
      {VERDICT_LABELS[verdict]}
    </span>
  );
}

/** The four verdict icons, drawn once (hidden) for the badges given the same `sprite` id prefix. */
export function VerdictIcons({ sprite }: { sprite: string }) {
  return (
    <svg aria-hidden width="0" height="0" className="absolute">
      {(Object.keys(VERDICT_STYLE) as Verdict[]).map((v) => {
        const { Icon } = VERDICT_STYLE[v];
        return (
          <symbol key={v} id={`${sprite}-${v}`} viewBox="0 0 24 24">
            <Icon />
          </symbol>
        );
      })}
    </svg>
  );
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
