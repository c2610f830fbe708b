import type { Metadata } from "next";
import { namedMyPrice, openingOffer } from "@/lib/quote-lifecycle";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteInteractionAction, updateInteractionAction } from "@/app/actions/interactions";
import { addQuoteEventAction, deleteQuoteAction, deleteQuoteEventAction, setQuoteOutcomeAction, updateQuoteAction, updateQuoteEventAction } from "@/app/actions/quotes";
import { requestDb } from "@/server/database";
import { todayFor } from "@/server/clock";
import { loadQuotePage } from "@/server/quote-page";
import { listRates } from "@/server/exchange-rates";
import { InBookCurrency } from "@/components/money/in-book-currency";
import { inBookCurrency } from "@/lib/book-currency";
import { isAppError } from "@/lib/errors";
import { OPEN_QUOTE_STATUSES, label } from "@/lib/domain";
import { effectiveRate, formatHours, formatMoney, formatPercentBp } from "@/lib/money";
import { replayNegotiation } from "@/lib/negotiation";
import { quoteTimeline } from "@/lib/timeline";
import { quoteEventForm, type EntryForm } from "@/lib/entry-edit";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { RateRuler } from "@/components/rate-ruler";
import { Timeline } from "@/components/timeline";
import { DiscountRequestForm, MyAnswerForm } from "@/components/forms/negotiation-forms";
import { OutcomeForm, QuoteStatusSelect } from "@/components/forms/outcome-form";
import { QuoteForm } from "@/components/forms/quote-form";
import { ConfirmButton } from "@/components/confirm-button";
import { QuoteOfferCheck } from "@/components/quote-offer-check";
import { TimeSpentSummary } from "@/components/time/time-spent";
import { LogTimeForm } from "@/components/time/log-time-form";
import { TimeEntryList } from "@/components/time/time-entries";
import { WorkDoneForm } from "@/components/time/work-done-form";
import { deleteTimeEntryAction, logTimeAction, setWorkDoneAction } from "@/app/actions/time-entries";
import { listQuoteTime } from "@/server/time-entries";
import { loadClientHistory } from "@/server/history";
import { quoteTimeView } from "@/lib/time-spent";
import { perUnit } from "@/lib/time-words";
import { TypedInputSettingsProvider } from "@/components/ui/typed-input-settings";
import { PaymentCard } from "@/components/payments/payment-card";
import { ProposalCard } from "@/components/proposals/status-card";
import { logPaymentAction, setPaymentTermsAction } from "@/app/actions/payments";

export const metadata: Metadata = { title: "Quote" };

