/**
 * Counter by tier on a real SQLite file: a quote with a three-option proposal, an offer at the
 * Essentials price → the offer check's counter names Essentials and its price; recording it logs
 * "cut scope to fit budget" at the option's price and scope — not a concession: the worth model's
 * price pressure and pay criteria read the same as for a client whose identical ask I held firm on.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeTransaction, type DB } from "@/db/connection";
import { saveProposalRows } from "@/db/proposals";
import { replayNegotiation } from "@/lib/negotiation";
import type { RecordOfferInput } from "@/lib/offer-check/schemas";
import { todayFor } from "@/server/clock";
import { checkOffer, recordOffer } from "@/server/offers";
import { scoreClient } from "@/server/scores";
import { createTestDb } from "./helpers";
import * as q from "./use-cases";

let db: DB;
let close: () => void;
let today: string;
let web: number; // hourly: floor $70, target $100, market $120

beforeAll(async () => {
  const t = await createTestDb();
  db = t.db;
  close = t.close;
  today = todayFor(db);
  web = q.createService(db, { name: "Web development", unit: "hour", currency: "USD", floorRate: 7000, targetRate: 10000, marketRate: 12000 }).id;
});
afterAll(() => close());

/** A sent 40 h quote at $4,000 for a new client, with Essentials $2,000 / Standard $3,000 / Complete $4,000. */
function quoteWithProposal(clientName: string) {
  const clientId = q.createClient(db, { name: clientName, leadSource: "referral", status: "active" }).id;
  const quote = q.createQuote(db, { clientId, serviceId: web, title: "Website", estimatedMinutes: 2400, quotedAmount: 400000, currency: "USD", status: "sent", sentOn: today }, today);
  const items = ["Home page", "About page", "CMS setup", "Blog"].map((name) => ({ name, minutes: 600 }));
  const option = (name: string, included: number[], price: number) => ({ name, summary: null, minutes: included.length * 600, price, priceSource: "rate_card" as const, rateCardPrice: price, items: included });
  writeTransaction(db, (t) =>
    saveProposalRows(
      t,
      { quoteId: quote.id, currency: "USD", unit: "hour", floorRate: 7000, targetRate: 10000, marketRate: 12000, rush: false, rushMultiplierPct: 150, hoursPerDay: 8, minimumFee: 0, belowFloorConfirmed: false, intro: null, terms: null, expiresOn: "2999-12-31" },
      items,
      [option("Essentials", [0, 1], 200000), option("Standard", [0, 1, 2], 300000), option("Complete", [0, 1, 2, 3], 400000)],
    ),
  );
  return { clientId, quoteId: quote.id };
}

const offer = (clientId: number, quoteId: number, patch: Partial<RecordOfferInput> = {}): RecordOfferInput => ({
  clientId,
  quoteId,
  serviceId: web,
  scopeAmount: 40,
  scopeUnit: "hours",
  offeredAmount: 200000,
  currency: "USD",
  leadSource: "other",
  rush: false,
  reason: "price",
  decision: "countered",
  ...patch,
});

