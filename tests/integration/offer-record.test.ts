/**
 * Recording a decision on an offer (server/offers.ts recordOffer) on a real SQLite file: truthful (no
 * invented steps, no target price nobody named) and idempotent (the same decision twice adds nothing).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DB } from "@/db/connection";
import type { QuoteWithEvents } from "@/lib/domain";
import { isAppError } from "@/lib/errors";
import { effectiveRate } from "@/lib/money";
import { replayNegotiation } from "@/lib/negotiation";
import type { RecordOfferInput } from "@/lib/offer-check/schemas";
import { todayFor } from "@/server/clock";
import { checkOffer, recordOffer, usualServiceId } from "@/server/offers";
import { loadQuotePage } from "@/server/quote-page";
import { createTestDb } from "./helpers";
import * as q from "./use-cases";

let db: DB;
let close: () => void;
let today: string;
let web: number; // hourly: floor $85, target $110, market $120
let brand: number; // per day: floor $600, target $800, market $900
let acme: number;

beforeAll(async () => {
  const t = await createTestDb();
  db = t.db;
  close = t.close;
  today = todayFor(db);
  web = q.createService(db, { name: "Web development", unit: "hour", currency: "USD", floorRate: 8500, targetRate: 11000, marketRate: 12000 }).id;
  brand = q.createService(db, { name: "Brand identity", unit: "day", currency: "USD", floorRate: 60000, targetRate: 80000, marketRate: 90000 }).id;
  acme = q.createClient(db, { name: "Acme", leadSource: "referral", status: "active" }).id;
});
afterAll(() => close());

const offer = (patch: Partial<RecordOfferInput>): RecordOfferInput => ({
  clientId: acme,
  serviceId: web,
  scopeAmount: 40,
  scopeUnit: "hours",
  offeredAmount: 280000,
  currency: "USD",
  leadSource: "other",
  rush: false,
  reason: "price",
  decision: "declined",
  ...patch,
});

/** A sent quote of $3,300 for 30 h on which the client asked for 40% off ($1,980). */
function quoteWith40PercentAsk(title: string): QuoteWithEvents {
  const quote = q.createQuote(db, { clientId: acme, serviceId: web, title, estimatedMinutes: 1800, quotedAmount: 330000, currency: "USD", status: "sent", sentOn: today }, today);
  q.addQuoteEvent(db, quote.id, { kind: "discount_request", percentBp: 4000, occurredOn: today }, today);
  return q.getQuote(db, quote.id);
}

const kinds = (quote: QuoteWithEvents) => quote.events.map((e) => `${e.kind}${e.amount != null ? `:${e.amount}` : ""}${e.answer ? `:${e.answer}` : ""}`);

