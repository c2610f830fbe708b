import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DEFAULT_SETTINGS, type Service, type Settings } from "@/lib/domain";
import {
  DEFAULT_COUNTER_TEMPLATE,
  DEFAULT_DECLINE_TEMPLATE,
  answerRank,
  evaluateOffer,
  fillTemplate,
  offerTemplateVars,
  type OfferAnswer,
  type OfferInput,
  type OfferVerdict,
} from "@/lib/offer-check";

// Rate card used throughout (and in docs/offer-check.md): floor $50/h, target $80/h, market $100/h.
const DESIGN: Service = { id: 1, name: "Brand design", unit: "hour", currency: "USD", floorRate: 5000, targetRate: 8000, marketRate: 10000 };
const WORKSHOP: Service = { id: 2, name: "Workshop", unit: "day", currency: "USD", floorRate: 40000, targetRate: 64000, marketRate: 80000 };

const KEEP_CLIENT: OfferInput["client"] = {
  isNew: false,
  name: "Acme",
  fitScore: 82,
  verdict: "keep",
  haggledQuotes: 0,
  quotesWithDecision: 3,
  avgDaysLate: 2,
  unpaidAskMinutes: 0,
  unansweredFollowUpsInARow: 0,
};
const NEW_PROSPECT: OfferInput["client"] = {
  isNew: true,
  name: "Newco",
  fitScore: null,
  verdict: "not_enough_data",
  haggledQuotes: 0,
  quotesWithDecision: 0,
  avgDaysLate: null,
  unpaidAskMinutes: 0,
  unansweredFollowUpsInARow: 0,
};
// 60 h of 120 h booked: neither full nor "room to spare".
const HALF_BOOKED: OfferInput["capacity"] = { weeklyCapacityHours: 30, committedMinutesNext4Weeks: 3600, openPipelineCount: 3, openPipelineValue: 450000 };

type Overrides = Partial<Omit<OfferInput, "client" | "capacity" | "settings">> & {
  client?: Partial<OfferInput["client"]>;
  capacity?: Partial<OfferInput["capacity"]>;
  settings?: Partial<Settings>;
};
function offer(o: Overrides = {}): OfferInput {
  return {
    offeredAmount: 60000,
    currency: "USD",
    minutes: 600,
    rush: false,
    service: DESIGN,
    ...o,
    client: { ...KEEP_CLIENT, ...o.client },
    capacity: { ...HALF_BOOKED, ...o.capacity },
    settings: { ...DEFAULT_SETTINGS, ...o.settings },
  };
}