describe("counter by tier", () => {
  test("an offer at the Essentials price: the counter names Essentials and its price, in the answer and the message", () => {
    const { clientId, quoteId } = quoteWithProposal("Tier Check Co");
    const r = checkOffer(db, offer(clientId, quoteId), today);
    expect(r.evaluation.answer).toBe("counter");
    expect(r.evaluation.headline).toContain("Essentials");
    expect(r.evaluation.counter.counterPrice).toBe(200000);
    expect(r.evaluation.counter.text).toContain("within their budget of $2,000.00, the Essentials option at $2,000.00: Home page and About page, without CMS setup and Blog");
    expect(r.evaluation.tiers?.options.map((o) => [o.name, o.price])).toEqual([
      ["Essentials", 200000],
      ["Standard", 300000],
      ["Complete", 400000],
    ]);
    expect(r.messages.counter[0]).toMatchObject({ name: "The option their budget buys", isDefault: true });
    expect(r.messages.counter[0].text).toContain("the Essentials option at $2,000.00");
    // the same offer on a quote without a proposal: the rule as before (below the floor for 40 h)
    const plainClient = q.createClient(db, { name: "Single Price Co", leadSource: "referral", status: "active" }).id;
    const plain = q.createQuote(db, { clientId: plainClient, serviceId: web, title: "Website", estimatedMinutes: 2400, quotedAmount: 400000, currency: "USD", status: "sent", sentOn: today }, today);
    const before = checkOffer(db, offer(plainClient, plain.id), today);
    expect(before.evaluation.answer).toBe("walk_away");
    expect(before.evaluation.tiers).toBeNull();
  });

  test("recorded as cut scope to fit budget at the option's price and scope, once; not a concession", () => {
    const tier = quoteWithProposal("Tier Record Co");
    const recorded = recordOffer(db, offer(tier.clientId, tier.quoteId), today);
    expect(recorded.alreadyRecorded).toBe(false);
    const events = recorded.quote.events.map((e) => [e.kind, e.answer, e.amount, e.scopeMinutes]);
    expect(events).toEqual([
      ["client_counter", null, 200000, null],
      ["my_answer", "cut_scope", 200000, 1200],
    ]);
    expect(recorded.quote.events[1].note).toBe("Counter by tier: the Essentials option (Home page, About page)");
    const neg = replayNegotiation(recorded.quote);
    expect([neg.currentPrice, neg.currentMinutes, neg.concededBp, neg.conceded, neg.cutScope]).toEqual([200000, 1200, 0, false, true]);
    // the same click again writes nothing
    expect(recordOffer(db, offer(tier.clientId, tier.quoteId), today).alreadyRecorded).toBe(true);
    expect(q.getQuote(db, tier.quoteId).events).toHaveLength(2);

    // the same quote and ask, on which I held firm
    const held = quoteWithProposal("Held Firm Co");
    q.addQuoteEvent(db, held.quoteId, { kind: "client_counter", amount: 200000, occurredOn: today }, today);
    q.addQuoteEvent(db, held.quoteId, { kind: "my_answer", answer: "held_firm", occurredOn: today }, today);
    const criteria = (clientId: number) =>
      Object.fromEntries(
        scoreClient(db, clientId)
          .assessment.criteria.filter((c) => c.key === "pricePressure" || c.key === "pay")
          .map((c) => [c.key, c.score]),
      );
    expect(criteria(tier.clientId).pricePressure).toEqual(expect.any(Number));
    expect(criteria(tier.clientId)).toEqual(criteria(held.clientId));
    // …whereas a my_counter at $2,000 for the full 40 h would be a 50% concession
    expect(replayNegotiation({ ...recorded.quote, events: [recorded.quote.events[0], { ...recorded.quote.events[0], id: 0, kind: "my_counter", answer: null }] }).concededBp).toBe(5000);
  });

  test("their budget buys the option they were quoted: accept; below every option: the smallest option's price", () => {
    const { clientId, quoteId } = quoteWithProposal("Tier Edge Co");
    // quoted 30 h (Standard's scope), they offer Standard's price
    const yes = checkOffer(db, offer(clientId, quoteId, { scopeAmount: 30, offeredAmount: 300000 }), today);
    expect(yes.evaluation.answer).toBe("accept");
    const none = checkOffer(db, offer(clientId, quoteId, { offeredAmount: 150000 }), today);
    expect(none.evaluation.counter.text).toContain("The smallest option, Essentials, is $2,000.00");
    expect(none.evaluation.counter.counterPrice).toBe(200000);
    // recording that counter: cut scope to Essentials at $2,000, above their offer
    const rec = recordOffer(db, offer(clientId, quoteId, { offeredAmount: 150000 }), today);
    expect(rec.quote.events.map((e) => [e.kind, e.answer, e.amount, e.scopeMinutes])).toEqual([
      ["client_counter", null, 150000, null],
      ["my_answer", "cut_scope", 200000, 1200],
    ]);
    // a counter typed below their offer that is no option is still refused
    expect(() => recordOffer(db, offer(clientId, quoteId, { offeredAmount: 250000, counterAmount: 240000 }), today)).toThrow(/above their offer/);
  });
});
