import { LayoutDashboard } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatDay } from "@/lib/format-date";
import type { TodayList } from "@/lib/today/types";
import { EVERYTHING_CLEAR, markedBelow, todaySummary } from "@/lib/today/words";
import { BringBackForm } from "./bring-back";
import type { NextStep } from "@/lib/today/next-step";
import { TodayCard } from "./today-card";
import { TodayFlashProvider } from "./flash";
import { TodayStatus } from "./today-status";
import type { TodayActions } from "./types";

const STATE_WORDS = { done: "Done", snoozed: "Snoozed", not_relevant: "Not relevant" } as const;

/**
 * Today, the home page once the book has data: the short list of what needs the user now, most pressing
 * first; the items they put away, folded; the dashboard one click away. Nothing here queries: the page
 * passes the list (server/today.ts getToday), the book's locale, the next step and the server actions.
 */
export function TodayView({ list, locale, actions, next }: { list: TodayList; locale: string; actions: TodayActions; next: NextStep }) {
  const n = list.items.length;
  const marked = list.hidden.length;
  const summary = todaySummary(list.today, n, marked, locale);
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
        <ol aria-label="To do today" className="grid gap-4">
          {list.items.map((item, i) => (
            <TodayCard key={item.key} item={item} index={i} actions={actions} today={list.today} locale={locale} />
          ))}
        </ol>
      )}
      {list.hidden.length ? <HiddenItems hidden={list.hidden} actions={actions} locale={locale} /> : null}
    </TodayFlashProvider>
  );
}

function HiddenItems({ hidden, actions, locale }: { hidden: TodayList["hidden"]; actions: TodayActions; locale: string }) {
  return (
    <details className="mt-6 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900" data-testid="today-hidden">
      <summary className="min-h-10 cursor-pointer py-2 font-medium">Done, snoozed or not relevant ({hidden.length})</summary>
      <ul className="mt-2 divide-y divide-stone-200 dark:divide-stone-800">
        {hidden.map(({ item, state, snoozedUntil }) => (
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
    </details>
  );
}
