import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AlertTriangle, Hourglass } from "lucide-react";
import { addInteractionAction, deleteInteractionAction, updateInteractionAction } from "@/app/actions/interactions";
import { addQuoteEventAction, createQuoteAction, deleteQuoteEventAction, setQuoteOutcomeAction, updateQuoteEventAction } from "@/app/actions/quotes";
import { requestDb } from "@/server/database";
import { loadClientPage } from "@/server/client-page";
import { listRates } from "@/server/exchange-rates";
import { InBookCurrency } from "@/components/money/in-book-currency";
import { isAppError } from "@/lib/errors";
import { label } from "@/lib/domain";
import { formatHours, formatMoney } from "@/lib/money";
import { replayNegotiation } from "@/lib/negotiation";
import { plural } from "@/lib/text";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ScoreCard, ScoreSummary } from "@/components/score-card";
import { QuoteStatusSelect } from "@/components/forms/outcome-form";
import { Timeline } from "@/components/timeline";
import { QuoteForm } from "@/components/forms/quote-form";
import { DiscountRequestForm, MyAnswerForm } from "@/components/forms/negotiation-forms";
import { AskForm, FollowUpForm, GiveForm, PaymentForm } from "@/components/forms/interaction-forms";
import { TypedInputSettingsProvider } from "@/components/ui/typed-input-settings";
import { LogTimeForm } from "@/components/time/log-time-form";
import { logTimeAction } from "@/app/actions/time-entries";
import { clientCreep } from "@/lib/time-spent";
import { clientCreepLine } from "@/lib/time-words";
import { loadClientRatesCard } from "@/server/raise-pages";
import { RatesCard } from "@/components/raise/rates-card";
import { HistoryPager } from "@/components/clients/history-pager";

export const metadata: Metadata = { title: "Client" };

function QuickLog({ title, children, open = false }: { title: string; children: React.ReactNode; open?: boolean }) {
  return (
    <details open={open} className="group rounded-md border border-stone-200 dark:border-stone-700">
      <summary className="flex min-h-10 cursor-pointer items-center px-3 py-2 text-sm font-medium">{title}</summary>
      <div className="border-t border-stone-200 p-3 dark:border-stone-700">{children}</div>
    </details>
  );
}

