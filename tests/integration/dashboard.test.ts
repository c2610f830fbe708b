/**
 * Every dashboard aggregate against numbers worked out by hand on a small fixed book.
 * The book (today = 2025-06-30; "last 90 days" = 2025-04-02 … 2025-06-30, previous 2025-01-02 … 2025-04-01):
 *
 *   services  Web (hour, USD: market 120, target 100, floor 70), Brand (day, USD: 900 / 800 / 600),
 *             Euro work (hour, EUR: 100 / 90 / 60)
 *   Acme (referral)  Q1 Web 10 h $1,000, asked 20%, held firm, accepted 05-05
 *                    Q6 Brand 8 h $800, asked 30%, held firm, declined by me 06-18 (price)
 *                    Q8 Euro 10 h €900, accepted 05-22 at €800 (no events)
 *                    follow-up answered 05-15; referral 06-01
 *   Bolt (platform)  Q2 Web 20 h $2,000, asked 25%, conceded, accepted 05-15 ($1,500)
 *                    Q3 Web 10 h $1,000, countered at $300, met halfway ($650), accepted 06-05
 *                    Q7 Web 10 h $1,000, sent 06-20, asked 15%, no answer (negotiating)
 *                    unpaid asks 120 min (05-20, on Q2) and 30 min (06-05); a paid rush 60 min (06-06);
 *                    an unpaid ask 60 min on 03-20 (previous period); follow-ups unanswered 06-10, 06-20;
 *                    paid 20 days late 06-15
 *   Cobalt (inbound) Q4 Brand 16 h $1,600, asked 10%, cut scope to 12 h at $1,440, accepted 04-15
 *                    Q5 Web 5 h $500 rejected 06-12 (wrong timing); Q11 Web 4 h $400 rejected 05-28 (no reason)
 *                    Q12 no service 5 h $500 accepted 06-25
 *                    unpaid ask 45 min 04-05; follow-ups answered 04-20, unanswered 06-25, not logged 06-26
 *   Dune (referral)  Q9 Web 10 h $1,000 accepted 03-05 at $900 (previous period);
 *                    unpaid ask 90 min 03-10, follow-up unanswered 03-12
 *   Echo (cold)      Q13 Web 10 h $1,000 sent 06-08, asked 20%, I countered at $900 (open); Q14 a draft
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_BOOK } from "@/server/demo";
import * as q from "./use-cases";
import { interactions } from "@/db/schema";
import { scoreAllClients } from "@/server/scores";
import { dashboardFiltersSchema, type DashboardFilters } from "@/lib/dashboard";
import { AppError } from "@/lib/errors";
import type { CreateQuoteEvent, QuoteOutcome } from "@/lib/schemas";
import { todayFor } from "@/server/clock";
import { getDashboard, type DashboardView as Dashboard } from "@/server/dashboard";
import { createTestDb } from "./helpers";

const TODAY = "2025-06-30";
let ctx: Awaited<ReturnType<typeof createTestDb>>;
const ids: Record<string, number> = {};

function quote(
  clientId: number,
  serviceId: number | null,
  hours: number,
  amount: number,
  currency: string,
  sentOn: string | null,
  events: (CreateQuoteEvent & { occurredOn: string })[] = [],
  outcome?: QuoteOutcome,
  fxRate?: string,
): number {
  const created = q.createQuote(ctx.db, {
    clientId,
    serviceId,
    title: `Q ${hours}h`,
    estimatedMinutes: Math.round(hours * 60),
    quotedAmount: amount,
    currency,
    status: sentOn ? "sent" : "draft",
    sentOn,
    fxRate,
  });
  for (const e of events) q.addQuoteEvent(ctx.db, created.id, e);
  if (outcome) q.setQuoteOutcome(ctx.db, created.id, outcome);
  return created.id;
}

beforeAll(async () => {
  ctx = await createTestDb();
  const db = ctx.db;
  const web = q.createService(db, { name: "Web", unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 7000 });
  const brand = q.createService(db, { name: "Brand", unit: "day", currency: "USD", marketRate: 90000, targetRate: 80000, floorRate: 60000 });
  const euro = q.createService(db, { name: "Euro work", unit: "hour", currency: "EUR", marketRate: 10000, targetRate: 9000, floorRate: 6000 });
  Object.assign(ids, { web: web.id, brand: brand.id, euro: euro.id });
  const acme = q.createClient(db, { name: "Acme", leadSource: "referral", status: "active" });
  const bolt = q.createClient(db, { name: "Bolt", leadSource: "platform", status: "active" });
  const cobalt = q.createClient(db, { name: "Cobalt", leadSource: "inbound", status: "active" });
  const dune = q.createClient(db, { name: "Dune", leadSource: "referral", status: "active" });
  const echo = q.createClient(db, { name: "Echo", leadSource: "cold_outreach", status: "prospect" });
  Object.assign(ids, { acme: acme.id, bolt: bolt.id, cobalt: cobalt.id, dune: dune.id, echo: echo.id });

  ids.q1 = quote(acme.id, web.id, 10, 100000, "USD", "2025-05-01", [
    { kind: "discount_request", percentBp: 2000, occurredOn: "2025-05-02" },
    { kind: "my_answer", answer: "held_firm", occurredOn: "2025-05-03" },
  ], { status: "accepted", decidedOn: "2025-05-05" });
  ids.q6 = quote(acme.id, brand.id, 8, 80000, "USD", "2025-06-15", [
    { kind: "discount_request", percentBp: 3000, occurredOn: "2025-06-16" },
    { kind: "my_answer", answer: "held_firm", occurredOn: "2025-06-17" },
  ], { status: "declined_by_me", decidedOn: "2025-06-18", rejectionReason: "price" });
  // in euros, counted in the book's dollars at its own rate: 1 EUR = 1.08 USD
  ids.q8 = quote(acme.id, euro.id, 10, 90000, "EUR", "2025-05-20", [], { status: "accepted", agreedAmount: 80000, decidedOn: "2025-05-22" }, "1.08");

  ids.q2 = quote(bolt.id, web.id, 20, 200000, "USD", "2025-05-10", [
    { kind: "discount_request", percentBp: 2500, occurredOn: "2025-05-11" },
    { kind: "my_answer", answer: "conceded", occurredOn: "2025-05-12" },
  ], { status: "accepted", decidedOn: "2025-05-15" });
  ids.q3 = quote(bolt.id, web.id, 10, 100000, "USD", "2025-06-01", [
    { kind: "client_counter", amount: 30000, occurredOn: "2025-06-02" },
    { kind: "my_answer", answer: "met_halfway", occurredOn: "2025-06-03" },
  ], { status: "accepted", decidedOn: "2025-06-05" });
  ids.q7 = quote(bolt.id, web.id, 10, 100000, "USD", "2025-06-20", [{ kind: "discount_request", percentBp: 1500, occurredOn: "2025-06-21" }]);

  ids.q4 = quote(cobalt.id, brand.id, 16, 160000, "USD", "2025-04-10", [
    { kind: "discount_request", percentBp: 1000, occurredOn: "2025-04-11" },
    { kind: "my_answer", answer: "cut_scope", scopeMinutes: 720, occurredOn: "2025-04-12" },
  ], { status: "accepted", decidedOn: "2025-04-15" });
  ids.q5 = quote(cobalt.id, web.id, 5, 50000, "USD", "2025-06-10", [], { status: "rejected", decidedOn: "2025-06-12", rejectionReason: "wrong_timing" });
  ids.q11 = quote(cobalt.id, web.id, 4, 40000, "USD", "2025-05-25", [], { status: "rejected", decidedOn: "2025-05-28" });
  ids.q12 = quote(cobalt.id, null, 5, 50000, "USD", "2025-06-22", [], { status: "accepted", decidedOn: "2025-06-25" });

  ids.q9 = quote(dune.id, web.id, 10, 100000, "USD", "2025-03-01", [], { status: "accepted", agreedAmount: 90000, decidedOn: "2025-03-05" });
  ids.q13 = quote(echo.id, web.id, 10, 100000, "USD", "2025-06-08", [
    { kind: "discount_request", percentBp: 2000, occurredOn: "2025-06-09" },
    { kind: "my_counter", amount: 90000, occurredOn: "2025-06-10" },
  ]);
  ids.q14 = quote(echo.id, web.id, 3, 30000, "USD", null);

  q.addInteraction(db, acme.id, { kind: "follow_up", answered: true, occurredOn: "2025-05-15" });
  q.addInteraction(db, acme.id, { kind: "give", subtype: "referral", occurredOn: "2025-06-01" });
  q.addInteraction(db, bolt.id, { kind: "ask", subtype: "scope_creep", minutes: 120, paid: false, quoteId: ids.q2, occurredOn: "2025-05-20" });
  q.addInteraction(db, bolt.id, { kind: "ask", subtype: "quick_question", minutes: 30, paid: false, occurredOn: "2025-06-05" });
  q.addInteraction(db, bolt.id, { kind: "ask", subtype: "rush_demand", minutes: 60, paid: true, occurredOn: "2025-06-06" });
  q.addInteraction(db, bolt.id, { kind: "ask", subtype: "unpaid_favour", minutes: 60, paid: false, occurredOn: "2025-03-20" });
  q.addInteraction(db, bolt.id, { kind: "follow_up", answered: false, occurredOn: "2025-06-10" });
  q.addInteraction(db, bolt.id, { kind: "follow_up", answered: false, occurredOn: "2025-06-20" });
  q.addInteraction(db, bolt.id, { kind: "payment", daysLate: 20, occurredOn: "2025-06-15" });
  q.addInteraction(db, cobalt.id, { kind: "ask", subtype: "free_consult", minutes: 45, paid: false, occurredOn: "2025-04-05" });
  q.addInteraction(db, cobalt.id, { kind: "follow_up", answered: true, occurredOn: "2025-04-20" });
  q.addInteraction(db, cobalt.id, { kind: "follow_up", answered: false, occurredOn: "2025-06-25" });
  // a follow-up whose answer is not logged yet (the form always asks; imports and the API may not)
  db.insert(interactions).values({ clientId: cobalt.id, kind: "follow_up", answered: null, initiatedBy: "me", occurredOn: "2025-06-26" }).run();
  q.addInteraction(db, dune.id, { kind: "ask", subtype: "unpaid_favour", minutes: 90, paid: false, occurredOn: "2025-03-10" });
  q.addInteraction(db, dune.id, { kind: "follow_up", answered: false, occurredOn: "2025-03-12" });
});
afterAll(() => ctx.close());

const filters = (raw: Record<string, string> = {}): DashboardFilters => dashboardFiltersSchema.parse(raw);
const dash = (raw: Record<string, string> = {}, today = TODAY): Dashboard => getDashboard(ctx.db, filters(raw), today);

describe("last 90 days, no other filter", () => {
  let d: Dashboard;
  beforeAll(() => {
    d = dash({ range: "90d" });
  });

  test("period and what it selects", () => {
    expect(d.period).toMatchObject({ from: "2025-04-02", to: "2025-06-30", days: 90, previous: { from: "2025-01-02", to: "2025-04-01" } });
    // Dune has nothing in the period; Echo's draft counts by the day it was created (not in 2025-Q2)
    expect(d.counts).toEqual({ clients: 4, quotes: 11, acceptedQuotes: 6, interactions: 12, services: 3 });
  });

  test("headline settling: money left, below target / floor by hours, concession", () => {
    expect(d.headline.settling).toEqual({
      acceptedQuotes: 6, // Q1 Q2 Q3 Q4 Q8 Q12
      ratedQuotes: 5, // Q12 has no service
      acceptedMinutes: 4020, // 600 + 1200 + 600 + 720 (scope cut to 12 h) + 600 + 300
      ratedMinutes: 3720,
      belowTargetQuotes: 3, // Q2 $75/h, Q3 $65/h, Q8 €80/h
      belowFloorQuotes: 1, // Q3 under $70/h
      belowTargetMinutes: 2400,
      belowFloorMinutes: 600,
      belowTargetShareBp: 6452, // 2400 / 3720
      belowFloorShareBp: 1613, // 600 / 3720
      // Q2 $2,000 − $1,500 + Q3 $1,000 − $650 + Q8 in dollars at 1.08: 10 h × (€90 × 1.08 = $97.20) − (€800 × 1.08 = $864) = $108
      moneyLeft: 95800,
      revenue: 595400, // 1000 + 1500 + 650 + 1440 + 500 + Q8's $864
      otherCurrencyQuotes: 0,
      concededQuotes: 3, // Q2 25%, Q3 35%, Q8 11.11%
      averageConcessionBp: 1185, // (2500 + 3500 + 1111) / 6
    });
  });

  test("unpaid hours: unpaid asks in the period only (the paid rush and March asks are out)", () => {
    expect(d.headline.unpaid).toEqual({ asks: 3, minutes: 195 });
  });

  test("trend against the previous 90 days", () => {
    expect(d.headline.previous).toMatchObject({ from: "2025-01-02", to: "2025-04-01", unpaid: { asks: 2, minutes: 150 } });
    expect(d.headline.previous!.settling).toMatchObject({ acceptedQuotes: 1, moneyLeft: 10000, belowTargetShareBp: 10000 });
    expect(d.headline.moneyLeftChange).toBe(85800); // $958 − $100
    expect(d.headline.moneyLeftChangeBp).toBe(85800); // +858% of $100
  });

  test("fit by client, worst first, from the worth model on the period's history", () => {
    // the worth model's verdicts (docs/worth-model.md): Bolt has two criteria in the walk-away band,
    // which make "walk away" on their own; Echo's single open quote with a 20% ask is an early read
    // that moves its score a little, not a verdict flipped by one event
    expect(d.fit.map((r) => [r.name, r.score, r.verdict])).toEqual([
      ["Bolt", 44, "walk_away"],
      ["Echo", 70, "keep"],
      ["Cobalt", 79, "keep"],
      ["Acme", 80, "keep"],
    ]);
    expect(d.headline.verdicts).toEqual({ keep: 3, set_boundaries: 0, walk_away: 1, not_enough_data: 0 });
  });

  test("keep or let go: revenue, hours and the painful corner", () => {
    expect(d.keepOrLetGo.revenueMedian).toBe(190200); // median of 0, 186400, 194000, 215000
    expect(d.keepOrLetGo.points.map((p) => [p.name, p.score, p.revenue, p.paidMinutes, p.unpaidMinutes, p.minutes, p.quadrant])).toEqual([
      ["Bolt", 44, 215000, 1800, 150, 1950, "painful"],
      ["Cobalt", 79, 194000, 1020, 45, 1065, "keep"],
      ["Acme", 80, 186400, 1200, 0, 1200, "grow"], // Q1 $1,000 + Q8 €800 at 1.08
      ["Echo", 70, 0, 0, 0, 0, "grow"],
    ]);
  });

  test("settling over time: three services, so percent of each quote's own target, weighted by hours", () => {
    const t = d.overTime;
    expect(t).toMatchObject({ mode: "percent", unit: null, rateCurrency: null });
    expect(t.months).toEqual([
      // Q4: $96,000/day against a target of $80,000
      { month: "2025-04", acceptedQuotes: 1, ratedMinutes: 720, moneyLeft: 0, effective: 12000, target: 10000, floor: 7043, market: 11711 },
      // (600·100% + 1200·75% + 600·88.89%) / 2400
      // money left: Q2 $500 + Q8 $108 (in dollars at its rate)
      { month: "2025-05", acceptedQuotes: 3, ratedMinutes: 2400, moneyLeft: 60800, effective: 8472, target: 10000, floor: 7043, market: 11711 },
      // Q3 at 65%; Q12 has no service
      { month: "2025-06", acceptedQuotes: 2, ratedMinutes: 600, moneyLeft: 35000, effective: 6500, target: 10000, floor: 7043, market: 11711 },
    ]);
  });

  test("where settling happens: by service, lead source and client", () => {
    const pick = (g: Dashboard["where"]["byService"]) => g.map((x) => [x.label, x.acceptedQuotes, x.moneyLeft, x.belowTargetShareBp, x.belowFloorShareBp]);
    expect(pick(d.where.byService)).toEqual([
      ["Web", 3, 85000, 7500, 2500],
      ["Euro work", 1, 10800, 10000, 0],
      ["Brand", 1, 0, 0, 0],
      ["No service", 1, 0, null, null],
    ]);
    expect(pick(d.where.byLeadSource)).toEqual([
      ["Platform", 2, 85000, 10000, 3333],
      ["Referral", 2, 10800, 5000, 0],
      ["Inbound", 2, 0, 0, 0],
    ]);
    expect(d.where.byClient.map((x) => [x.label, x.clientId, x.moneyLeft, x.belowTargetShareBp])).toEqual([
      ["Bolt", ids.bolt, 85000, 10000],
      ["Acme", ids.acme, 10800, 5000],
      ["Cobalt", ids.cobalt, 0, 0],
    ]);
    expect(d.where.byService[0]).toMatchObject({ concededQuotes: 2, averageConcessionBp: 2000, revenue: 315000 });
  });

  test("negotiation: how often asked, how I answered, and what holding firm won", () => {
    const n = d.negotiation;
    expect([n.pricedQuotes, n.haggledQuotes, n.asks, n.askShareBp]).toEqual([11, 7, 7, 6364]);
    expect(n.responses.map((r) => [r.response, r.quotes, r.decided, r.accepted, r.open, r.acceptRateBp])).toEqual([
      ["held_firm", 2, 2, 1, 0, 5000], // Q1 accepted, Q6 declined
      ["conceded", 2, 2, 2, 0, 10000], // Q2 conceded, Q3 met halfway
      ["cut_scope", 1, 1, 1, 0, 10000],
      ["countered", 1, 0, 0, 1, null], // Q13
      ["no_answer", 1, 0, 0, 1, null], // Q7
    ]);
    expect(n.notAsked).toMatchObject({ quotes: 4, decided: 4, accepted: 2, acceptRateBp: 5000 });
    // added: each share with its cases; 2 decided after holding firm and 2 after conceding are too few to compare
    expect(n.responses.map((r) => [r.response, r.acceptRate])).toEqual([
      ["held_firm", { bp: 5000, part: 1, whole: 2, enough: false }],
      ["conceded", { bp: 10000, part: 2, whole: 2, enough: false }],
      ["cut_scope", { bp: 10000, part: 1, whole: 1, enough: false }],
      ["countered", { bp: null, part: 0, whole: 0, enough: false }],
      ["no_answer", { bp: null, part: 0, whole: 0, enough: false }],
    ]);
    expect(n.notAsked.acceptRate).toEqual({ bp: 5000, part: 2, whole: 4, enough: false });
    expect(n.askShare).toEqual({ bp: 6364, part: 7, whole: 11, enough: true });
    expect(n.heldFirmVsConceded).toEqual({ enough: false, minEach: 5 });
  });

  test("rejection reframe: by reason and by who said no", () => {
    expect(d.rejections.total).toBe(3);
    expect(d.rejections).toMatchObject({ rejected: 2, declinedByMe: 1 });
    expect(d.rejections.reasons.map((r) => [r.reason, r.rejected, r.declinedByMe])).toEqual([
      ["wrong_timing", 1, 0],
      ["wrong_fit", 0, 0],
      ["wrong_person", 0, 0],
      ["price", 0, 1],
      ["other", 0, 0],
      ["none", 1, 0],
    ]);
  });

  test("chasing: follow-ups sent vs answered, most chased first, with the stop-chasing signal", () => {
    const c = d.chasing;
    expect([c.sent, c.answered, c.unanswered, c.pending, c.answerRateBp]).toEqual([6, 2, 3, 1, 4000]);
    expect(c.byClient.map((r) => [r.name, r.sent, r.answered, r.unanswered, r.pending, r.answerRateBp, r.unansweredInARow, r.shouldStop])).toEqual([
      ["Cobalt", 3, 1, 1, 1, 5000, 1, false],
      ["Bolt", 2, 0, 2, 0, 0, 2, true],
      ["Acme", 1, 1, 0, 0, 10000, 0, false],
    ]);
    // added: the answer rate with its cases (unlogged answers left out): 2 of 5 overall, too few per client
    expect(c.answerRate).toEqual({ bp: 4000, part: 2, whole: 5, enough: true });
    expect(c.byClient.map((r) => [r.name, r.answerRate.part, r.answerRate.whole, r.answerRate.enough])).toEqual([
      ["Cobalt", 1, 2, false],
      ["Bolt", 0, 2, false],
      ["Acme", 1, 1, false],
    ]);
  });

  test("the SQL unpaid-minutes total equals the worth model's, client by client summed", () => {
    // lib/settling.ts counts unpaid minutes per client; the SQL aggregate must agree with it.
    const all = dash({ range: "all" });
    const byModel = scoreAllClients(ctx.db).reduce((s, r) => s + r.assessment.settling.unpaidMinutes, 0);
    expect(all.headline.unpaid.minutes).toBe(byModel);
    expect(all.headline.unpaid.minutes).toBe(195 + 150);
  });
});

describe("other periods", () => {
  test("last 30 days: money left fell against May", () => {
    const d = dash({ range: "30d" });
    expect(d.period).toMatchObject({ from: "2025-06-01", previous: { from: "2025-05-02", to: "2025-05-31" } });
    expect(d.headline.settling.moneyLeft).toBe(35000); // Q3
    expect(d.headline.previous!.settling.moneyLeft).toBe(60800); // Q1 + Q2 + Q8 ($108 at its rate)
    expect(d.headline.moneyLeftChange).toBe(-25800);
    expect(d.headline.moneyLeftChangeBp).toBe(-4243); // −25800 / 60800 = −42.43%
  });

  test("custom May: the previous period has nothing left on the table, so no relative change", () => {
    const d = dash({ from: "2025-05-01", to: "2025-05-31" });
    expect(d.period).toMatchObject({ range: "custom", days: 31, previous: { from: "2025-03-31", to: "2025-04-30" } });
    expect(d.headline.settling).toMatchObject({ acceptedQuotes: 3, moneyLeft: 60800 });
    expect(d.headline.unpaid).toEqual({ asks: 1, minutes: 120 });
    expect(d.headline.previous).toMatchObject({ settling: { acceptedQuotes: 1, moneyLeft: 0 }, unpaid: { asks: 1, minutes: 45 } });
    expect([d.headline.moneyLeftChange, d.headline.moneyLeftChangeBp]).toEqual([60800, null]);
    expect(d.overTime.months.map((m) => m.month)).toEqual(["2025-05"]);
  });

  test("all time: Dune and the previous-period work come in; no trend; the draft is in scope but not priced", () => {
    const d = dash({ range: "all" });
    expect(d.period).toMatchObject({ from: null, to: null, previous: null });
    expect(d.headline.previous).toBeNull();
    expect(d.headline.moneyLeftChange).toBeNull();
    expect(d.counts).toMatchObject({ clients: 5, quotes: 13, acceptedQuotes: 7 });
    expect(d.headline.settling.moneyLeft).toBe(105800); // 95800 + Q9's $100
    expect(d.negotiation.pricedQuotes).toBe(12);
    expect(d.chasing.byClient.find((r) => r.name === "Dune")).toMatchObject({ sent: 1, unanswered: 1 });
    // months with work only (the period is unbounded): March to June
    expect(d.overTime.months.map((m) => m.month)).toEqual(["2025-03", "2025-04", "2025-05", "2025-06"]);
  });

  test("all time with no filter: the same scores as the client pages (scoreAllClients)", () => {
    // the client pages score as of today in the book's time zone: so does this view
    const d = dash({ range: "all" }, todayFor(ctx.db));
    const expected = new Map(scoreAllClients(ctx.db).map((r) => [r.client.id, [r.assessment.score, r.assessment.verdict]]));
    for (const row of d.fit) expect([row.score, row.verdict]).toEqual(expected.get(row.clientId));
    expect(d.fit).toHaveLength(expected.size);
  });

  test("a period with nothing in it gives zeros and empty lists, not errors", () => {
    const d = dash({ from: "2020-01-01", to: "2020-01-31" });
    expect(d.counts).toEqual({ clients: 0, quotes: 0, acceptedQuotes: 0, interactions: 0, services: 3 });
    expect(d.fit).toEqual([]);
    expect(d.headline.settling).toMatchObject({ moneyLeft: 0, belowTargetShareBp: null, averageConcessionBp: null });
    expect(d.overTime.months).toEqual([]);
    expect(d.negotiation).toMatchObject({ pricedQuotes: 0, askShareBp: null });
    expect(d.rejections.total).toBe(0);
    expect(d.chasing.byClient).toEqual([]);
  });
});

describe("service and lead-source filters", () => {
  test("one service: quotes of that service; interactions only when logged against one of its quotes; rates in money", () => {
    const d = dash({ range: "90d", serviceId: String(ids.web) });
    expect(d.serviceName).toBe("Web");
    expect(d.counts).toMatchObject({ quotes: 7, acceptedQuotes: 3, interactions: 1 }); // Q1 Q2 Q3 Q5 Q7 Q11 Q13; the ask on Q2
    expect(d.headline.settling).toMatchObject({ moneyLeft: 85000, belowTargetShareBp: 7500, belowFloorShareBp: 2500 });
    expect(d.headline.unpaid).toEqual({ asks: 1, minutes: 120 });
    expect(d.chasing.sent).toBe(0);
    expect(d.overTime).toMatchObject({ mode: "rate", unit: "hour", rateCurrency: "USD" });
    expect(d.overTime.months.map((m) => [m.month, m.effective, m.target, m.floor, m.market])).toEqual([
      ["2025-04", null, 10000, 7000, 12000],
      ["2025-05", 8333, 10000, 7000, 12000], // ($1,000 + $1,500) / 30 h
      ["2025-06", 6500, 10000, 7000, 12000],
    ]);
    expect(d.where.byService.map((g) => g.label)).toEqual(["Web"]);
  });

  test("one lead source: only those clients, everywhere", () => {
    const d = dash({ range: "90d", leadSource: "platform" });
    expect(d.fit.map((r) => r.name)).toEqual(["Bolt"]);
    expect(d.headline.settling).toMatchObject({ acceptedQuotes: 2, moneyLeft: 85000 });
    expect(d.headline.unpaid).toEqual({ asks: 2, minutes: 150 });
    expect(d.negotiation).toMatchObject({ pricedQuotes: 3, haggledQuotes: 3 });
    expect(d.chasing.byClient.map((r) => r.name)).toEqual(["Bolt"]);
    expect(d.rejections.total).toBe(0);
    expect(d.headline.previous).toMatchObject({ unpaid: { asks: 1, minutes: 60 }, settling: { acceptedQuotes: 0 } });
  });

  test("an unknown service is an input error naming the field", () => {
    expect(() => dash({ serviceId: "9999" })).toThrow(AppError);
    expect(() => dash({ serviceId: "9999" })).toThrow("Unknown service");
    try {
      dash({ serviceId: "9999" });
      expect.unreachable("an unknown service must throw");
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("invalid_input");
      expect((e as AppError).fields).toHaveProperty("serviceId");
    }
  });

  test("a logged event shows at once (no cache): a new unpaid ask raises the unpaid hours", () => {
    const before = dash({ range: "90d" }).headline.unpaid;
    const added = q.addInteraction(ctx.db, ids.echo, { kind: "ask", subtype: "quick_question", minutes: 20, paid: false, occurredOn: "2025-06-29" });
    try {
      expect(dash({ range: "90d" }).headline.unpaid).toEqual({ asks: before.asks + 1, minutes: before.minutes + 20 });
    } finally {
      q.deleteInteraction(ctx.db, ids.echo, added.id);
    }
  });
});

describe("GET /api/v1/dashboard and POST /api/v1/demo", () => {
  const call = async (query: string) => {
    const { GET } = await import("@/app/api/v1/dashboard/route");
    return GET(new Request(`http://x/api/v1/dashboard${query}`), { params: Promise.resolve({}) });
  };
  beforeAll(() => {
    // the route handlers open the shared connection from WALKAWAY_DB: point it at this test's book
    process.env.WALKAWAY_DB = ctx.file;
  });

  test("returns the same figures as getDashboard for the same filters", async () => {
    const res = await call(`?range=all&serviceId=${ids.web}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    // "all" does not depend on today except for the echoed date itself
    const expected = JSON.parse(JSON.stringify(getDashboard(ctx.db, filters({ range: "all", serviceId: String(ids.web) }), body.today)));
    expect(body).toEqual(expected);
    expect(body.headline.settling.moneyLeft).toBe(95000);
  });

  test("bad filter values: 400 with an error per field", async () => {
    const res = await call("?range=7d&from=2025-02-30&serviceId=abc&leadSource=billboard");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.error.fields).sort()).toEqual(["from", "leadSource", "range", "serviceId"]);
  });

  test("an end before the start, or an unknown service: 400 naming the field", async () => {
    const backwards = await call("?from=2025-05-01&to=2025-04-01");
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).error.fields).toHaveProperty("to");
    const unknown = await call("?serviceId=9999");
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.fields).toHaveProperty("serviceId");
  });

  test("the demo loader: 201 with counts, then 409 (it would duplicate every client)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-demo-route-"));
    process.env.WALKAWAY_DB = path.join(dir, "demo.db");
    try {
      const { POST } = await import("@/app/api/v1/demo/route");
      const first = await POST(new Request("http://x/api/v1/demo", { method: "POST" }), { params: Promise.resolve({}) });
      expect(first.status).toBe(201);
      // the counts of what db/demo.ts describes, so a change to the demo book does not break this test
      const quotes = DEMO_BOOK.flatMap((c) => c.quotes);
      expect(await first.json()).toEqual({
        clients: DEMO_BOOK.length,
        quotes: quotes.length,
        events: quotes.reduce((s, x) => s + (x.events?.length ?? 0), 0),
        interactions: DEMO_BOOK.reduce((s, c) => s + (c.interactions?.length ?? 0), 0),
        timeEntries: quotes.reduce((s, x) => s + (x.time?.length ?? 0), 0),
      });
      const again = await POST(new Request("http://x/api/v1/demo", { method: "POST" }), { params: Promise.resolve({}) });
      expect(again.status).toBe(409);
    } finally {
      process.env.WALKAWAY_DB = ctx.file;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
