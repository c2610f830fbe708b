import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { planRaiseAction, raiseOutcomeAction } from "@/app/actions/raises";
import { requestDb } from "@/server/database";
import { todayFor } from "@/server/clock";
import { loadRaisePlanner } from "@/server/raise-pages";
import { isAppError } from "@/lib/errors";
import { label } from "@/lib/domain";
import { formatDay } from "@/lib/format-date";
import { toDecimalString } from "@/lib/money";
import { pendingWords, rateWords } from "@/lib/raise";
import { possessive } from "@/lib/text";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { RaisePlannerForm } from "@/components/raise/raise-planner-form";
import { RaiseOutcomeForm } from "@/components/raise/raise-outcome-form";

export const metadata: Metadata = { title: "Plan a raise" };

export default async function RaisePlannerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const sp = await searchParams;
  const wanted = typeof sp.serviceId === "string" && /^\d{1,15}$/.test(sp.serviceId) ? Number(sp.serviceId) : null;
  const db = await requestDb();
  const today = todayFor(db);
  let planner;
  try {
    planner = loadRaisePlanner(db, id, wanted, today);
  } catch (e) {
    if (isAppError(e, "not_found")) notFound();
    throw e;
  }
  const { client, line, suggestion, settings, plans } = planner;
  const locale = settings.locale;
  const rate = (n: number) => (line ? rateWords(n, line.service.currency, line.service.unit, locale) : "");

  return (
    <>
      <PageHeader
        title={`Raise ${possessive(client.name)} rate`}
        actions={
          <ButtonLink href={`/clients/${client.id}`} variant="secondary">
            Back to {client.name}
          </ButtonLink>
        }
      />

      {!line || !suggestion ? (
        <EmptyState title="No service on your rate card yet" action={<ButtonLink href="/rates">Add a service</ButtonLink>}>
          A raise is planned per service: add one with its target and floor rates first.
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-5">
          <div className="min-w-0 space-y-6 lg:col-span-3">
            {planner.services.length > 1 ? (
              <nav aria-label="Service" className="flex flex-wrap gap-2 text-sm">
                {planner.services.map((s) => (
                  <Link
                    key={s.id}
                    href={`/clients/${client.id}/raise?serviceId=${s.id}`}
                    aria-current={s.id === line.service.id ? "page" : undefined}
                    className={`inline-flex min-h-10 items-center rounded-md border px-3 ${s.id === line.service.id ? "border-sky-700 bg-sky-50 font-medium text-sky-900 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-100" : "border-stone-300 dark:border-stone-600"}`}
                  >
                    {s.name}
                  </Link>
                ))}
              </nav>
            ) : null}
            <Card title={`${line.service.name}: the rate they pay now`} id="rate-now">
              {line.rateNow ? (
                <p className="text-sm" data-testid="rate-now">
                  <span className="text-lg font-semibold">{rate(line.rateNow.rate)}</span> <span className="text-stone-600 dark:text-stone-400">({line.rateNow.words})</span>
                </p>
              ) : (
                <p className="text-sm text-stone-600 dark:text-stone-400">Not known yet: no rate of their own and no accepted job of this service that can be compared.</p>
              )}
              <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
                <div>
                  <dt className="text-stone-600 dark:text-stone-400">Floor</dt>
                  <dd className="tabular-nums">{rate(line.rates.floorRate)}</dd>
                </div>
                <div>
                  <dt className="text-stone-600 dark:text-stone-400">Target</dt>
                  <dd className="tabular-nums">{rate(line.rates.targetRate)}</dd>
                </div>
                <div>
                  <dt className="text-stone-600 dark:text-stone-400">Market</dt>
                  <dd className="tabular-nums">{rate(line.rates.marketRate)}</dd>
                </div>
              </dl>
              {line.next ? (
                <p className="mt-3 text-sm" data-testid="next-rate">
                  Their next rate: {rate(line.next.rate)} from {formatDay(line.next.effectiveFrom, locale)}
                </p>
              ) : null}
            </Card>
            <Card title="Plan the raise" id="plan">
              {line.pending ? (
                <p className="text-sm" role="status" data-testid="pending-raise">
                  {pendingWords(line.pending, line.service.unit, locale)}.{" "}
                  {line.pending.outcome == null ? "Record their answer under “Raises for this client”; you can plan the next raise once this one is in force or they left." : "You can plan the next raise once this one is in force."}
                </p>
              ) : (
                <RaisePlannerForm
                  action={planRaiseAction}
                  facts={{
                    clientId: client.id,
                    clientName: client.name,
                    service: { id: line.service.id, name: line.service.name, unit: line.service.unit, currency: line.service.currency },
                    currentRate: line.rateNow?.rate ?? null,
                    targetRate: line.rates.targetRate,
                    floorRate: line.rates.floorRate,
                    suggestion,
                    defaultEffectiveFrom: planner.defaultEffectiveFrom,
                    today,
                    templateBody: planner.template.body,
                    templateIsMine: planner.template.id != null,
                    locale,
                  }}
                />
              )}
            </Card>
          </div>
          <div className="min-w-0 space-y-6 lg:col-span-2">
            <Card title="Raises for this client" id="plans">
              <p className="mb-3 text-sm" data-testid="raise-stats-client">
                {planner.stats.client}
              </p>
              {plans.length === 0 ? null : (
                <ul className="grid gap-4" data-testid="raise-plans">
                  {plans.map((p) => {
                    const r = (n: number) => rateWords(n, p.currency, p.unit, locale);
                    return (
                      <li key={p.id} className="grid gap-2 border-t border-stone-100 pt-3 first:border-t-0 first:pt-0 dark:border-stone-800">
                        <p className="text-sm">
                          <span className="font-medium">{p.serviceName}</span>: {r(p.currentRate)} → {r(p.newRate)} from {formatDay(p.effectiveFrom, locale)}{" "}
                          <span className="text-stone-600 dark:text-stone-400">(notice {formatDay(p.noticeOn, locale)})</span>{" "}
                          {p.outcome ? <Badge tone={p.outcome === "left" ? "bad" : "good"}>{label(p.outcome)}{p.outcomeRate != null ? ` at ${r(p.outcomeRate)}` : ""}</Badge> : <Badge tone="info">Waiting for an answer</Badge>}
                        </p>
                        <details className="text-sm">
                          <summary className="flex min-h-10 cursor-pointer items-center">The letter sent</summary>
                          <p className="whitespace-pre-wrap break-words rounded-md bg-stone-50 p-3 dark:bg-stone-800">{p.letter}</p>
                        </details>
                        <RaiseOutcomeForm action={raiseOutcomeAction.bind(null, p.id)} today={today} currency={p.currency} unit={p.unit} current={p.outcome} agreed={p.outcomeRate != null ? toDecimalString(p.outcomeRate, p.currency) : undefined} title={`Their answer to the raise from ${formatDay(p.effectiveFrom, locale)}`} />
                      </li>
                    );
                  })}
                </ul>
              )}
              {planner.stats.book ? (
                <p className="mt-4 border-t border-stone-100 pt-3 text-sm text-stone-600 dark:border-stone-800 dark:text-stone-400" data-testid="raise-stats-book">
                  {planner.stats.book}
                </p>
              ) : null}
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