describe("on a quote where their ask already stands", () => {
  test("declining records the decision only: no 'They countered', no invented 'I held firm'; twice adds nothing", () => {
    const quote = quoteWith40PercentAsk("Forty off, declined");
    const input = offer({ quoteId: quote.id, scopeAmount: 30, offeredAmount: 198000, decision: "declined", reason: "price" });
    const first = recordOffer(db, input, today);
    expect(first.alreadyRecorded).toBe(false);
    expect(first.quote).toMatchObject({ status: "declined_by_me", rejectionReason: "price", quotedAmount: 330000 });
    expect(kinds(first.quote)).toEqual(["discount_request"]);

    const second = recordOffer(db, input, today);
    expect(second.alreadyRecorded).toBe(true);
    expect(second.quote.id).toBe(quote.id);
    expect(kinds(q.getQuote(db, quote.id))).toEqual(["discount_request"]);
  });

  test("countering at the price I quoted is holding firm: logged once as such; a second click adds nothing", () => {
    const quote = quoteWith40PercentAsk("Forty off, countered");
    const input = offer({ quoteId: quote.id, scopeAmount: 30, offeredAmount: 198000, decision: "countered" });
    const first = recordOffer(db, input, today);
    expect(first).toMatchObject({ alreadyRecorded: false, heldFirm: true });
    expect(recordOffer(db, input, today)).toMatchObject({ alreadyRecorded: true, heldFirm: true });
    const after = q.getQuote(db, quote.id);
    // the counter is the full scope at the target (30 h × $110 = $3,300): the price already quoted, so I held firm
    expect(kinds(after)).toEqual(["discount_request", "my_answer:held_firm"]);
    expect(after.status).toBe("negotiating");
  });

  test("countering at a price other than mine on the table logs my counter", () => {
    const quote = quoteWith40PercentAsk("Forty off, countered lower");
    const input = offer({ quoteId: quote.id, scopeAmount: 30, offeredAmount: 198000, decision: "countered", counterAmount: 300000 });
    expect(recordOffer(db, input, today)).toMatchObject({ alreadyRecorded: false, heldFirm: false });
    expect(kinds(q.getQuote(db, quote.id))).toEqual(["discount_request", "my_counter:300000"]);
  });

  test("accepting their ask: accepted at $1,980, no extra step; twice adds nothing", () => {
    const quote = quoteWith40PercentAsk("Forty off, accepted");
    const input = offer({ quoteId: quote.id, scopeAmount: 30, offeredAmount: 198000, decision: "accepted" });
    recordOffer(db, input, today);
    const again = recordOffer(db, input, today);
    expect(again.alreadyRecorded).toBe(true);
    expect(again.quote).toMatchObject({ status: "accepted", agreedAmount: 198000 });
    expect(kinds(again.quote)).toEqual(["discount_request"]);
  });

  test("a new offer from them (they moved to $2,500) is logged once as their counter", () => {
    const quote = quoteWith40PercentAsk("Moved to 2500");
    const input = offer({ quoteId: quote.id, scopeAmount: 30, offeredAmount: 250000, decision: "declined" });
    recordOffer(db, input, today);
    recordOffer(db, input, today);
    expect(kinds(q.getQuote(db, quote.id))).toEqual(["discount_request", "client_counter:250000"]);
  });

  test("after I answered (held firm), the same price asked again is a new ask", () => {
    const quote = quoteWith40PercentAsk("Asked again");
    q.addQuoteEvent(db, quote.id, { kind: "my_answer", answer: "held_firm", occurredOn: today }, today);
    recordOffer(db, offer({ quoteId: quote.id, scopeAmount: 30, offeredAmount: 198000, decision: "declined" }), today);
    expect(kinds(q.getQuote(db, quote.id))).toEqual(["discount_request", "my_answer:held_firm", "client_counter:198000"]);
  });

  test("a quote already decided otherwise is a conflict, and nothing is written", () => {
    const quote = quoteWith40PercentAsk("Decided otherwise");
    recordOffer(db, offer({ quoteId: quote.id, scopeAmount: 30, offeredAmount: 198000, decision: "declined" }), today);
    let error: unknown;
    try {
      recordOffer(db, offer({ quoteId: quote.id, scopeAmount: 30, offeredAmount: 198000, decision: "accepted" }), today);
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, "conflict")).toBe(true);
    expect(q.getQuote(db, quote.id)).toMatchObject({ status: "declined_by_me" });
    expect(kinds(q.getQuote(db, quote.id))).toEqual(["discount_request"]);
  });

  test("the offer is recorded on the quote's own service only", () => {
    const quote = quoteWith40PercentAsk("Other service");
    let error: unknown;
    try {
      recordOffer(db, offer({ quoteId: quote.id, serviceId: brand, scopeAmount: 4, scopeUnit: "days", offeredAmount: 198000 }), today);
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, "invalid_input")).toBe(true);
    expect((error as { fields: Record<string, string[]> }).fields.serviceId).toBeDefined();
    expect(q.getQuote(db, quote.id).status).toBe("negotiating");
  });
});

