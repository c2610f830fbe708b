import { ChevronLeft, ChevronRight, LayoutDashboard } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatDay } from "@/lib/format-date";
import { SECTION_TITLES, TODAY_PAGE_SIZE, moreWords, showingWords, todayPageHref, type TodayPage, type TodayPageView, type TodayPages, type TodaySectionName } from "@/lib/today/sections";
import { EVERYTHING_CLEAR, markedBelow, todaySummary } from "@/lib/today/words";
import { BringBackForm } from "./bring-back";
import type { NextStep } from "@/lib/today/next-step";
import { TodayCard } from "./today-card";
import { TodayFlashProvider } from "./flash";
import { TodayStatus } from "./today-status";
import type { TodayActions } from "./types";

const STATE_WORDS = { done: "Done", snoozed: "Snoozed", not_relevant: "Not relevant" } as const;

/**
 * Today, the home page once the book has data: what needs the user now, one section per kind in the order
 * to do them, each a page of its most pressing items with the rest counted and a link to the next page (the
 * page does not grow with the book); the items they put away, folded; the dashboard one click away. Nothing
 * here queries: the page passes the view (lib/today/sections.ts of server/today.ts getToday), the book's
 * locale, the next step and the server actions.
 */
export function TodayView({ view, locale, actions, next }: { view: TodayPageView; locale: string; actions: TodayActions; next: NextStep }) {
  const n = view.open;
  const marked = view.hidden.total;
  const summary = todaySummary(view.today, n, marked, locale);
  // cards are numbered across sections: their heading ids stay unique on the page
  const offsets = view.sections.map((_, i) => view.sections.slice(0, i).reduce((sum, s) => sum + s.items.length, 0));
  return (
    <TodayFlashProvider undoActions={{ clearState: actions.clearState, undoFollowUp: actions.undoFollowUp }}>
      <PageHeader
        title="Today"
        actions={
          <ButtonLink href="/dashboard" variant="secondary">
            <LayoutDashboard aria-hidden className="size-4" />
            Dashboard
          </ButtonLink>
        }
      >
        <TodayStatus text={summary} />
      </PageHeader>
      {n === 0 ? (
        <EmptyState
          title={marked ? "Nothing open today" : "Nothing needs you today"}
          action={
            <>
              <ButtonLink href={next.href}>{next.label}</ButtonLink>
              {next.href !== "/dashboard" ? (
                <ButtonLink href="/dashboard" variant="secondary">
                  Review the dashboard
                </ButtonLink>
              ) : null}
            </>
          }
        >
          {marked ? markedBelow(marked) : EVERYTHING_CLEAR} {next.text}
        </EmptyState>
      ) : (
        <div className="grid gap-8">
          {view.sections.map((section, s) => (
            <section key={section.kind} id={`today-${section.kind}`} aria-labelledby={`today-${section.kind}-title`} data-testid="today-section" data-kind={section.kind} className="grid scroll-mt-4 gap-3">
              <h2 id={`today-${section.kind}-title`} className="text-base font-semibold text-stone-700 dark:text-stone-300">
                {SECTION_TITLES[section.kind]} <span className="font-normal tabular-nums text-stone-600 dark:text-stone-400">({section.total})</span>
              </h2>
              <ol aria-label={SECTION_TITLES[section.kind]} start={section.start + 1} className="grid gap-4">
                {section.items.map((item, i) => (
                  <TodayCard key={item.key} item={item} index={offsets[s] + i} actions={actions} today={view.today} locale={locale} />
                ))}
              </ol>
              <SectionPager name={section.kind} page={section} pages={view.pages} />
            </section>
          ))}
        </div>
      )}
      {marked ? <HiddenItems hidden={view.hidden} pages={view.pages} actions={actions} locale={locale} /> : null}
    </TodayFlashProvider>
  );
}

/** Under a section: how many it holds past this page ("12 more follow-ups due"), with the next and previous pages. Nothing when it all fits. */
function SectionPager({ name, page, pages }: { name: TodaySectionName; page: TodayPage<unknown>; pages: TodayPages }) {
  if (page.pages <= 1) return null;
  const after = page.total - page.start - page.items.length;
  return (
    <nav aria-label={`More ${name === "hidden" ? "marked items" : SECTION_TITLES[name].toLowerCase()}`} data-testid="today-pager" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-stone-600 dark:text-stone-400">
      <p>
        {showingWords(page)}
        {after > 0 ? ` ${moreWords(name, after)}.` : null}
      </p>
      <div className="flex flex-wrap gap-2">
        {page.page > 1 ? (
          <ButtonLink href={todayPageHref(pages, name, page.page - 1)} variant="secondary" className="min-h-10 px-3 py-1">
            <ChevronLeft aria-hidden className="size-4" />
            Previous {TODAY_PAGE_SIZE}
          </ButtonLink>
        ) : null}
        {after > 0 ? (
          <ButtonLink href={todayPageHref(pages, name, page.page + 1)} variant="secondary" className="min-h-10 px-3 py-1">
            Next {Math.min(TODAY_PAGE_SIZE, after)}
            <ChevronRight aria-hidden className="size-4" />
          </ButtonLink>
        ) : null}
      </div>
    </nav>
  );
}

function HiddenItems({ hidden, pages, actions, locale }: { hidden: TodayPageView["hidden"]; pages: TodayPages; actions: TodayActions; locale: string }) {
  return (
    <details id="today-hidden" open={hidden.page > 1 || undefined} className="mt-6 scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900" data-testid="today-hidden">
      <summary className="min-h-10 cursor-pointer py-2 font-medium">Done, snoozed or not relevant ({hidden.total})</summary>
      <ul className="mt-2 divide-y divide-stone-200 dark:divide-stone-800">
        {hidden.items.map(({ item, state, snoozedUntil }) => (
          <li key={item.key} data-testid="today-hidden-item" data-key={item.key} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className="font-medium">{item.title}</p>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                {STATE_WORDS[state]}: it comes back {state === "snoozed" && snoozedUntil ? `on ${formatDay(snoozedUntil, locale)}, or sooner ` : ""}if its facts change.
              </p>
            </div>
            <BringBackForm action={actions.clearState} itemKey={item.key} title={item.title} />
          </li>
        ))}
      </ul>
      <SectionPager name="hidden" page={hidden} pages={pages} />
    </details>
  );
}