describe("evaluateOffer: edges", () => {
  test.each<{ name: string; input: OfferInput; answer: OfferAnswer; rate: number | null; rates: { floor: number; target: number; market: number } | null; headline: RegExp; reason?: RegExp }>([
    {
      name: "exactly at floor → counter, not walk away",
      input: offer({ offeredAmount: 50000 }),
      answer: "counter",
      rate: 5000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Counter: this pays below your target\.$/,
      reason: /\$500\.00 for 10 h is \$50\.00\/h: at or above your floor of \$50\.00\/h but below your target of \$80\.00\/h, \$300\.00 short/,
    },
    {
      name: "exactly at target, good client → accept",
      input: offer({ offeredAmount: 80000 }),
      answer: "accept",
      rate: 8000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Accept: this pays at or above your target\.$/,
      reason: /is \$80\.00\/h, at or above your target of \$80\.00\/h \(market \$100\.00\/h\)/,
    },
    {
      name: "one cent an hour below floor → walk away",
      input: offer({ offeredAmount: 49990 }),
      answer: "walk_away",
      rate: 4999,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Walk away: this pays below your floor\.$/,
      reason: /is \$49\.99\/h, below your floor of \$50\.00\/h/,
    },
    {
      name: "one cent an hour below target → counter",
      input: offer({ offeredAmount: 79990 }),
      answer: "counter",
      rate: 7999,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Counter: this pays below your target\.$/,
    },
    {
      name: "no rate card → counter, prices unknown",
      input: offer({ service: null }),
      answer: "counter",
      rate: 6000,
      rates: null,
      headline: /^Counter: there is no rate card/,
      reason: /^Add this service to your rate card .* \$600\.00 for 10 h is \$60\.00\/h\.$/,
    },
    {
      name: "no rate card from a walk-away client → walk away",
      input: offer({ service: null, client: { verdict: "walk_away", fitScore: 20 } }),
      answer: "walk_away",
      rate: 6000,
      rates: null,
      headline: /^Walk away: this is not a client you would choose/,
      reason: /Fit score 20\/100, verdict: walk away/,
    },
    {
      name: "new prospect with no history at target → accept",
      input: offer({ offeredAmount: 80000, client: NEW_PROSPECT }),
      answer: "accept",
      rate: 8000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Accept/,
      reason: /^New prospect: no history with Newco yet/,
    },
    {
      name: "not enough data (not new) at target → accept, like a new prospect",
      input: offer({ offeredAmount: 80000, client: { verdict: "not_enough_data", fitScore: null, quotesWithDecision: 1 } }),
      answer: "accept",
      rate: 8000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Accept/,
      reason: /Not enough history to score Acme yet \(1 decided quote\)/,
    },
    {
      name: "new prospect below floor → walk away",
      input: offer({ offeredAmount: 30000, client: NEW_PROSPECT }),
      answer: "walk_away",
      rate: 3000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Walk away: this pays below your floor\.$/,
    },
    {
      name: "capacity full, between floor and target → walk away",
      input: offer({ offeredAmount: 70000, capacity: { committedMinutesNext4Weeks: 7200 } }),
      answer: "walk_away",
      rate: 7000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Walk away: you are fully booked, and this pays below your target\.$/,
      reason: /^You are fully booked: 100% booked over the next 4 weeks \(120 h of 120 h\)\. No room for work below your target\.$/,
    },
    {
      name: "capacity full, at target → accept",
      input: offer({ offeredAmount: 80000, capacity: { committedMinutesNext4Weeks: 9000 } }),
      answer: "accept",
      rate: 8000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Accept/,
      reason: /You are fully booked: 125% booked .*This fits only because it pays your target/,
    },
    {
      name: "capacity one minute short of full, between floor and target → counter",
      input: offer({ offeredAmount: 70000, capacity: { committedMinutesNext4Weeks: 7199 } }),
      answer: "counter",
      rate: 7000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Counter: this pays below your target/,
    },
    {
      name: "empty calendar and thin pipeline never rescue a below-floor offer",
      input: offer({ offeredAmount: 40000, capacity: { committedMinutesNext4Weeks: 0, openPipelineCount: 0, openPipelineValue: 0 } }),
      answer: "walk_away",
      rate: 4000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Walk away: this pays below your floor\.$/,
      reason: /You are 0% booked .* with 0 open quotes worth \$0\.00\. That is time to find better work, not a reason to go below your floor\./,
    },
    {
      name: "rush: $60/h is above the normal floor but below the rush floor (×150%)",
      input: offer({ rush: true }),
      answer: "walk_away",
      rate: 6000,
      rates: { floor: 7500, target: 12000, market: 15000 },
      headline: /^Walk away: this pays below your floor\.$/,
      reason: /^Rush work: your rates × 150%\. Floor \$75\.00\/h, target \$120\.00\/h, market \$150\.00\/h\.$/,
    },
    {
      name: "rush at the rush target → accept",
      input: offer({ rush: true, offeredAmount: 120000 }),
      answer: "accept",
      rate: 12000,
      rates: { floor: 7500, target: 12000, market: 15000 },
      headline: /^Accept/,
    },
    {
      name: "rush multiplier below 100% is ignored (rush never lowers the bar)",
      input: offer({ rush: true, settings: { rushMultiplierPct: 50 } }),
      answer: "counter",
      rate: 6000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Counter/,
      reason: /Rush work: your rates × 100%/,
    },
    {
      name: "walk-away client at a high price → walk away",
      input: offer({ offeredAmount: 200000, client: { verdict: "walk_away", fitScore: 31 } }),
      answer: "walk_away",
      rate: 20000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Walk away: this is not a client you would choose, whatever the price\.$/,
      reason: /^Fit score 31\/100, verdict: walk away\. Your worth isn't determined by who accepts you; it's determined by who you accept\.$/,
    },
    {
      name: "currency mismatch → treated as no rate card",
      input: offer({ currency: "EUR" }),
      answer: "counter",
      rate: 6000,
      rates: null,
      headline: /^Counter: the offer's currency does not match your rate card/,
      reason: /The offer is in EUR but your rate card for Brand design is in USD, so it is treated as having no rate card/,
    },
    {
      name: "set-boundaries client at target → accept, on your terms",
      input: offer({ offeredAmount: 80000, client: { verdict: "set_boundaries", fitScore: 55 } }),
      answer: "accept",
      rate: 8000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Accept, on your terms/,
      reason: /Fit score 55\/100, verdict: set boundaries/,
    },
    {
      name: "haggler (2 of 4 decided quotes) above target → accept, on your terms",
      input: offer({ offeredAmount: 90000, client: { haggledQuotes: 2, quotesWithDecision: 4 } }),
      answer: "accept",
      rate: 9000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Accept, on your terms/,
      reason: /^Acme asked for less on 2 of 4 decided quotes\.$/,
    },
    {
      name: "one polite ask on their only decided quote is an ask, not a pattern → a plain accept",
      input: offer({ offeredAmount: 90000, client: { haggledQuotes: 1, quotesWithDecision: 1 } }),
      answer: "accept",
      rate: 9000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Accept(?!, on your terms)/,
    },
    {
      name: "1 of 3 haggled is not a haggler → accept",
      input: offer({ offeredAmount: 90000, client: { haggledQuotes: 1, quotesWithDecision: 3 } }),
      answer: "accept",
      rate: 9000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Accept/,
    },
    {
      name: "late payer (14 days) at target → accept, on your terms (a deposit)",
      input: offer({ offeredAmount: 80000, client: { avgDaysLate: 14 } }),
      answer: "accept",
      rate: 8000,
      rates: { floor: 5000, target: 8000, market: 10000 },
      headline: /^Accept, on your terms/,
      reason: /^Acme pays 14 days late on average, counting on-time payments\.$/,
    },
    {
      name: "day-rated service exactly at floor → counter",
      input: offer({ service: WORKSHOP, offeredAmount: 80000, minutes: 960 }),
      answer: "counter",
      rate: 40000,
      rates: { floor: 40000, target: 64000, market: 80000 },
      headline: /^Counter/,
      reason: /\$800\.00 for 2 days is \$400\.00\/day: at or above your floor of \$400\.00\/day/,
    },
  ])("$name", ({ input, answer, rate, rates, headline, reason }) => {
    const e = evaluateOffer(input);
    expect(e.answer).toBe(answer);
    expect(e.effectiveRate).toBe(rate);
    expect(e.rates).toEqual(rates);
    expect(e.headline).toMatch(headline);
    if (reason) expect(e.reasons.map((r) => r.text).some((t) => reason.test(t))).toBe(true);
    expect(e.questions[0]).toBe("Do I want to choose this client?");
  });
});