describe("a new offer: the quote starts at their offer, never at a target nobody named", () => {
  test("a declined lowball from a new prospect: quoted = their offer, their offer logged once, its rate check below target; a double submission adds nothing", () => {
    const input = offer({ clientId: null, newClientName: "Lowball Ltd", title: "Booking app", decision: "declined", reason: "price" });
    const first = recordOffer(db, input, today);
    const second = recordOffer(db, input, today);
    expect(second.alreadyRecorded).toBe(true);
    expect(second.quote.id).toBe(first.quote.id);
    expect(q.listClients(db).filter((c) => c.name === "Lowball Ltd")).toHaveLength(1);
    expect(q.listQuotes(db, { clientId: first.clientId })).toHaveLength(1);

    const quote = q.getQuote(db, first.quote.id);
    expect(quote).toMatchObject({ status: "declined_by_me", rejectionReason: "price", quotedAmount: 280000, estimatedMinutes: 2400, serviceId: web });
    expect(kinds(quote)).toEqual(["client_counter:280000"]);

    // the quote page's rate check: $70/h, below the floor — never "at or above target"
    const page = loadQuotePage(db, quote.id, { checkOffer: false });
    const neg = replayNegotiation(page.quote);
    const rate = effectiveRate(neg.currentPrice, neg.currentMinutes, page.service!.unit, page.settings.hoursPerDay);
    expect(rate).toBe(7000);
    expect(rate).toBeLessThan(page.service!.targetRate);
    expect(rate).toBeLessThan(page.service!.floorRate);
  });

  test("countered: quoted = their offer, then their offer, then my counter; twice adds nothing", () => {
    const input = offer({ title: "Countered new", decision: "countered" });
    const first = recordOffer(db, input, today);
    expect(recordOffer(db, input, today).alreadyRecorded).toBe(true);
    const quote = q.getQuote(db, first.quote.id);
    expect(quote.quotedAmount).toBe(280000);
    expect(kinds(quote)).toEqual(["client_counter:280000", "my_counter:440000"]);
    expect(replayNegotiation(quote).currentPrice).toBe(440000);
    expect(q.listQuotes(db, { clientId: acme }).filter((x) => x.title === "Countered new")).toHaveLength(1);
  });

  test("countered at a price I typed: that price, not the target", () => {
    const first = recordOffer(db, offer({ title: "Typed counter", decision: "countered", counterAmount: 400000 }), today);
    expect(kinds(first.quote)).toEqual(["client_counter:280000", "my_counter:400000"]);
  });

  test("countered with no rate card and no price: a field error, nothing written", () => {
    const before = q.listQuotes(db).length;
    let error: unknown;
    try {
      recordOffer(db, offer({ serviceId: null, title: "No card", decision: "countered" }), today);
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, "invalid_input")).toBe(true);
    expect((error as { fields: Record<string, string[]> }).fields.counterAmount).toBeDefined();
    expect(q.listQuotes(db).length).toBe(before);
  });

  test("accepted: quoted and agreed at their offer, no invented steps; twice adds nothing", () => {
    const input = offer({ title: "Accepted new", offeredAmount: 480000, decision: "accepted" });
    const first = recordOffer(db, input, today);
    expect(first.quote).toMatchObject({ status: "accepted", quotedAmount: 480000, agreedAmount: 480000 });
    expect(kinds(first.quote)).toEqual([]);
    expect(recordOffer(db, input, today).alreadyRecorded).toBe(true);
    expect(q.listQuotes(db, { clientId: acme }).filter((x) => x.title === "Accepted new")).toHaveLength(1);
  });

  test("a different offer the same day is a new quote, not 'already recorded'", () => {
    const a = recordOffer(db, offer({ title: "Two offers", offeredAmount: 300000 }), today);
    const b = recordOffer(db, offer({ title: "Two offers", offeredAmount: 320000 }), today);
    expect(b.alreadyRecorded).toBe(false);
    expect(b.quote.id).not.toBe(a.quote.id);
  });

  test("recorded for the client and service chosen", () => {
    const r = recordOffer(db, offer({ serviceId: brand, scopeAmount: 5, scopeUnit: "days", offeredAmount: 300000, title: "Brand days" }), today);
    expect(r.quote).toMatchObject({ clientId: acme, serviceId: brand, estimatedMinutes: 5 * 8 * 60 });
  });
});

