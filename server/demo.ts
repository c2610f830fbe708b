/**
 * Load the demo book (server/demo-book.ts) through the same use cases the app uses, in one transaction,
 * marking every row it writes (demo_rows); and remove exactly those rows again ("Remove demo data").
 * Its proposals are written whole (db/proposals.ts), priced by lib/proposals/pricing.ts from the rates
 * of the quote's service, marked sent and never given a link.
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { bookLinks, clearDemoMarks, deleteRows, highestIds, liveDemoIds, markDemoRowsAfter } from "@/db/demo";
import { getSettings } from "@/db/settings";
import { listServices } from "@/db/services";
import { listTemplates } from "@/db/templates";
import { addDays, isoDateOf } from "@/lib/dates";
import type { Service, Settings } from "@/lib/domain";
import { optionMinutes, priceOption } from "@/lib/proposals/pricing";
import type { ProposalPricing } from "@/lib/proposals/types";
import { findProposal, markProposalSent, saveProposalRows, setProposalAnswer } from "@/db/proposals";
import { DEFAULT_COUNTER_TEMPLATE, DEFAULT_DECLINE_TEMPLATE } from "@/lib/offer-check";
import type { CreateInteraction, CreateQuoteEvent } from "@/lib/schemas";
import { createClient, getClient } from "./clients";
import { DEMO_BOOK, SERVICES, type DemoProposal, type Svc } from "./demo-book";
import { addInteraction } from "./interactions";
import { addQuoteEvent, createQuote, setQuoteOutcome } from "./quotes";
import { createService } from "./services";
import { createTemplate } from "./templates";
import { updateQuoteRow } from "@/db/quotes";
import { addTimeEntry, setWorkDone } from "./time-entries";

export { DEMO_BOOK };

function daysAgo(n: number, from = new Date()): string {
  return addDays(isoDateOf(from), -n);
}

/**
 * A demo quote's proposal: priced at the service's target (no rush), sent on the quote's day with no
 * link, and answered (an option chosen on the day the quote was decided) when the demo says so.
 */
function writeDemoProposal(t: DbOrTx, quoteId: number, service: Service, settings: Settings, dp: DemoProposal, sentOn: string, decidedOn: string | null): void {
  const pricing: ProposalPricing = {
    currency: service.currency,
    unit: service.unit,
    floorRate: service.floorRate,
    targetRate: service.targetRate,
    marketRate: service.marketRate,
    rush: false,
    rushMultiplierPct: settings.rushMultiplierPct,
    hoursPerDay: settings.hoursPerDay,
    minimumFee: settings.minimumFee,
  };
  const items = dp.items.map((i) => ({ name: i.name, minutes: Math.round(i.hours * 60) }));
  const options = dp.options.map((o) => {
    const { standing: _s, effectiveRate: _r, ...priced } = priceOption(pricing, optionMinutes(items.map((i) => i.minutes), o.items));
    return { name: o.name, summary: o.summary, items: o.items, ...priced };
  });
  const id = saveProposalRows(
    t,
    { ...pricing, quoteId, belowFloorConfirmed: false, intro: dp.intro ?? null, terms: dp.terms ?? null, expiresOn: addDays(sentOn, dp.expires) },
    items,
    options,
  );
  markProposalSent(t, id, sentOn);
  if (dp.chosen != null && decidedOn != null) {
    const chosen = findProposal(t, id)!.options[dp.chosen];
    // an instant on the day it came (the demo does not know the hour)
    setProposalAnswer(t, id, { chosenOptionId: chosen.id, declineReason: null, declineNote: null, answeredOn: decidedOn, answeredAt: `${decidedOn}T12:00:00.000Z` });
  }
}

