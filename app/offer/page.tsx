import type { Metadata } from "next";
import { checkOfferAction, recordOfferAction } from "@/app/actions/offers";
import { requestDb } from "@/server/database";
import { listClients } from "@/server/clients";
import { getQuote } from "@/server/quotes";
import { listServices } from "@/server/services";
import { getSettings } from "@/server/settings";
import { replayNegotiation } from "@/lib/negotiation";
import { toDecimalString } from "@/lib/money";
import { PageHeader } from "@/components/ui/card";
import { OfferCheck, type OfferPrefill } from "@/components/offer/offer-check";

export const metadata: Metadata = { title: "Check an offer" };

function positiveInt(v: string | string[] | undefined): number | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s && /^\d{1,12}$/.test(s) && Number(s) > 0 ? Number(s) : undefined;
}

export default async function OfferPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const db = await requestDb();
  const settings = getSettings(db);
  const clients = listClients(db).filter((c) => c.status !== "archived");
  const services = listServices(db);
  const prefill: OfferPrefill = { clientId: positiveInt(sp.clientId), serviceId: positiveInt(sp.serviceId) };
  if (prefill.clientId && !clients.some((c) => c.id === prefill.clientId)) prefill.clientId = undefined;
  const quoteId = positiveInt(sp.quoteId);
  if (quoteId) {
    try {
      // from a quote in negotiation: the offer is what the client last asked for
      const quote = getQuote(db, quoteId);
      const neg = replayNegotiation(quote);
      const lastAsk = [...neg.steps].reverse().find((s) => s.requestedPrice != null);
      const pending = lastAsk && neg.steps[neg.steps.length - 1] === lastAsk ? lastAsk.requestedPrice! : neg.currentPrice;
      Object.assign(prefill, {
        quoteId: quote.id,
        clientId: quote.clientId,
        serviceId: quote.serviceId ?? undefined,
        title: quote.title,
        scopeAmount: String(Math.round((neg.currentMinutes / 60) * 100) / 100),
        offeredAmount: toDecimalString(pending, quote.currency),
      });
    } catch {
      // unknown quote: start from a blank offer
    }
  }
  return (
    <>
      <PageHeader title="Check an offer">A low offer just landed. Should you take it? “Do I want to choose them?”</PageHeader>
      <OfferCheck clients={clients.map((c) => ({ id: c.id, name: c.name }))} services={services} currency={settings.currency} locale={settings.locale} hoursPerDay={settings.hoursPerDay} prefill={prefill} check={checkOfferAction} record={recordOfferAction} />
    </>
  );
}