export default async function QuotePage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const db = await requestDb();
  const today = todayFor(db);
  let page;
  try {
    page = loadQuotePage(db, id, { checkOffer: true });
  } catch (e) {
    if (isAppError(e, "not_found")) notFound();
    throw e;
  }
  const { quote, client, settings, services, service, ratesOn, assessment, offerCheck, payment, proposal } = page;
  const settling = assessment.settling.quotes.find((s) => s.quoteId === quote.id);
  const neg = replayNegotiation(quote);
  // a quote in another currency is compared in the book's when its service is priced there (lib/book-currency.ts)
  const counted = service && service.currency !== quote.currency ? inBookCurrency(quote, settings.currency) : quote;
  const comparable = service && service.currency === counted.currency;
  const estimateRate = comparable ? effectiveRate(replayNegotiation(counted).currentPrice, neg.currentMinutes, service.unit, settings.hoursPerDay) : null;
  const money = (n: number) => formatMoney(n, quote.currency, settings.locale);
  const isOpen = OPEN_QUOTE_STATUSES.includes(quote.status);
  // time spent: the model's judgement (settling) with both rates, and the unpaid asks logged on this quote
  const timeView = quoteTimeView(quote, settling, service, settings, loadClientHistory(db, quote.clientId).interactions);
  const timeEntries = listQuoteTime(db, quote.id);
  // once the time logged is what the pay is judged on, the ruler shows that true rate (the model's, from settling)
  const onLogged = comparable && timeView.judged && timeView.time.basis === "time_logged" && timeView.judgedRate != null && timeView.currency === counted.currency;
  const rate = onLogged ? timeView.judgedRate : estimateRate;
  const forms: Record<string, EntryForm> = Object.fromEntries(quote.events.map((e) => [`e${e.id}`, quoteEventForm(e, quote.currency)]));

  return (
    <TypedInputSettingsProvider locale={settings.locale} hoursPerDay={settings.hoursPerDay}>
      <PageHeader
        title={quote.title}
        actions={<ButtonLink href={`/clients/${quote.clientId}`} variant="secondary">Back to {client.name}</ButtonLink>}
      >
        <span className="flex flex-wrap items-center gap-2">
          <Link href={`/clients/${quote.clientId}`} className="underline">
            {client.name}
          </Link>
          <Badge tone={quote.status === "accepted" ? "good" : isOpen ? "info" : "neutral"}>
            <span data-testid="quote-status">{label(quote.status)}</span>
          </Badge>
          {service ? <span>{service.name}</span> : <span>No service on the rate card</span>}
        </span>
      </PageHeader>

      <div className="grid gap-6 lg:grid-cols-5">
        <div className="min-w-0 space-y-6 lg:col-span-3">
          <Card title="Price and rate">
            {/* on a phone the outcome form is far down: the status is one choice away here (dates and reasons stay in the form) */}
            <div className="mb-4 flex flex-wrap items-center gap-2 text-sm lg:hidden">
              <span className="font-medium">Status</span>
              <QuoteStatusSelect action={setQuoteOutcomeAction.bind(null, quote.id)} quoteId={quote.id} status={quote.status} title={quote.title} />
            </div>
            <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              <div>
                {/* a quote opened from their offer: I never quoted that price */}
                <dt className="text-stone-500 dark:text-stone-400">{openingOffer(quote) ? "Their offer" : "Quoted"}</dt>
                <dd className="font-semibold tabular-nums">
                  {money(quote.quotedAmount)}
                  <InBookCurrency amount={quote.quotedAmount} quote={quote} bookCurrency={settings.currency} locale={settings.locale} />
                </dd>
              </div>
              <div>
                <dt className="text-stone-500 dark:text-stone-400">{quote.status === "accepted" ? "Agreed" : "On the table"}</dt>
                <dd className="font-semibold tabular-nums">
                  <span data-testid="current-price">{money(neg.currentPrice)}</span>
                  <InBookCurrency amount={neg.currentPrice} quote={quote} bookCurrency={settings.currency} locale={settings.locale} />
                </dd>
              </div>
              <div>
                <dt className="text-stone-500 dark:text-stone-400">Scope</dt>
                <dd className="tabular-nums">{formatHours(neg.currentMinutes, settings.locale)}</dd>
              </div>
              <div>
                <dt className="text-stone-500 dark:text-stone-400">Given away</dt>
                <dd className="tabular-nums">{neg.concededBp > 0 ? formatPercentBp(neg.concededBp, settings.locale) : "Nothing"}</dd>
              </div>
            </dl>
            {rate != null && service ? (
              <>
                <RateRuler ratesOn={ratesOn} rate={rate} floor={service.floorRate} target={service.targetRate} market={service.marketRate} currency={counted.currency} unit={service.unit} locale={settings.locale} />
                {onLogged ? (
                  <p className="mt-2 text-sm text-stone-700 dark:text-stone-300" data-testid="ruler-basis">
                    The true rate, on the {formatHours(timeView.time.actualMinutes, settings.locale)} logged; on the {formatHours(timeView.time.estimateMinutes, settings.locale)} estimate it was{" "}
                    {estimateRate != null ? perUnit(estimateRate, counted.currency, service.unit, settings.locale) : "not known"}. <a className="underline" href="#time">Time spent</a>
                  </p>
                ) : null}
              </>
            ) : (
              <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="effective-rate">
                Effective rate {formatMoney(effectiveRate(neg.currentPrice, neg.currentMinutes), quote.currency, settings.locale)}/h.{" "}
                {service ? `The rate card prices ${service.name} in ${service.currency}, so it cannot be compared.` : <>Pick a service from <Link className="underline" href="/rates">your rate card</Link> to compare it with your floor, target and market rates.</>}
              </p>
            )}
            {settling?.accepted ? (
              <div className="mt-4 rounded-md bg-stone-50 p-3 text-sm dark:bg-stone-800/50" data-testid="settling">
                {settling.settles ? (
                  <>
                    <p className="font-medium">{settling.settlesHard ? "Settled hard: below your floor." : "Settled for less than your worth."}</p>
                    <ul className="mt-1 list-disc pl-5">
                      {settling.reasons.map((r, i) => (
                        <li key={i}>{r}</li>
                      ))}
                    </ul>
                    <p className="mt-1">
                      Money left on the table: <strong className="tabular-nums">{formatMoney(settling.moneyLeftOnTable, inBookCurrency(quote, settings.currency).currency, settings.locale)}</strong>
                    </p>
                  </>
                ) : (
                  <p>At your worth: no settling on this quote.</p>
                )}
              </div>
            ) : null}
          </Card>

          <PaymentCard
            payment={payment}
            quoteId={quote.id}
            currency={quote.currency}
            defaultTermsDays={client.paymentTermsDays ?? settings.paymentTermsDays}
            today={today}
            locale={settings.locale}
            actions={{ logPayment: logPaymentAction.bind(null, quote.id), setTerms: setPaymentTermsAction.bind(null, quote.id) }}
          />

          <Card title="Time spent" id="time">
            <TimeSpentSummary view={timeView} accepted={quote.status === "accepted"} locale={settings.locale}>
              <div className="border-t border-stone-200 pt-4 dark:border-stone-800">
                <h3 className="mb-2 text-sm font-semibold">Log time</h3>
                <LogTimeForm action={logTimeAction} today={today} quoteId={quote.id} />
              </div>
              <div className="border-t border-stone-200 pt-4 dark:border-stone-800">
                <WorkDoneForm
                  action={setWorkDoneAction.bind(null, quote.id)}
                  workDoneOn={quote.workDoneOn}
                  defaultDay={timeEntries.length ? timeEntries.reduce((last, e) => (e.occurredOn > last ? e.occurredOn : last), timeEntries[0].occurredOn) : today}
                  locale={settings.locale}
                />
              </div>
              <div className="border-t border-stone-200 pt-4 dark:border-stone-800">
                <h3 className="mb-2 text-sm font-semibold">Time logged</h3>
                <TimeEntryList entries={timeEntries} quoteId={quote.id} locale={settings.locale} deleteAction={deleteTimeEntryAction} />
              </div>
            </TimeSpentSummary>
          </Card>

          {isOpen && offerCheck ? <QuoteOfferCheck quoteId={quote.id} result={offerCheck} /> : null}

          <Card title="Negotiation" id="negotiation">
            <div className="grid gap-6 md:grid-cols-2">
              <div>
                <h3 className="mb-2 text-sm font-semibold">They asked</h3>
                <DiscountRequestForm today={today} action={addQuoteEventAction} quoteId={quote.id} currency={quote.currency} />
              </div>
              <div>
                <h3 className="mb-2 text-sm font-semibold">I answered</h3>
                <MyAnswerForm today={today} action={addQuoteEventAction} quoteId={quote.id} currency={quote.currency} />
              </div>
            </div>
          </Card>

          <Card title="Timeline" id="timeline">
            <Timeline
              actions={{ deleteEvent: deleteQuoteEventAction, deleteInteraction: deleteInteractionAction, updateEvent: updateQuoteEventAction, updateInteraction: updateInteractionAction }}
              entries={[...quoteTimeline(quote, settings.locale)].reverse()}
              forms={forms}
              currency={quote.currency}
              today={today}
              showQuote={false}
              locale={settings.locale}
            />
          </Card>
        </div>

        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card title="Outcome">
            <OutcomeForm action={setQuoteOutcomeAction.bind(null, quote.id)} quote={quote} currentPrice={neg.currentPrice} today={today} namedMyPrice={namedMyPrice(quote)} />
          </Card>
          <ProposalCard quoteId={quote.id} proposal={proposal} isOpen={isOpen} locale={settings.locale} />
          <details className="rounded-lg border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
            <summary className="flex min-h-10 cursor-pointer items-center px-4 text-sm font-medium">Edit quote details</summary>
            <div className="border-t border-stone-200 p-4 dark:border-stone-800">
              <QuoteForm today={today} action={updateQuoteAction.bind(null, quote.id)} clientId={quote.clientId} services={services} currency={quote.currency} quote={quote} locale={settings.locale} hoursPerDay={settings.hoursPerDay} bookCurrency={settings.currency} rates={listRates(db)} />
              <div className="mt-6">
                <ConfirmButton action={deleteQuoteAction.bind(null, quote.id)} label="Delete quote" confirm="Delete this quote and its negotiation?" />
              </div>
            </div>
          </details>
        </div>
      </div>
    </TypedInputSettingsProvider>
  );
}
