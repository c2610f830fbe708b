import type { Metadata } from "next";
import { currencyOptions, isoCurrencies } from "@/lib/currency-conversion";
import { checkOfferAction, recordOfferAction } from "@/app/actions/offers";
import { requestDb } from "@/server/database";
import { listClients } from "@/server/clients";
import { usualServiceId } from "@/server/offers";
import { getQuote } from "@/server/quotes";
import { listServices } from "@/server/services";
import { getSettings } from "@/server/settings";
import { replayNegotiation } from "@/lib/negotiation";
import { toDecimalString } from "@/lib/money";
import { NO_SERVICE } from "@/lib/offer-check/form";
import { PageHeader } from "@/components/ui/card";
import { OfferCheck, type OfferPrefill } from "@/components/offer/offer-check";

export const metadata: Metadata = { title: "Check an offer" };

function positiveInt(v: string | string[] | undefined): number | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s && /^\d{1,12}$/.test(s) && Number(s) > 0 ? Number(s) : undefined;
}

/**
 * Nothing is chosen silently: from the nav, no client and no service; from a client, that client and
 * their usual service (the service of their latest quote), else none; from a quote, its client and service.
 */
export default async function OfferPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const db = await requestDb();
  const settings = getSettings(db);
  const clients = listClients(db).filter((c) => c.status !== "archived");
  const services = listServices(db);
  const prefill: OfferPrefill = {};
  const clientId = positiveInt(sp.clientId);
  if (clientId && clients.some((c) => c.id === clientId)) {
    prefill.clientId = clientId;
    const asked = positiveInt(sp.serviceId);
    const serviceId = asked && services.some((s) => s.id === asked) ? asked : usualServiceId(db, clientId);
    if (serviceId != null) prefill.service = String(serviceId);
  }
  const quoteId = positiveInt(sp.quoteId);
  if (quoteId) {
    try {
      // from a quote in negotiation: the offer is what the client last asked for
      const quote = getQuote(db, quoteId);
      const neg = replayNegotiation(quote);
      const lastAsk = [...neg.steps].reverse().find((s) => s.requestedPrice != null);
      const pending = lastAsk && neg.steps[neg.steps.length - 1] === lastAsk ? lastAsk.requestedPrice! : neg.currentPrice;
      const service = services.find((s) => s.id === quote.serviceId);
      // the scope in the service's own unit (the form's unit follows the service)
      const days = service?.unit === "day";
      const scope = neg.currentMinutes / 60 / (days ? settings.hoursPerDay : 1);
      Object.assign(prefill, {
        quoteId: quote.id,
        clientId: quote.clientId,
        service: quote.serviceId != null ? String(quote.serviceId) : NO_SERVICE,
        title: quote.title,
        scopeAmount: String(Math.round(scope * 100) / 100),
        offeredAmount: toDecimalString(pending, quote.currency),
        standingPrice: neg.currentPrice,
        // "Check their offer" from Today: the answer is shown on arrival
        autoCheck: sp.check === "1",
      });
    } catch {
      // unknown quote: start from a blank offer
    }
  }
  return (
    <>
      <PageHeader title="Check an offer">A low offer just landed. Should you take it? “Do I want to choose them?”</PageHeader>
      <OfferCheck clients={clients.map((c) => ({ id: c.id, name: c.name }))} services={services} currency={settings.currency} locale={settings.locale} hoursPerDay={settings.hoursPerDay} prefill={prefill} check={checkOfferAction} record={recordOfferAction} currencyChoices={currencyOptions(settings.locale, isoCurrencies())} />
    </>
  );
}
