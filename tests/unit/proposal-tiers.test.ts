/**
 * Counter by tier: what a budget buys from a proposal's options (lib/proposals/tiers.ts), in words
 * (lib/proposals/tier-words.ts), and what it does to the offer check's answer (lib/offer-check/tiers.ts).
 */
import { describe, expect, test } from "vitest";
import { DEFAULT_SETTINGS, type Service } from "@/lib/domain";
import { formatMoney } from "@/lib/money";
import { evaluateOffer, offerTemplateVars, tierCounterMessage, type OfferInput, type OfferProposal } from "@/lib/offer-check";
import { andList, noTierSentence, optionScope, tierCounterSentence } from "@/lib/proposals/tier-words";
import { largestOption, optionForBudget, quotedOption, type TierProposal } from "@/lib/proposals/tiers";

const items = [
  { id: 11, position: 0, name: "Home page" },
  { id: 12, position: 1, name: "About page" },
  { id: 13, position: 2, name: "CMS setup" },
  { id: 14, position: 3, name: "Blog" },
];
// Essentials $2,000 (20 h), Standard $3,000 (30 h), Complete $4,000 (40 h)
const THREE: TierProposal = {
  items,
  options: [
    { id: 1, position: 0, name: "Essentials", price: 200000, minutes: 1200, itemIds: [11, 12] },
    { id: 2, position: 1, name: "Standard", price: 300000, minutes: 1800, itemIds: [11, 12, 13] },
    { id: 3, position: 2, name: "Complete", price: 400000, minutes: 2400, itemIds: [11, 12, 13, 14] },
  ],
};
const usd = (n: number) => formatMoney(n, "USD", "en-US");

describe("optionForBudget: the priciest option at or below the budget", () => {
  test.each([
    ["exactly at Essentials' price", 200000, "Essentials", false],
    ["between Essentials and Standard", 250000, "Essentials", false],
    ["exactly at Standard's price", 300000, "Standard", false],
    ["one cent below Complete", 399999, "Standard", false],
    ["exactly at Complete's price", 400000, "Complete", true],
    ["above every option", 900000, "Complete", true],
    ["below every option", 199999, null, false],
    ["nothing", 0, null, false],
  ])("%s (%i) → %s", (_, budget, name, buysReference) => {
    const fit = optionForBudget(THREE, budget)!;
    expect(fit.option?.name ?? null).toBe(name);
    expect(fit.reference.name).toBe("Complete");
    expect(fit.smallest.name).toBe("Essentials");
    expect(fit.buysReference).toBe(buysReference);
  });

  test("ties on price: the one with more minutes, whatever the order", () => {
    const tied: TierProposal = {
      items,
      options: [
        { id: 7, position: 0, name: "Lean", price: 200000, minutes: 900, itemIds: [11] },
        { id: 8, position: 1, name: "Roomy", price: 200000, minutes: 1500, itemIds: [11, 12] },
        { id: 9, position: 2, name: "Big", price: 500000, minutes: 3000, itemIds: [11, 12, 13, 14] },
      ],
    };
    expect(optionForBudget(tied, 250000)!.option!.name).toBe("Roomy");
    expect(optionForBudget({ ...tied, options: [...tied.options].reverse() }, 250000)!.option!.name).toBe("Roomy");
    // the smallest of two at the same price is the one with fewer minutes
    expect(optionForBudget(tied, 100)!.smallest.name).toBe("Lean");
  });

  test("what it leaves out is measured against the option they were quoted, else the largest", () => {
    expect(optionForBudget(THREE, 200000)!.leftOut).toEqual(["CMS setup", "Blog"]);
    expect(optionForBudget(THREE, 200000, 2)!.leftOut).toEqual(["CMS setup"]);
    expect(optionForBudget(THREE, 200000, 2)!.included).toEqual(["Home page", "About page"]);
    // an unknown reference falls back to the largest
    expect(optionForBudget(THREE, 200000, 99)!.reference.name).toBe("Complete");
    // the quoted option is bought: a yes at it, even if a larger one exists
    expect(optionForBudget(THREE, 300000, 2)!.buysReference).toBe(true);
  });

  test("no options: null; the largest and the quoted option", () => {
    expect(optionForBudget({ items, options: [] }, 1000)).toBeNull();
    expect(largestOption({ items, options: [] })).toBeNull();
    expect(largestOption(THREE)!.name).toBe("Complete");
    expect(quotedOption(THREE, 1800)!.name).toBe("Standard");
    expect(quotedOption(THREE, 1234)!.name).toBe("Complete");
    expect(quotedOption(THREE, null)!.name).toBe("Complete");
  });
});