/** Load the demo book into a database (adds to what is there; one transaction). Returns counts. */
export function loadDemoBook(db: DbOrTx, now = new Date()): { clients: number; quotes: number; events: number; interactions: number; timeEntries: number } {
  const counts = { clients: 0, quotes: 0, events: 0, interactions: 0, timeEntries: 0 };
  const today = isoDateOf(now);
  writeTransaction(db, (t) => {
    // the transaction is IMMEDIATE: every row with a higher id at its end is one the demo wrote
    const before = highestIds(t);
    const settings = getSettings(t);
    const currency = settings.currency;
    const existing = new Map(listServices(t).map((s) => [s.name, s]));
    const svcs = {} as Record<Svc, Service>;
    for (const [key, s] of Object.entries(SERVICES) as [Svc, (typeof SERVICES)[Svc]][]) {
      svcs[key] = existing.get(s.name) ?? createService(t, { name: s.name, unit: s.unit, currency, marketRate: s.market * 100, targetRate: s.target * 100, floorRate: s.floor * 100 });
    }
    const svcIds = Object.fromEntries(Object.entries(svcs).map(([k, s]) => [k, s.id])) as Record<Svc, number>;
    if (!listTemplates(t).length) {
      createTemplate(t, { kind: "decline", name: "The essay's line", body: DEFAULT_DECLINE_TEMPLATE, isDefault: true });
      createTemplate(t, { kind: "counter", name: "Trade, don't give", body: DEFAULT_COUNTER_TEMPLATE, isDefault: true });
    }
    for (const entry of DEMO_BOOK) {
      const client = createClient(t, entry.client);
      counts.clients++;
      const quoteIds = new Map<string, number>();
      for (const dq of entry.quotes) {
        const quote = createQuote(t, {
          clientId: client.id,
          serviceId: svcIds[dq.service],
          title: dq.title,
          scope: null,
          estimatedMinutes: dq.hours * 60,
          quotedAmount: dq.quoted * 100,
          currency,
          status: "sent",
          sentOn: daysAgo(dq.sent, now),
        }, today);
        counts.quotes++;
        quoteIds.set(dq.title, quote.id);
        for (const ev of dq.events ?? []) {
          const { at, ...rest } = ev;
          addQuoteEvent(t, quote.id, { ...rest, occurredOn: daysAgo(at, now) } as CreateQuoteEvent, today);
          counts.events++;
        }
        if (dq.status !== "sent") {
          setQuoteOutcome(t, quote.id, {
            status: dq.status,
            agreedAmount: dq.agreed != null ? dq.agreed * 100 : undefined,
            decidedOn: dq.decided != null ? daysAgo(dq.decided, now) : null,
            rejectionReason: dq.reason ?? null,
          }, today);
        }
        for (const d of dq.time ?? []) {
          addTimeEntry(t, quote.id, { occurredOn: daysAgo(d.at, now), minutes: Math.round(d.hours * 60), note: d.note ?? null }, today);
          counts.timeEntries++;
        }
        if (dq.doneAt != null) setWorkDone(t, quote.id, { workDoneOn: daysAgo(dq.doneAt, now) }, today);
        // the demo's older work was paid before it was kept here: only the quotes that say so track payment
        if (dq.status === "accepted") updateQuoteRow(t, quote.id, { paymentTermsDays: dq.terms ?? null });
        if (dq.proposal) writeDemoProposal(t, quote.id, svcs[dq.service], settings, dq.proposal, daysAgo(dq.sent, now), dq.decided != null ? daysAgo(dq.decided, now) : null);
      }
      for (const it of entry.interactions ?? []) {
        const { at, onQuote, ...rest } = it;
        const quoteId = onQuote == null ? undefined : quoteIds.get(onQuote);
        if (onQuote != null && quoteId == null) throw new Error(`demo book: ${entry.client.name} has no quote "${onQuote}"`);
        addInteraction(t, client.id, { ...rest, ...(quoteId != null ? { quoteId } : {}), occurredOn: daysAgo(at, now) } as CreateInteraction, today);
        counts.interactions++;
      }
    }
    markDemoRowsAfter(t, before);
  });
  return counts;
}

/** True while rows the demo book wrote are still in the book. */
export function hasDemoData(db: DbOrTx): boolean {
  return Object.values(liveDemoIds(db)).some((ids) => ids.size > 0);
}

export interface DemoRemoval {
  removed: { clients: number; quotes: number; events: number; interactions: number; timeEntries: number; proposals: number; services: number; templates: number };
  /** demo rows kept because something of the user's hangs on them; they are the user's from now on */
  kept: { clients: string[]; quotes: number; services: string[] };
}

/**
 * Remove exactly the rows the demo book wrote, and nothing the user added, in one transaction:
 * - a demo quote the user added a negotiation step, an interaction or time spent to, or built a
 *   proposal on (in place of the demo's), is kept, with its steps, its time and its proposal;
 * - a demo client the user added a quote or an interaction to (or whose quote is kept) is kept, with
 *   the user's rows — the demo's own other quotes and interactions on it go;
 * - a demo client or service the user planned a raise for or gave an own rate is kept, with those;
 * - a demo service that a remaining quote uses, or whose rates the user changed, is kept with its history;
 * - the demo's templates go.
 * What is kept stops being demo data. Every rule is decided before the first delete.
 */