describe("evaluateOffer: counter-offer (trade, don't give)", () => {
  test.each<{ name: string; input: OfferInput; price: number | null; budgetMinutes: number | null; rush: boolean; text: RegExp }>([
    {
      name: "below target: same scope at target, or the scope the budget buys",
      input: offer(),
      price: 80000,
      budgetMinutes: 450,
      rush: false,
      text: /^Trade, don't give: \$800\.00 for the full 10 h at your target of \$80\.00\/h; or, if the budget of \$600\.00 is fixed, 7\.5 h of work for it\.$/,
    },
    {
      name: "rush: counter at the rush target",
      input: offer({ rush: true }),
      price: 120000,
      budgetMinutes: 300,
      rush: true,
      text: /^Decline: "Thank you for letting me know\. I wish you the best\." If you would rather counter, trade, don't give: \$1,200\.00 for the full 10 h at your target of \$120\.00\/h; or, if the budget of \$600\.00 is fixed, 5 h/,
    },
    {
      name: "no rate card: no prices",
      input: offer({ service: null }),
      price: null,
      budgetMinutes: null,
      rush: false,
      text: /^No counter price: add this service to your rate card first\.$/,
    },
    {
      name: "currency mismatch: no prices",
      input: offer({ currency: "EUR", rush: true }),
      price: null,
      budgetMinutes: null,
      rush: false,
      text: /^No counter price: add Brand design to your rate card in EUR first\.$/,
    },
    {
      name: "late payer: the text says yes on your terms; the terms are listed once, in conditions",
      input: offer({ offeredAmount: 80000, client: { avgDaysLate: 21 } }),
      price: 80000,
      budgetMinutes: null,
      rush: false,
      text: /^Say yes at \$800\.00 for 10 h, on your terms\.$/,
    },
    {
      name: "accept: no counter needed",
      input: offer({ offeredAmount: 90000 }),
      price: 80000,
      budgetMinutes: null,
      rush: false,
      text: /^No counter needed: \$900\.00 is at or above \$800\.00, your target price for 10 h\.$/,
    },
    {
      name: "walk-away client: decline, no negotiation",
      input: offer({ offeredAmount: 200000, client: { verdict: "walk_away" } }),
      price: 80000,
      budgetMinutes: null,
      rush: false,
      text: /^Decline: "Thank you for letting me know\. I wish you the best\." Your job isn't to convince them otherwise\./,
    },
  ])("$name", ({ input, price, budgetMinutes, rush, text }) => {
    const c = evaluateOffer(input).counter;
    // each condition is said once: in the list, never again inside the text
    for (const condition of c.conditions) expect(c.text).not.toContain(condition);
    expect(c.priceAtTarget).toBe(price);
    expect(c.minutesForBudgetAtTarget).toBe(budgetMinutes);
    expect(c.rushApplied).toBe(rush);
    expect(c.text).toMatch(text);
  });

  test("formats in the user's locale", () => {
    const e = evaluateOffer(offer({ currency: "EUR", service: { ...DESIGN, currency: "EUR" }, settings: { locale: "de-DE", currency: "EUR" } }));
    expect(e.counter.text).toContain("800,00\u00a0€ for the full 10 h at your target of 80,00\u00a0€/h");
  });

  test("capacity label", () => {
    expect(evaluateOffer(offer({ capacity: { committedMinutesNext4Weeks: 3599 } })).capacity).toEqual({ utilisationPct: 49, label: "49% booked: room to spare" });
    expect(evaluateOffer(offer()).capacity).toEqual({ utilisationPct: 50, label: "50% booked" });
    expect(evaluateOffer(offer({ capacity: { committedMinutesNext4Weeks: 7200 } })).capacity).toEqual({ utilisationPct: 100, label: "100% booked: full" });
    expect(evaluateOffer(offer({ capacity: { weeklyCapacityHours: 0 } })).capacity).toEqual({ utilisationPct: 0, label: "No weekly capacity set" });
  });
});