describe("tier words", () => {
  test.each([
    [[], ""],
    [["Blog"], "Blog"],
    [["CMS setup", "Blog"], "CMS setup and Blog"],
    [["About page", "CMS setup", "Blog"], "About page, CMS setup and Blog"],
  ])("andList(%j) = %s", (list, text) => {
    expect(andList(list)).toBe(text);
  });

  test.each([
    [["Home page", "About page", "CMS setup"], ["Blog"], "Home page, About page and CMS setup, without Blog"],
    [["Home page", "About page"], ["CMS setup", "Blog"], "Home page and About page, without CMS setup and Blog"],
    [["Home page"], ["About page", "CMS setup", "Blog"], "Home page, without About page, CMS setup and Blog"],
    [["Home page"], [], "Home page"],
  ])("included %j, left out %j", (included, leftOut, text) => {
    expect(optionScope({ included, leftOut })).toBe(text);
  });

  test("the counter sentence, and the one when the budget buys nothing", () => {
    expect(tierCounterSentence(optionForBudget(THREE, 200000)!, usd)).toBe("For $2,000.00 the Essentials option: Home page and About page, without CMS setup and Blog.");
    expect(tierCounterSentence(optionForBudget(THREE, 100)!, usd)).toBeNull();
    expect(noTierSentence(optionForBudget(THREE, 100)!, usd)).toBe("The smallest option, Essentials, is $2,000.00 \u2014 below that there is no version of this work at your rates.");
  });
});

// --- the offer check with a proposal -----------------------------------------------------------
const WEB: Service = { id: 1, name: "Web development", unit: "hour", currency: "USD", floorRate: 7000, targetRate: 10000, marketRate: 12000 };
const PROPOSAL: OfferProposal = { ...THREE, currency: "USD" };

function input(o: Partial<OfferInput> = {}): OfferInput {
  return {
    offeredAmount: 200000,
    currency: "USD",
    minutes: 2400,
    rush: false,
    scopeUnit: "hours",
    service: WEB,
    client: { isNew: false, name: "Acme", fitScore: 80, verdict: "keep", haggledQuotes: 0, quotesWithDecision: 2, avgDaysLate: 0, unpaidAskMinutes: 0, unansweredFollowUpsInARow: 0 },
    capacity: { weeklyCapacityHours: 30, committedMinutesNext4Weeks: 600, openPipelineCount: 1, openPipelineValue: 100000 },
    settings: DEFAULT_SETTINGS,
    proposal: PROPOSAL,
    ...o,
  };
}

