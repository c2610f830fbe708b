/** Building blocks shared by the dashboard's sections: stat tiles, chart figures, empty states, table alternatives. */
import Link from "next/link";
import type { ReactNode } from "react";
import { TOO_FEW, sampleCounts, type CaseNoun, type SampleShare } from "@/lib/dashboard";

/** Long tables stop here: a big book would otherwise send thousands of rows; the Clients page lists everyone. */
export const TABLE_MAX = 20;

export function MoreRows({ total, cols }: { total: number; cols: number }) {
  if (total <= TABLE_MAX) return null;
  return (
    <tr>
      <td colSpan={cols} className="text-stone-600 dark:text-stone-400">
        Showing {TABLE_MAX} of {total}.{" "}
        <Link className="underline" href="/clients">
          Every client is on the Clients page.
        </Link>
      </td>
    </tr>
  );
}

/** The table alternative of a chart; left out (when=false) where the section shows an empty state instead. */
export function TableDetails({ caption, children, when = true }: { caption: string; children: ReactNode; when?: boolean }) {
  if (!when) return null;
  return (
    <details className="mt-3 text-sm">
      <summary className="inline-flex min-h-10 cursor-pointer items-center rounded-md px-1 font-medium text-sky-800 dark:text-sky-300">Show as table</summary>
      {/* focusable so keyboard users can scroll a table wider than the screen */}
      <div className="mt-2 overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
        <table className="min-w-full border-collapse text-left text-sm tabular-nums [&_td]:border-t [&_td]:border-stone-200 [&_td]:px-2 [&_td]:py-1.5 dark:[&_td]:border-stone-800 [&_th]:px-2 [&_th]:py-1.5 [&_th]:font-semibold [&_thead_th]:whitespace-nowrap">
          <caption className="sr-only">{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  );
}

/** A chart with its accessible name (the section title) and a plain-words description. */
export function Figure({ id, desc, children }: { id: string; desc: string; children: ReactNode }) {
  return (
    <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} data-testid={`chart-${id}`}>
      <p id={`${id}-desc`} className="mb-2 text-sm text-stone-700 dark:text-stone-300">
        {desc}
      </p>
      {children}
    </figure>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed border-stone-300 p-4 text-sm text-stone-700 dark:border-stone-700 dark:text-stone-300">{children}</p>;
}

export function Stat({ label: title, value, children, testId }: { label: string; value: ReactNode; children?: ReactNode; testId: string }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900" data-testid={testId}>
      <dt className="text-sm text-stone-600 dark:text-stone-400">{title}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`${testId}-value`}>
        {value}
      </dd>
      {children ? <dd className="mt-1 text-xs text-stone-600 dark:text-stone-400">{children}</dd> : null}
    </div>
  );
}

/**
 * A share as a tile's figure (lib/dashboard/samples.ts). With enough cases: the percentage in the tile's
 * large type and its counts beside it in small type ("66.7% · 4 of 6"). With fewer than MIN_SAMPLE cases:
 * "Too few to tell (2 of 2)" in normal type, never a large percentage; the state is said in words, not
 * only a colour. `noun` names the cases ("4 of 6 quotes").
 */
export function SampleValue({ s, pct, noun }: { s: SampleShare; pct: (bp: number) => string; noun?: CaseNoun }) {
  const counts = sampleCounts(s, noun);
  if (!s.enough || s.bp == null) {
    return (
      <span className="block text-base font-normal" data-sample="too-few">
        {TOO_FEW[0].toUpperCase() + TOO_FEW.slice(1)} ({counts})
      </span>
    );
  }
  return (
    <span data-sample="enough">
      {pct(s.bp)}{" "}
      <span className="text-sm font-normal text-stone-600 dark:text-stone-400">
        <span aria-hidden="true">{"\u00b7"}</span>
        <span className="sr-only">,</span> {counts}
      </span>
    </span>
  );
}