export default async function ClientPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const id = Number((await params).id);
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await requestDb();
  let page;
  try {
    page = loadClientPage(db, id, { timelinePage: one(sp.timeline), quotesPage: one(sp.quotes) });
  } catch (e) {
    if (isAppError(e, "not_found")) notFound();
    throw e;
  }
  const { client, settings, today, services, assessment, timeline, timelineAt, shownTimeline, forms, shownQuotes, quotesTotal, quotesAt, hasOpenQuotes, quoteOptions, openOptions, timeOptions, payable, usualServiceId } = page;
  const settlingByQuote = new Map(assessment.settling.quotes.map((s) => [s.quoteId, s]));
  // the other list's page is kept when one pages
  const pageHref = (over: { timeline?: number; quotes?: number }, anchor: string) => {
    const q = new URLSearchParams();
    const t = over.timeline ?? timelineAt.page;
    const qp = over.quotes ?? quotesAt.page;
    if (qp > 1) q.set("quotes", String(qp));
    if (t > 1) q.set("timeline", String(t));
    return `/clients/${client.id}${q.size ? `?${q}` : ""}#${anchor}`;
  };
  const creepLine = clientCreepLine(clientCreep(assessment.settling.quotes), settings.creepThresholdPct, settings.locale);

  return (
    <TypedInputSettingsProvider locale={settings.locale} hoursPerDay={settings.hoursPerDay}>
      <PageHeader
        title={client.name}
        actions={
          <>
            <ButtonLink href={`/offer?clientId=${client.id}`}>Check an offer from {client.name}</ButtonLink>
            <ButtonLink href={`/clients/${client.id}/edit`} variant="secondary">
              Edit
            </ButtonLink>
          </>
        }
      >
        <span className="flex flex-wrap gap-2">
          {client.company ? <span>{client.company}</span> : null}
          {client.email ? <a className="underline" href={`mailto:${client.email}`}>{client.email}</a> : null}
          <Badge>{label(client.status)}</Badge>
          <Badge tone="info">{label(client.leadSource)}</Badge>
          <span data-testid="client-payment-terms">
            {`Payment terms: ${client.paymentTermsDays === 0 ? "on delivery" : plural(client.paymentTermsDays ?? settings.paymentTermsDays, "day")} (${client.paymentTermsDays != null ? "their own" : "your usual"}) for work accepted from now on; quotes already accepted keep theirs`}
          </span>
        </span>
      </PageHeader>

      {assessment.stopChasing.shouldStop ? (
        <div role="alert" className="mb-6 flex gap-3 rounded-lg border border-orange-300 bg-orange-50 p-4 text-orange-950 dark:border-orange-800 dark:bg-orange-950/40 dark:text-orange-100" data-testid="stop-chasing">
          <AlertTriangle aria-hidden className="mt-0.5 size-5 shrink-0" />
          <p className="text-sm">{assessment.stopChasing.message}</p>
        </div>
      ) : null}

      {creepLine ? (
        <p className="mb-6 flex gap-3 rounded-lg border border-orange-300 bg-orange-50 p-4 text-sm text-orange-950 dark:border-orange-800 dark:bg-orange-950/40 dark:text-orange-100" data-testid="client-creep">
          <Hourglass aria-hidden className="mt-0.5 size-5 shrink-0" />
          <span>{creepLine}</span>
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-5">
        <div className="min-w-0 space-y-6 lg:col-span-3">
          {/* phone first: what you came to do (log what happened) comes first; the score's breakdown follows the page */}
          <Card title="Log what happened" id="quick-log">
            <div className="mb-3 lg:hidden">
              <ScoreSummary assessment={assessment} href="#fit" />
            </div>
            <div className="grid gap-2">
              {quotesTotal ? (
                <>
                  <QuickLog title="They asked for a discount" open={hasOpenQuotes}>
                    <DiscountRequestForm today={today} action={addQuoteEventAction} quotes={openOptions} currency={settings.currency} />
                  </QuickLog>
                  <QuickLog title="My answer">
                    <MyAnswerForm today={today} action={addQuoteEventAction} quotes={openOptions} currency={settings.currency} />
                  </QuickLog>
                </>
              ) : null}
              {quotesTotal ? (
                <QuickLog title="Log time">
                  <LogTimeForm action={logTimeAction} today={today} quotes={timeOptions} compact />
                </QuickLog>
              ) : null}
              <QuickLog title="A one-way ask (favour, “quick question”, scope creep…)">
                <AskForm today={today} action={addInteractionAction.bind(null, client.id)} quotes={quoteOptions} />
              </QuickLog>
              <QuickLog title="I followed up">
                <FollowUpForm today={today} action={addInteractionAction.bind(null, client.id)} />
              </QuickLog>
              <QuickLog title="They gave something back">
                <GiveForm today={today} action={addInteractionAction.bind(null, client.id)} />
              </QuickLog>
              <QuickLog title="A payment">
                <PaymentForm today={today} action={addInteractionAction.bind(null, client.id)} currency={settings.currency} payable={payable} locale={settings.locale} />
              </QuickLog>
            </div>
          </Card>

          <Card title="Quotes" id="quotes">
            {quotesTotal === 0 ? (
              <EmptyState title="No quotes yet">Add the first quote below, then log every discount they ask for.</EmptyState>
            ) : (
              <div>
                {/* a table from sm up; below it each row is a card (no sideways scrolling, nothing clipped) */}
                <table className="block w-full text-left text-sm sm:table">
                  <caption className="sr-only">Quotes for {client.name}</caption>
                  <thead className="hidden text-xs uppercase text-stone-500 sm:table-header-group dark:text-stone-400">
                    <tr>
                      <th scope="col" className="py-1 pr-2">Quote</th>
                      <th scope="col" className="py-1 pr-2">Status</th>
                      <th scope="col" className="py-1 pr-2 text-right">Price now</th>
                      <th scope="col" className="py-1 pr-2 text-right">Scope</th>
                      <th scope="col" className="py-1">Settling</th>
                    </tr>
                  </thead>
                  <tbody className="block sm:table-row-group">
                    {shownQuotes.map((q) => {
                      const neg = replayNegotiation(q);
                      const s = settlingByQuote.get(q.id);
                      return (
                        <tr key={q.id} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 border-t border-stone-100 py-3 sm:table-row sm:py-0 dark:border-stone-800">
                          <td className="col-span-2 min-w-0 break-words sm:py-2 sm:pr-2">
                            <Link href={`/quotes/${q.id}`} className="inline-flex min-h-10 items-center font-medium text-sky-800 underline-offset-2 hover:underline sm:min-h-0 dark:text-sky-300">
                              {q.title}
                            </Link>
                          </td>
                          <td className="sm:py-2 sm:pr-2">
                            <QuoteStatusSelect action={setQuoteOutcomeAction.bind(null, q.id)} quoteId={q.id} status={q.status} title={q.title} />
                          </td>
                          <td className="text-right tabular-nums sm:py-2 sm:pr-2">
                            <span className="sr-only sm:hidden">Price now: </span>
                            <span className="font-semibold sm:font-normal">{formatMoney(neg.currentPrice, q.currency, settings.locale)}</span>
                            <InBookCurrency amount={neg.currentPrice} quote={q} bookCurrency={settings.currency} locale={settings.locale} />
                          </td>
                          <td className="tabular-nums text-stone-600 sm:py-2 sm:pr-2 sm:text-right sm:text-inherit dark:text-stone-400 sm:dark:text-inherit">
                            <span className="sm:hidden">Scope </span>
                            {formatHours(neg.currentMinutes, settings.locale)}
                            {q.actualMinutes ? (
                              <span className="block text-xs text-stone-600 dark:text-stone-400" data-testid="quote-logged">
                                {formatHours(q.actualMinutes, settings.locale)} logged
                              </span>
                            ) : null}
                          </td>
                          <td className="text-right sm:py-2 sm:text-left">
                            {s?.crept ? (
                              <span className="mr-1" data-testid="crept-badge">
                                <Badge tone="warn">Crept</Badge>
                              </span>
                            ) : null}
                            {s?.settlesHard ? <Badge tone="bad">Below floor</Badge> : s?.settles ? <Badge tone="warn">Settled</Badge> : s?.accepted && s.effectiveRate != null ? <Badge tone="good">At worth</Badge> : s?.accepted ? <span className="text-xs text-stone-600 dark:text-stone-400" title="No service rates to compare with (no service, another currency, or no time)">Not rated</span> : <span className="text-stone-500 dark:text-stone-400"><span aria-hidden>–</span><span className="sr-only">Not settled</span></span>}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                <HistoryPager label="Quote pages" noun="Quotes" at={quotesAt} total={quotesTotal} href={(p) => pageHref({ quotes: p }, "quotes")} locale={settings.locale} />
              </div>
            )}
            <details className="mt-4 rounded-md border border-stone-200 dark:border-stone-700" open={quotesTotal === 0}>
              <summary className="flex min-h-10 cursor-pointer items-center px-3 text-sm font-medium">New quote</summary>
              <div className="border-t border-stone-200 p-3 dark:border-stone-700">
                {services.length === 0 ? (
                  <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
                    Tip: <Link className="underline" href="/rates">add a service to your rate card</Link> to compare each quote with your floor, target and market rates.
                  </p>
                ) : null}
                <QuoteForm today={today} action={createQuoteAction} clientId={client.id} services={services} currency={settings.currency} locale={settings.locale} hoursPerDay={settings.hoursPerDay} usualServiceId={usualServiceId} submitLabel="Add quote" bookCurrency={settings.currency} rates={listRates(db)} />
              </div>
            </details>
          </Card>

          <Card title="Timeline" id="timeline">
            <Timeline
              actions={{ deleteEvent: deleteQuoteEventAction, deleteInteraction: deleteInteractionAction, updateEvent: updateQuoteEventAction, updateInteraction: updateInteractionAction }}
              entries={shownTimeline}
              forms={forms}
              currency={settings.currency}
              today={today}
              locale={settings.locale}
              clientId={client.id}
            />
            <HistoryPager label="Timeline pages" noun="Entries" at={timelineAt} total={timeline.length} href={(p) => pageHref({ timeline: p }, "timeline")} locale={settings.locale} />
          </Card>
        </div>
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <ScoreCard assessment={assessment} currency={settings.currency} locale={settings.locale} bands={{ keep: settings.bandKeep, walkAway: settings.bandWalkAway, capVerdictOnRedFlag: settings.capVerdictOnRedFlag, redFlagsForWalkAway: settings.redFlagsForWalkAway }} />
          <RatesCard clientId={client.id} card={loadClientRatesCard(db, client.id, today)} locale={settings.locale} />
          {client.notes ? (
            <Card title="Notes">
              <p className="whitespace-pre-wrap break-words text-sm">{client.notes}</p>
            </Card>
          ) : null}
        </div>
      </div>
    </TypedInputSettingsProvider>
  );
}