describe("the offer check counters by tier", () => {
  test("$2,000 for the 40 h Complete quote: below the floor without tiers, the Essentials option with them", () => {
    expect(evaluateOffer(input({ proposal: null })).answer).toBe("walk_away");
    const ev = evaluateOffer(input());
    expect(ev.answer).toBe("counter");
    expect(ev.headline).toContain("the Essentials option");
    expect(ev.counter.counterPrice).toBe(200000);
    expect(ev.counter.tier).toMatchObject({ optionId: 1, price: 200000, minutes: 1200, fits: true, leftOut: ["CMS setup", "Blog"] });
    expect(ev.counter.text).toBe("Trade, don't give: within their budget of $2,000.00, the Essentials option at $2,000.00: Home page and About page, without CMS setup and Blog. Not a lower price for the Complete option.");
    // the bar measures their offer for the whole quoted scope; the "Why" list adds the option's own rate
    expect(ev.rateLabel).toBe("Their offer for the full scope (40 h):");
    expect(ev.reasons.map((r) => r.text)).toContain("The Essentials option: $2,000.00 for 20 h is $100.00/h, at or above your target of $100.00/h.");
    expect(ev.tiers).toMatchObject({ boughtId: 1, referenceId: 3, outcome: "counter" });
    expect(ev.tiers!.options.map((o) => o.name)).toEqual(["Essentials", "Standard", "Complete"]);
    const message = tierCounterMessage(input(), ev)!;
    expect(message).toContain("Within your budget of $2,000.00, I can offer the Essentials option at $2,000.00: Home page and About page, without CMS setup and Blog");
    expect(offerTemplateVars(input(), ev).optionPrice).toBe("$2,000.00");
  });

  test("a budget between options gets the cheaper one at its own price, never a discount on the larger", () => {
    const ev = evaluateOffer(input({ offeredAmount: 350000 }));
    expect(ev.answer).toBe("counter");
    expect(ev.counter.counterPrice).toBe(300000);
    expect(ev.counter.tier!.optionName).toBe("Standard");
    expect(ev.counter.tier!.leftOut).toEqual(["Blog"]);
    // never "for a budget of $3,500.00 … at $3,000.00" (which reads as asking less than they offered)
    expect(ev.counter.text).toContain("within their budget of $3,500.00, the Standard option at $3,000.00");
    const message = tierCounterMessage(input({ offeredAmount: 350000 }), ev)!;
    expect(message).toContain("Within your budget of $3,500.00, I can offer the Standard option at $3,000.00");
    expect(message).not.toContain("for a budget of");
  });

  test("the budget buys the option they were quoted: a yes at it", () => {
    // quoted Standard (30 h), they offer its price: the scope's own check already says yes
    const ev = evaluateOffer(input({ minutes: 1800, offeredAmount: 300000 }));
    expect(ev.answer).toBe("accept");
    expect(ev.counter.tier).toBeNull();
    expect(ev.counter.counterPrice).toBeNull();
    // the quote's scope (40 h) differs from the option's (30 h) at the Complete price: still their quoted option
    const bought = evaluateOffer(input({ minutes: 2500, offeredAmount: 400000 }));
    expect(bought.answer).toBe("accept");
    expect(bought.headline).toBe("Accept: $4,000.00 buys the Complete option you offered.");
    expect(bought.tiers!.outcome).toBe("accept");
  });

  test("below every option: the smallest option's price, as a counter above their offer", () => {
    const ev = evaluateOffer(input({ offeredAmount: 150000 }));
    expect(ev.answer).toBe("walk_away");
    expect(ev.counter.text.startsWith("The smallest option, Essentials, is $2,000.00 \u2014 below that there is no version of this work at your rates.")).toBe(true);
    expect(ev.counter.counterPrice).toBe(200000);
    expect(ev.counter.tier).toMatchObject({ optionId: 1, fits: false });
    expect(ev.tiers).toMatchObject({ boughtId: null, outcome: "none_fits" });
    expect(tierCounterMessage(input({ offeredAmount: 150000 }), ev)).toContain("The smallest version of this work is the Essentials option, at $2,000.00");
    // one voice: the options are the versions of the work, so no "hours of work for their budget" beside them
    expect(ev.counter.text).not.toMatch(/is fixed|of work for it/);
    expect(ev.counter.text).toContain('Decline: "Thank you for letting me know. I wish you the best." If they can stretch to it: the Essentials option, Home page and About page.');
    expect(ev.rateLabel).toBe("Their offer for the full scope (40 h):");
  });

  test("a client you would not choose still gets the decline; another currency ignores the proposal", () => {
    const walk = evaluateOffer(input({ client: { ...input().client, verdict: "walk_away" } }));
    expect(walk.answer).toBe("walk_away");
    expect(walk.counter.tier).toBeNull();
    expect(walk.tiers!.outcome).toBe("not_used");
    expect(walk.rateLabel).toBeNull();
    const eur = evaluateOffer(input({ proposal: { ...PROPOSAL, currency: "EUR" } }));
    expect(eur.tiers).toBeNull();
    expect(eur.answer).toBe("walk_away");
  });
});