describe("fillTemplate", () => {
  test.each<{ name: string; body: string; vars: Record<string, string>; out: string }>([
    { name: "fills placeholders", body: "Thanks, {client}. {service} for {scope} at {rate} is {price}.", vars: { client: "Ana", service: "Design", scope: "10 h", rate: "$80.00/h", price: "$800.00" }, out: "Thanks, Ana. Design for 10 h at $80.00/h is $800.00." },
    { name: "missing vars stay as written", body: "Hi {client}, the price is {price}.", vars: { client: "Ana" }, out: "Hi Ana, the price is {price}." },
    { name: "repeated placeholder", body: "{client}, {client}!", vars: { client: "Bo" }, out: "Bo, Bo!" },
    { name: "HTML-like content stays literal", body: "<b>{client}</b>", vars: { client: "<script>alert(1)</script>" }, out: "<b><script>alert(1)</script></b>" },
    { name: "values are not re-expanded", body: "{client} / {price}", vars: { client: "{price}", price: "$1" }, out: "{price} / $1" },
    { name: "replacement patterns are literal", body: "{client}", vars: { client: "$& $1 $$" }, out: "$& $1 $$" },
    { name: "prototype names are not values", body: "{constructor} {toString}", vars: {}, out: "{constructor} {toString}" },
    { name: "not-a-placeholder braces untouched", body: "{ client } {} {1x}", vars: { client: "Ana" }, out: "{ client } {} {1x}" },
    { name: "the essay's decline line has no placeholders", body: DEFAULT_DECLINE_TEMPLATE, vars: { client: "Ana" }, out: "Thank you for letting me know. I wish you the best." },
  ])("$name", ({ body, vars, out }) => {
    expect(fillTemplate(body, vars)).toBe(out);
  });

  test("default counter template, filled from an evaluation", () => {
    const input = offer();
    const text = fillTemplate(DEFAULT_COUNTER_TEMPLATE, offerTemplateVars(input, evaluateOffer(input)));
    expect(text).toBe(
      "Thanks, Acme. For 10 h of Brand design my rate is $80.00/h, so the price is $800.00. If the budget of $600.00 is fixed, I can deliver 7.5 h of that work for it. Let me know which suits you.",
    );
  });

  test("without a rate card the price placeholders stay visible", () => {
    const input = offer({ service: null });
    const text = fillTemplate(DEFAULT_COUNTER_TEMPLATE, offerTemplateVars(input, evaluateOffer(input)));
    expect(text).toContain("my rate is {rate}, so the price is {price}");
    expect(text).toContain("{budgetScope}");
  });
});

