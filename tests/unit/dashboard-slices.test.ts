// lib/dashboard/slices.ts: a client's slice depends on that client's rows only (what lets a write
// rebuild one slice), and the page summed from the slices does not depend on their order.
import { describe, expect, test } from "vitest";
import { assembleDashboard, clientSlices, DEFAULT_FILTERS, resolvePeriod, type ClientSlice, type ScopedQuote, type SliceRows } from "@/lib/dashboard";
import { EXAMPLE_SERVICES, makeClient, makeEvent, makeInteraction, makeQuote, makeSettings, shuffle, TODAY } from "./fixtures";

const settings = makeSettings();
const services = EXAMPLE_SERVICES;
const clients = [makeClient({ id: 1, name: "Acme" }), makeClient({ id: 2, name: "Bolt", leadSource: "referral" }), makeClient({ id: 3, name: "Cobalt" })];

function scoped(clientId: number, id: number, patch: Parameters<typeof makeQuote>[0] = {}): ScopedQuote {
  const q = makeQuote({ id, clientId, serviceId: services[0].id, ...patch });
  const c = clients.find((x) => x.id === clientId)!;
  return { ...q, rates: null, actualMinutes: 0, periodDate: q.decidedOn ?? q.sentOn ?? q.createdAt.slice(0, 10), clientName: c.name, leadSource: c.leadSource } as ScopedQuote;
}

const quotes: ScopedQuote[] = [
  scoped(1, 11, { status: "accepted", agreedAmount: 80000, decidedOn: "2025-03-01", events: [makeEvent({ kind: "discount_request", percentBp: 2000 }), makeEvent({ kind: "my_answer", answer: "conceded" })] }),
  scoped(1, 12, { status: "rejected", rejectionReason: "price", decidedOn: "2025-04-01" }),
  scoped(2, 13, { status: "accepted", agreedAmount: 100000, decidedOn: "2025-05-01" }),
  scoped(3, 14, { status: "sent", sentOn: "2025-06-01", events: [makeEvent({ kind: "discount_request", percentBp: 1000 })] }),
];
const interactions = [
  makeInteraction({ clientId: 1, kind: "ask", subtype: "scope_creep", minutes: 60, occurredOn: "2025-03-02" }),
  makeInteraction({ clientId: 2, kind: "follow_up", answered: false, occurredOn: "2025-05-02" }),
  makeInteraction({ clientId: 3, kind: "ask", subtype: "quick_question", minutes: null, occurredOn: "2025-06-02" }),
];

/** The rows of some clients, as db/dashboard.ts would read them with `clientIds`. */
function rowsOf(ids: readonly number[]): SliceRows {
  const has = (id: number) => ids.includes(id);
  return {
    clients: clients.filter((c) => has(c.id)),
    quotes: quotes.filter((q) => has(q.clientId)),
    interactions: interactions.filter((i) => has(i.clientId)),
    unpaid: [
      { clientId: 1, asks: 1, loggedMinutes: 60, unloggedAsks: 0 },
      { clientId: 3, asks: 1, loggedMinutes: 0, unloggedAsks: 1 },
    ].filter((r) => has(r.clientId)),
    negotiation: [
      { clientId: 1, response: "conceded" as const, quotes: 1, asks: 1, decided: 1, accepted: 1 },
      { clientId: 1, response: "not_asked" as const, quotes: 1, asks: 0, decided: 1, accepted: 0 },
      { clientId: 2, response: "not_asked" as const, quotes: 1, asks: 0, decided: 1, accepted: 1 },
      { clientId: 3, response: "no_answer" as const, quotes: 1, asks: 1, decided: 0, accepted: 0 },
    ].filter((r) => has(r.clientId)),
    rejections: [{ clientId: 1, reason: "price" as const, status: "rejected", n: 1 }].filter((r) => has(r.clientId)),
    chases: [{ clientId: 2, name: "Bolt", sent: 1, answered: 0, unanswered: 1, pending: 0 }].filter((r) => has(r.clientId)),
  };
}

const period = resolvePeriod({ ...DEFAULT_FILTERS, range: "all" }, TODAY);
const ctx = { filters: { ...DEFAULT_FILTERS, range: "all" as const }, period, today: TODAY, serviceName: null, settings, serviceCount: services.length, proposals: [] };
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe("dashboard slices", () => {
  test("a client's slice is the same read alone or with the whole book", () => {
    const all = clientSlices(rowsOf([1, 2, 3]), services, settings, TODAY);
    expect([...all.keys()].sort()).toEqual([1, 2, 3]);
    for (const id of [1, 2, 3]) expect(plain(clientSlices(rowsOf([id]), services, settings, TODAY).get(id))).toEqual(plain(all.get(id)));
  });

  test("the page summed from the slices does not depend on their order", () => {
    const slices = [...clientSlices(rowsOf([1, 2, 3]), services, settings, TODAY).values()];
    const page = plain(assembleDashboard(slices, null, ctx));
    for (const seed of [1, 2, 3, 4]) expect(plain(assembleDashboard(shuffle(slices, seed) as ClientSlice[], null, ctx))).toEqual(page);
  });

  test("per-client counts add up: unpaid asks, negotiation classes, rejections, follow-ups, quotes", () => {
    const d = assembleDashboard(clientSlices(rowsOf([1, 2, 3]), services, settings, TODAY).values(), null, ctx);
    // 60 logged minutes, and one ask without minutes counted as 15
    expect(d.headline.unpaid).toEqual({ asks: 2, minutes: 75 });
    expect(d.negotiation.notAsked.quotes).toBe(2);
    expect(d.negotiation.notAsked.accepted).toBe(1);
    expect(d.negotiation.haggledQuotes).toBe(2);
    expect(d.negotiation.asks).toBe(2);
    expect(d.rejections.rejected).toBe(1);
    expect(d.chasing.unanswered).toBe(1);
    expect(d.counts).toMatchObject({ clients: 3, quotes: 4, acceptedQuotes: 2, interactions: 3 });
    expect(d.lackingRate).toEqual([]);
  });

  test("a client removed from the slices leaves the page as if it never had rows", () => {
    const slices = clientSlices(rowsOf([1, 2, 3]), services, settings, TODAY);
    slices.delete(2);
    expect(plain(assembleDashboard(slices.values(), null, ctx))).toEqual(plain(assembleDashboard(clientSlices(rowsOf([1, 3]), services, settings, TODAY).values(), null, ctx)));
  });
});
