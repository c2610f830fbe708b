import Link from "next/link";
import { redirect } from "next/navigation";
import { oldDashboardBookmark } from "@/lib/today/home";
import { loadDemoAction } from "@/app/actions/demo";
import { isEmptyBook } from "@/server/clients";
import { todayFor } from "@/server/clock";
import { requestDb } from "@/server/database";
import { getToday } from "@/server/today";
import { bookGlance } from "@/server/today-glance";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { TodayView } from "@/components/today/today-view";
import { nextStep, type BookGlance } from "@/lib/today/next-step";
import { todayPagesSchema } from "@/lib/today/schemas";
import { todayView } from "@/lib/today/sections";
import type { TodayActions } from "@/components/today/types";
import { AdoptTimeZone } from "@/components/adopt-time-zone";
import { adoptTimeZoneAction, firstRunAction } from "@/app/actions/settings";
import {
  clearTodayItemStateAction,
  clientWalkedAwayAction,
  followUpOnceAction,
  logPaymentFromTodayAction,
  markQuoteExpiredAction,
  setTodayItemStateAction,
  undoFollowUpAction,
  walkAwayFromClientAction,
} from "@/app/actions/today";
import { getSettings, needsFirstRun } from "@/server/settings";
import { FirstRunForm } from "@/components/first-run/first-run-form";
import { currencyOptions, isoCurrencies } from "@/lib/currency-conversion";

const todayActions: TodayActions = {
  setState: setTodayItemStateAction,
  clearState: clearTodayItemStateAction,
  followUp: followUpOnceAction,
  markExpired: markQuoteExpiredAction,
  clientWalkedAway: clientWalkedAwayAction,
  walkAwayClient: walkAwayFromClientAction,
  undoFollowUp: undoFollowUpAction,
  logPayment: logPaymentFromTodayAction,
};

/**
 * Home: the first run's questions, then the empty book's welcome, then (once there is data) Today, a page
 * of each section (`?raise_due=2`: lib/today/sections.ts). The dashboard is at /dashboard.
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // an old bookmark of the dashboard (it used to be the home page): to /dashboard, its filters kept
  const params = await searchParams;
  const bookmark = oldDashboardBookmark(params);
  if (bookmark) redirect(bookmark);
  const db = await requestDb();
  const settings = getSettings(db);
  if (needsFirstRun(db)) {
    // the first run asks the currency and time zone itself (defaults from the browser, once it has loaded)
    const timeZones = Intl.supportedValuesOf("timeZone");
    return (
      <>
        <PageHeader title="Welcome to Walkaway">Know your worth: log every discount request, see which clients drain you, and get a straight answer when a low offer lands. Three quick answers first, then choose how to start.</PageHeader>
        <Card>
          <FirstRunForm
            action={firstRunAction}
            currencies={currencyOptions(settings.locale, isoCurrencies())}
            timeZones={timeZones}
            defaults={{ currency: settings.currency, timeZone: settings.timeZone || "UTC", locale: settings.locale }}
          />
        </Card>
      </>
    );
  }
  // until a time zone is chosen, the first browser here lends its own
  const adopt = settings.timeZone === "" ? <AdoptTimeZone action={adoptTimeZoneAction} /> : null;
  if (isEmptyBook(db)) {
    return (
      <>
        {adopt}
        <PageHeader title="Welcome to Walkaway">Know your worth: log every discount request, see which clients drain you, and get a straight answer when a low offer lands.</PageHeader>
        <div className="grid gap-6 md:grid-cols-2">
          <Card title="Start with your own book">
            <ol className="list-decimal space-y-2 pl-5 text-sm">
              <li>
                <Link className="underline" href="/rates">Add your services</Link> with market, target and floor (walk-away) rates.
              </li>
              <li>
                <Link className="underline" href="/clients/new">Add a client</Link> and their quotes.
              </li>
              <li>Log every discount they ask for and what you answered.</li>
            </ol>
            <div className="mt-4 flex flex-wrap gap-2">
              <ButtonLink href="/rates">Set up your rate card</ButtonLink>
              <ButtonLink href="/clients/new" variant="secondary">
                Add a client
              </ButtonLink>
            </div>
          </Card>
          <Card title="Or look around first">
            <p className="text-sm text-stone-600 dark:text-stone-400">Load a realistic demo book: a dozen clients, some good and some draining, with a year of quotes and negotiations. Remove them in one go from Settings when you are done; anything you add stays.</p>
            <form action={loadDemoAction} className="mt-4">
              <SubmitButton pendingText="Loading demo data…">Load demo data</SubmitButton>
            </form>
          </Card>
        </div>
      </>
    );
  }
  const today = todayFor(db);
  const list = getToday(db, today);
  return (
    <>
      {adopt}
      <TodayView view={todayView(list, todayPagesSchema.parse(params))} locale={settings.locale} actions={todayActions} next={nextStep(list.items.length ? NO_GLANCE : bookGlance(db, today))} />
    </>
  );
}

const NO_GLANCE: BookGlance = { workUnderWay: [], openQuotes: 0 };