// The worked examples in docs/offer-check.md: same inputs, and the doc quotes the same output.
describe("docs/offer-check.md worked examples", () => {
  const doc = readFileSync(new URL("../../docs/offer-check.md", import.meta.url), "utf8");
  test.each<{ name: string; input: OfferInput; answer: OfferAnswer; quoted: string[] }>([
    { name: "1. between floor and target", input: offer(), answer: "counter", quoted: ["$60.00/h", "$800.00", "7.5 h"] },
    { name: "2. same offer, rush", input: offer({ rush: true }), answer: "walk_away", quoted: ["$75.00/h", "$1,200.00", "5 h"] },
    { name: "3. fully booked", input: offer({ offeredAmount: 70000, capacity: { committedMinutesNext4Weeks: 7200 } }), answer: "walk_away", quoted: ["$70.00/h"] },
    { name: "4. walk-away client, high price", input: offer({ offeredAmount: 200000, client: { verdict: "walk_away", fitScore: 31 } }), answer: "walk_away", quoted: ["$200.00/h"] },
    { name: "5. haggler at target", input: offer({ offeredAmount: 80000, client: { haggledQuotes: 3, quotesWithDecision: 4 } }), answer: "accept", quoted: ["3 of 4"] },
    { name: "6. new prospect at target", input: offer({ offeredAmount: 80000, client: NEW_PROSPECT }), answer: "accept", quoted: ["$800.00"] },
    { name: "7. no rate card", input: offer({ service: null }), answer: "counter", quoted: ["$60.00/h"] },
  ])("$name", ({ input, answer, quoted }) => {
    const e = evaluateOffer(input);
    expect(e.answer).toBe(answer);
    expect(doc).toContain(e.headline);
    for (const q of quoted) expect(doc).toContain(q);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const VERDICTS: OfferVerdict[] = ["keep", "set_boundaries", "walk_away", "not_enough_data"];
/** keep = not_enough_data (a new prospect) > set_boundaries > walk_away */
const VERDICT_RANK: Record<OfferVerdict, number> = { keep: 2, not_enough_data: 2, set_boundaries: 1, walk_away: 0 };

// Sized so every answer is common: rates around real ones (up to $300/h or /day), offers around them.
const rateArb = fc.oneof(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 2_000_000 }));
const serviceArb = fc.record({
  id: fc.constant(1),
  name: fc.constantFrom("Brand design", "", "<i>Audit</i>"),
  unit: fc.constantFrom("hour" as const, "day" as const),
  currency: fc.constantFrom("USD", "USD", "USD", "EUR", "JPY"),
  // deliberately unordered too: a bad rate card must not break the rules
  marketRate: rateArb,
  targetRate: rateArb,
  floorRate: rateArb,
});

const anyClientArb = fc.record({
  isNew: fc.boolean(),
  name: fc.constantFrom("Acme", "", "  ", "<b>Zoë & Co</b>"),
  fitScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  verdict: fc.constantFrom(...VERDICTS),
  haggledQuotes: fc.integer({ min: 0, max: 20 }),
  quotesWithDecision: fc.integer({ min: 0, max: 20 }),
  avgDaysLate: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
  unpaidAskMinutes: fc.integer({ min: 0, max: 10_000 }),
  unansweredFollowUpsInARow: fc.integer({ min: 0, max: 10 }),
});
// A client who needs no conditions, so "accept" is reachable often.
const easyClientArb = fc.record({
  isNew: fc.boolean(),
  name: fc.constantFrom("Acme", "Newco"),
  fitScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  verdict: fc.constantFrom<OfferVerdict>("keep", "not_enough_data", "keep", "set_boundaries"),
  haggledQuotes: fc.constant(0),
  quotesWithDecision: fc.integer({ min: 0, max: 20 }),
  avgDaysLate: fc.option(fc.integer({ min: 0, max: 13 }), { nil: null }),
  unpaidAskMinutes: fc.integer({ min: 0, max: 119 }),
  unansweredFollowUpsInARow: fc.integer({ min: 0, max: 3 }),
});
const clientArb = fc.oneof(anyClientArb, easyClientArb);

const capacityArb = fc.record({
  weeklyCapacityHours: fc.integer({ min: 0, max: 80 }),
  committedMinutesNext4Weeks: fc.integer({ min: 0, max: 20_000 }),
  openPipelineCount: fc.integer({ min: 0, max: 50 }),
  openPipelineValue: fc.integer({ min: 0, max: 100_000_000 }),
});

const settingsArb = fc.record({
  hoursPerDay: fc.integer({ min: 1, max: 24 }),
  rushMultiplierPct: fc.integer({ min: 0, max: 400 }),
  locale: fc.constantFrom("en-US", "de-DE", "fr-FR", "ja-JP"),
  chaseThreshold: fc.integer({ min: 1, max: 5 }),
});

const inputArb: fc.Arbitrary<OfferInput> = fc
  .record({
    offeredAmount: fc.oneof(fc.integer({ min: 1, max: 3_000_000 }), fc.integer({ min: 1, max: 1_000_000_000 })),
    currency: fc.constantFrom("USD", "USD", "USD", "EUR", "JPY"),
    minutes: fc.oneof(fc.integer({ min: 1, max: 6_000 }), fc.integer({ min: 1, max: 100_000 })),
    rush: fc.boolean(),
    service: fc.option(serviceArb, { nil: null, freq: 5 }),
    client: clientArb,
    capacity: capacityArb,
    settings: settingsArb,
    // mostly the rate card's currency, sometimes a mismatch
    sameCurrency: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ sameCurrency, ...r }) => ({
    ...r,
    service: r.service && sameCurrency > 0 ? { ...r.service, currency: r.currency } : r.service,
    settings: { ...DEFAULT_SETTINGS, ...r.settings },
  }));

const raiseArb = fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000_000 }));

