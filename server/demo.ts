/**
 * Load the demo book (server/demo-book.ts) through the same use cases the app uses, in one transaction.
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { getSettings } from "@/db/settings";
import { listServices } from "@/db/services";
import { listTemplates } from "@/db/templates";
import { addDays, isoDateOf } from "@/lib/dates";
import { DEFAULT_COUNTER_TEMPLATE, DEFAULT_DECLINE_TEMPLATE } from "@/lib/offer-check";
import type { CreateInteraction, CreateQuoteEvent } from "@/lib/schemas";
import { createClient } from "./clients";
import { DEMO_BOOK, SERVICES, type Svc } from "./demo-book";
import { addInteraction } from "./interactions";
import { addQuoteEvent, createQuote, setQuoteOutcome } from "./quotes";
import { createService } from "./services";
import { createTemplate } from "./templates";

export { DEMO_BOOK };

function daysAgo(n: number, from = new Date()): string {
  return addDays(isoDateOf(from), -n);
}

/** Load the demo book into a database (adds to what is there; one transaction). Returns counts. */
export function loadDemoBook(db: DbOrTx, now = new Date()): { clients: number; quotes: number; events: number; interactions: number } {
  const counts = { clients: 0, quotes: 0, events: 0, interactions: 0 };
  const today = isoDateOf(now);
  writeTransaction(db, (t) => {
    const currency = getSettings(t).currency;
    const existing = new Map(listServices(t).map((s) => [s.name, s]));
    const svcIds = {} as Record<Svc, number>;
    for (const [key, s] of Object.entries(SERVICES) as [Svc, (typeof SERVICES)[Svc]][]) {
      const found = existing.get(s.name);
      svcIds[key] = found
        ? found.id
        : createService(t, { name: s.name, unit: s.unit, currency, marketRate: s.market * 100, targetRate: s.target * 100, floorRate: s.floor * 100 }).id;
    }
    if (!listTemplates(t).length) {
      createTemplate(t, { kind: "decline", name: "The essay's line", body: DEFAULT_DECLINE_TEMPLATE, isDefault: true });
      createTemplate(t, { kind: "counter", name: "Trade, don't give", body: DEFAULT_COUNTER_TEMPLATE, isDefault: true });
    }
    for (const entry of DEMO_BOOK) {
      const client = createClient(t, entry.client);
      counts.clients++;
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
      }
      for (const it of entry.interactions ?? []) {
        const { at, ...rest } = it;
        addInteraction(t, client.id, { ...rest, occurredOn: daysAgo(at, now) } as CreateInteraction, today);
        counts.interactions++;
      }
    }
  });
  return counts;
}