describe("an offer above target is never countered below it", () => {
  // 3 h of Web development (target $110.00/h = $330.00) at $900.00 ($300.00/h)
  const above = (patch: Partial<RecordOfferInput>) => offer({ scopeAmount: 3, offeredAmount: 90000, ...patch });

  function refused(input: RecordOfferInput): Record<string, string[]> {
    const before = q.listQuotes(db).length;
    let error: unknown;
    try {
      recordOffer(db, input, today);
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, "invalid_input")).toBe(true);
    // nothing half-written: no quote, no prospect
    expect(q.listQuotes(db).length).toBe(before);
    return (error as { fields: Record<string, string[]> }).fields;
  }

  test("the check: accept, no counter price, no counter message; the yes is at their price", () => {
    const r = checkOffer(db, above({}), today);
    expect(r.evaluation.answer).toBe("accept");
    expect(r.evaluation.counter.priceAtTarget).toBe(33000);
    expect(r.evaluation.counter.counterPrice).toBeNull();
    expect(r.evaluation.counter.minutesForBudgetAtTarget).toBeNull();
    expect(r.messages.counter).toEqual([]);
    // by now Acme has haggled on the quotes above: the yes carries the terms, never a lower price
    expect(r.evaluation.headline).toBe("Accept, on your terms: the price is right, the terms need setting.");
    expect(r.evaluation.counter.conditions).toContain("scope and price agreed in writing before work starts");
    const [yes] = r.messages.accept.map((m) => m.text);
    expect(yes).toMatch(/^Thanks, Acme\. \$900\.00 for 3 h of Web development works for me, on these terms: .+\. Let me know when you would like to start\.$/);
    for (const c of r.evaluation.counter.conditions) expect(yes).toContain(c);
    expect(yes).not.toContain("$330.00");
  });

  test("countered at the target price ($330.00, below their $900.00): refused on counterAmount, nothing written", () => {
    expect(refused(above({ title: "Above, countered low", decision: "countered", counterAmount: 33000 })).counterAmount).toEqual([
      "A counter must be above their offer; to take their price, accept it",
    ]);
  });

  test("countered at their own price: refused too", () => {
    expect(refused(above({ title: "Above, countered equal", decision: "countered", counterAmount: 90000 })).counterAmount).toEqual([
      "A counter must be above their offer; to take their price, accept it",
    ]);
  });

  test("countered without a price: there is no counter to work out, accept it", () => {
    expect(refused(above({ title: "Above, countered blank", decision: "countered" })).counterAmount?.[0]).toMatch(/^Their offer already meets your target: to take their price, accept it/);
  });

  test("on an existing quote, a counter below their ask is refused and the quote is unchanged", () => {
    const quote = quoteWith40PercentAsk("Forty off, countered below");
    expect(refused(offer({ quoteId: quote.id, scopeAmount: 30, offeredAmount: 198000, decision: "countered", counterAmount: 150000 })).counterAmount).toBeDefined();
    expect(kinds(q.getQuote(db, quote.id))).toEqual(["discount_request"]);
  });

  test("countered above their offer is recorded; accepting their price is recorded at it", () => {
    expect(kinds(recordOffer(db, above({ title: "Above, countered higher", decision: "countered", counterAmount: 100000 }), today).quote)).toEqual([
      "client_counter:90000",
      "my_counter:100000",
    ]);
    expect(recordOffer(db, above({ title: "Above, accepted", decision: "accepted" }), today).quote).toMatchObject({ status: "accepted", agreedAmount: 90000 });
  });
});

describe("usualServiceId: the offer check from a client preselects their usual service", () => {
  test("the service of their latest quote that names one; none without quotes", () => {
    const fresh = q.createClient(db, { name: "No quotes yet", leadSource: "referral", status: "prospect" }).id;
    expect(usualServiceId(db, fresh)).toBeNull();
    q.createQuote(db, { clientId: fresh, serviceId: web, title: "Old", estimatedMinutes: 60, quotedAmount: 11000, currency: "USD", status: "sent", sentOn: "2026-01-05" }, today);
    q.createQuote(db, { clientId: fresh, serviceId: brand, title: "Newer", estimatedMinutes: 480, quotedAmount: 80000, currency: "USD", status: "sent", sentOn: "2026-03-05" }, today);
    q.createQuote(db, { clientId: fresh, serviceId: null, title: "No service", estimatedMinutes: 60, quotedAmount: 10000, currency: "USD", status: "sent", sentOn: "2026-04-05" }, today);
    expect(usualServiceId(db, fresh)).toBe(brand);
  });
});

describe("the quote page's offer check answers an ask of theirs, never my own price", () => {
  test("a sent quote nobody answered: no check; their ask: checked at the price they asked; answered: no check again", () => {
    const quote = q.createQuote(db, { clientId: acme, serviceId: null, title: "No service, no ask", estimatedMinutes: 600, quotedAmount: 120000, currency: "USD", status: "sent", sentOn: today }, today);
    expect(loadQuotePage(db, quote.id, { checkOffer: true }).offerCheck).toBeNull();

    q.addQuoteEvent(db, quote.id, { kind: "discount_request", percentBp: 2000, occurredOn: today }, today);
    const asked = loadQuotePage(db, quote.id, { checkOffer: true }).offerCheck;
    expect(asked).not.toBeNull();
    expect(asked!.evaluation.effectiveRate).toBe(effectiveRate(96000, 600));

    q.addQuoteEvent(db, quote.id, { kind: "my_answer", answer: "held_firm", occurredOn: today }, today);
    expect(loadQuotePage(db, quote.id, { checkOffer: true }).offerCheck).toBeNull();
  });
});