export function removeDemoData(db: DbOrTx): DemoRemoval {
  return writeTransaction(db, (t) => {
    const demo = liveDemoIds(t);
    const links = bookLinks(t);
    const keepQuotes = new Set<number>();
    for (const e of links.events) if (demo.quotes.has(e.quoteId) && !demo.quote_events.has(e.id)) keepQuotes.add(e.quoteId);
    for (const i of links.interactions) if (i.quoteId != null && demo.quotes.has(i.quoteId) && !demo.interactions.has(i.id)) keepQuotes.add(i.quoteId);
    for (const e of links.timeEntries) if (demo.quotes.has(e.quoteId) && !demo.time_entries.has(e.id)) keepQuotes.add(e.quoteId);
    for (const p of links.proposals) if (demo.quotes.has(p.quoteId) && !demo.proposals.has(p.id)) keepQuotes.add(p.quoteId);
    const keepClients = new Set<number>();
    for (const q of links.quotes) if (demo.clients.has(q.clientId) && (!demo.quotes.has(q.id) || keepQuotes.has(q.id))) keepClients.add(q.clientId);
    for (const i of links.interactions) if (demo.clients.has(i.clientId) && !demo.interactions.has(i.id)) keepClients.add(i.clientId);
    const usersRates = [...links.ratePlans.filter((p) => !demo.rate_plans.has(p.id)), ...links.clientRates.filter((r) => !demo.client_rates.has(r.id))];
    for (const r of usersRates) if (demo.clients.has(r.clientId)) keepClients.add(r.clientId);
    const keepServices = new Set<number>();
    for (const q of links.quotes) if (q.serviceId != null && demo.services.has(q.serviceId) && (!demo.quotes.has(q.id) || keepQuotes.has(q.id))) keepServices.add(q.serviceId);
    for (const r of links.serviceRates) if (demo.services.has(r.serviceId) && !demo.service_rates.has(r.id)) keepServices.add(r.serviceId);
    for (const r of usersRates) if (demo.services.has(r.serviceId)) keepServices.add(r.serviceId);

    const keptQuoteIds = [...keepQuotes];
    const eventsOfKept = new Set(links.events.filter((e) => keepQuotes.has(e.quoteId)).map((e) => e.id));
    const timeOfKept = new Set(links.timeEntries.filter((e) => keepQuotes.has(e.quoteId)).map((e) => e.id));
    const goingQuotes = [...demo.quotes].filter((id) => !keepQuotes.has(id));
    const goingClients = [...demo.clients].filter((id) => !keepClients.has(id));
    const goingServices = [...demo.services].filter((id) => !keepServices.has(id));
    const keptClientNames = [...keepClients].map((id) => getClient(t, id).name).sort();
    const keptServiceNames = listServices(t).filter((s) => keepServices.has(s.id)).map((s) => s.name);

    const removed = { clients: 0, quotes: 0, events: 0, interactions: 0, timeEntries: 0, proposals: 0, services: 0, templates: 0 };
    // children first, counted one by one; the cascades below then find nothing of the demo's left
    removed.events = deleteRows(t, "quote_events", [...demo.quote_events].filter((id) => !eventsOfKept.has(id)));
    removed.timeEntries = deleteRows(t, "time_entries", [...demo.time_entries].filter((id) => !timeOfKept.has(id)));
    removed.interactions = deleteRows(t, "interactions", [...demo.interactions]);
    // a demo proposal goes with its quote (its items and options with it); on a kept quote it stays
    const quoteOfProposal = new Map(links.proposals.map((p) => [p.id, p.quoteId]));
    removed.proposals = deleteRows(t, "proposals", [...demo.proposals].filter((id) => !keepQuotes.has(quoteOfProposal.get(id) ?? -1)));
    removed.quotes = deleteRows(t, "quotes", goingQuotes);
    removed.clients = deleteRows(t, "clients", goingClients);
    const serviceOfRate = new Map(links.serviceRates.map((r) => [r.id, r.serviceId]));
    deleteRows(t, "service_rates", [...demo.service_rates].filter((id) => !keepServices.has(serviceOfRate.get(id) ?? -1)));
    removed.services = deleteRows(t, "services", goingServices);
    removed.templates = deleteRows(t, "templates", [...demo.templates]);
    clearDemoMarks(t);
    return { removed, kept: { clients: keptClientNames, quotes: keptQuoteIds.length, services: keptServiceNames } };
  });
}
