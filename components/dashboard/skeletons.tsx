/**
 * What the dashboard shows while a part of it is still on its way (the page streams: docs/dashboard.md,
 * "How the page loads"): the same boxes at about the same height, so nothing jumps when the figures land.
 * Announced as busy to assistive technology; no figures, no links.
 */

/** A section's card while it loads: its title and a box the height of what will replace it. */
export function SectionSkeleton({ title, height }: { title: string; height: number }) {
  return (
    <section aria-busy="true" aria-label={`${title}: loading`} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900" data-testid="section-loading">
      <p className="mb-3 text-base font-semibold">{title}</p>
      <div className="animate-pulse rounded-md bg-stone-100 motion-reduce:animate-none dark:bg-stone-800" style={{ height }} />
    </section>
  );
}

const TILES = 6;

/** The headline tiles while the figures are computed. */
export function HeadlineSkeleton() {
  return (
    <div aria-busy="true" aria-label="Headline figures: loading" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="headline-loading">
      {Array.from({ length: TILES }, (_, i) => (
        <div key={i} className="h-28 rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900">
          <div className="h-4 w-2/3 animate-pulse rounded bg-stone-100 motion-reduce:animate-none dark:bg-stone-800" />
          <div className="mt-3 h-7 w-1/2 animate-pulse rounded bg-stone-100 motion-reduce:animate-none dark:bg-stone-800" />
        </div>
      ))}
    </div>
  );
}

/** Everything below the filters while the figures are computed (the first view of the day on a big book). */
export function FiguresSkeleton() {
  return (
    <div className="space-y-6">
      <HeadlineSkeleton />
      <div className="grid gap-6 lg:grid-cols-2">
        <SectionSkeleton title="Fit by client" height={600} />
        <SectionSkeleton title="Keep or let go" height={600} />
      </div>
    </div>
  );
}