function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === "number") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => numbersIn(v, out));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => numbersIn(v, out));
  return out;
}

describe("evaluateOffer: properties", () => {
  test("the generators reach every answer often (so the properties below test something)", () => {
    const counts: Record<OfferAnswer, number> = { accept: 0, counter: 0, walk_away: 0 };
    for (const input of fc.sample(inputArb, { numRuns: 3000, seed: 42 })) counts[evaluateOffer(input).answer] += 1;
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(300);
  });

  test("raising the offer never moves the answer towards walking away", () => {
    fc.assert(
      fc.property(inputArb, raiseArb, (input, raise) => {
        const low = evaluateOffer(input);
        const high = evaluateOffer({ ...input, offeredAmount: input.offeredAmount + raise });
        expect(answerRank(high.answer)).toBeGreaterThanOrEqual(answerRank(low.answer));
      }),
      { numRuns: 2000 },
    );
  });

  test("a worse client (lower score, worse or equal verdict) never moves the answer towards accepting", () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.constantFrom(...VERDICTS),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        (input, otherVerdict, otherScore) => {
          const a = input.client;
          const betterFirst = VERDICT_RANK[a.verdict] >= VERDICT_RANK[otherVerdict];
          const score = a.fitScore != null && otherScore != null ? Math.min(a.fitScore, otherScore) : otherScore;
          const worse = { ...a, verdict: betterFirst ? otherVerdict : a.verdict, fitScore: score };
          const better = { ...a, verdict: betterFirst ? a.verdict : otherVerdict };
          const rBetter = answerRank(evaluateOffer({ ...input, client: better }).answer);
          const rWorse = answerRank(evaluateOffer({ ...input, client: worse }).answer);
          expect(rWorse).toBeLessThanOrEqual(rBetter);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("below floor is never accepted, however empty the calendar or thin the pipeline", () => {
    fc.assert(
      fc.property(inputArb, capacityArb, (input, capacity) => {
        const e = evaluateOffer({ ...input, capacity });
        if (e.rates && e.effectiveRate != null && e.effectiveRate < e.rates.floor) expect(e.answer).toBe("walk_away");
        if (input.client.verdict === "walk_away") expect(e.answer).toBe("walk_away");
      }),
      { numRuns: 2000 },
    );
  });

  test("never throws, never NaN/undefined, and is deterministic", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = evaluateOffer(input);
        for (const n of numbersIn(e)) expect(Number.isFinite(n)).toBe(true);
        const words = [e.headline, e.counter.text, e.capacity.label, ...e.reasons.map((r) => r.text), ...e.questions].join("\n");
        expect(words).not.toMatch(/NaN|undefined|Infinity|null/);
        expect(e.reasons.length).toBeGreaterThan(0);
        expect(evaluateOffer(input)).toEqual(e);
        const vars = offerTemplateVars(input, e);
        expect(Object.values(vars).join(" ")).not.toMatch(/NaN|undefined|Infinity/);
      }),
      { numRuns: 1000 },
    );
  });

  test("fillTemplate: no placeholders, no change; values inserted literally", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, value) => {
        const body = text.replace(/[{}]/g, "");
        expect(fillTemplate(body, { client: value })).toBe(body);
        expect(fillTemplate(`${body}{client}${body}`, { client: value })).toBe(`${body}${value}${body}`);
      }),
    );
  });
});
