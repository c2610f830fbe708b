import { describe, expect, it } from "vitest";
import { expandThousands, hoursToMinutes, parseCaptureLine, percentToBp, words } from "@/lib/quick-capture/parse";

type Row = [line: string, capture: unknown, nameWords?: string[]];

const rows: Row[] = [
  // discount requests
  ["Pebble asked 20% off", { kind: "discount_request", percentBp: 2000, amountOff: null }, ["pebble"]],
  ["pebble asked for 20% off", { kind: "discount_request", percentBp: 2000, amountOff: null }, ["pebble"]],
  ["Pebble wants a 12.5% discount", { kind: "discount_request", percentBp: 1250, amountOff: null }, ["pebble"]],
  ["Pebble Studio asked for 15 percent off", { kind: "discount_request", percentBp: 1500, amountOff: null }, ["pebble", "studio"]],
  ["20%", { kind: "discount_request", percentBp: 2000, amountOff: null }, []],
  ["Pebble asked $500 off", { kind: "discount_request", percentBp: null, amountOff: "500" }, ["pebble"]],
  ["Pebble asked for $1,200 off the website", { kind: "discount_request", percentBp: null, amountOff: "1,200" }, ["pebble", "website"]],
  ["Pebble asked for a discount", { kind: "discount_request", percentBp: null, amountOff: null }, ["pebble"]],
  ["Pebble asked for 20%", { kind: "discount_request", percentBp: 2000, amountOff: null }, ["pebble"]],
  // client counters
  ["Pebble countered 1800", { kind: "client_counter", amount: "1800" }, ["pebble"]],
  ["Pebble countered $1,800", { kind: "client_counter", amount: "1,800" }, ["pebble"]],
  ["$1,800", { kind: "client_counter", amount: "1,800" }, []],
  ["1200", { kind: "client_counter", amount: "1200" }, []],
  ["Pebble came back with 1.8k", { kind: "client_counter", amount: "1800" }, ["pebble"]],
  ["Pebble can only pay 2k", { kind: "client_counter", amount: "2000" }, ["pebble"]],
  ["Pebble offered €950.50", { kind: "client_counter", amount: "950.50" }, ["pebble"]],
  ["Pebble budget is 3000 dollars", { kind: "client_counter", amount: "3000" }, ["pebble"]],
  ["Pebble discounted 3000", { kind: "client_counter", amount: "3000" }, ["pebble"]],
  // my answers and counters
  ["held firm", { kind: "my_answer", answer: "held_firm", amount: null }, []],
  ["I held firm with Pebble", { kind: "my_answer", answer: "held_firm", amount: null }, ["pebble"]],
  ["Pebble: said no, kept my price", { kind: "my_answer", answer: "held_firm", amount: null }, ["pebble"]],
  ["met halfway", { kind: "my_answer", answer: "met_halfway", amount: null }, []],
  ["split the difference at 3600", { kind: "my_answer", answer: "met_halfway", amount: "3600" }, []],
  ["conceded", { kind: "my_answer", answer: "conceded", amount: null }, []],
  ["gave Pebble the discount", { kind: "my_answer", answer: "conceded", amount: null }, ["pebble"]],
  ["I gave them a discount", { kind: "my_answer", answer: "conceded", amount: null }, []],
  ["I countered 3600", { kind: "my_counter", amount: "3600" }, []],
  ["my counter-offer to Pebble: $3,600", { kind: "my_counter", amount: "3,600" }, ["pebble"]],
  ["Pebble: can you do 3000?", { kind: "client_counter", amount: "3000" }, ["pebble", "can"]],
  ["Pebble said the budget is 2500", { kind: "client_counter", amount: "2500" }, ["pebble"]],
  ["they came back at €2.500,00", { kind: "client_counter", amount: "2.500,00" }, []],
  ["Pebble wants to pay 1500 instead of 2000", { kind: "client_counter", amount: "1500" }],
  ["Pebble wants 10% off if they pay upfront", { kind: "discount_request", percentBp: 1000, amountOff: null }],
  // accepted
  ["accepted", { kind: "accepted", amount: null }, []],
  ["Pebble accepted", { kind: "accepted", amount: null }, ["pebble"]],
  ["Pebble said yes at 3800", { kind: "accepted", amount: "3800" }, ["pebble"]],
  // follow-ups
  ["follow-up, no answer", { kind: "follow_up", answered: false }, []],
  ["followed up with Pebble, no reply", { kind: "follow_up", answered: false }, ["pebble"]],
  ["Pebble follow up — ghosted", { kind: "follow_up", answered: false }, ["pebble"]],
  ["chased Pebble, they replied", { kind: "follow_up", answered: true }, ["pebble"]],
  ["follow-up", { kind: "follow_up", answered: false }, []],
  ["sent a follow up to Pebble", { kind: "follow_up", answered: false }, ["sent", "pebble"]],
  ["Pebble ghosted after my follow-up", { kind: "follow_up", answered: false }],
  ["followup, didn't answer", { kind: "follow_up", answered: false }, []],
  // asks
  ["2h unpaid call", { kind: "ask", subtype: "free_consult", minutes: 120, paid: false }, []],
  ["Pebble 2h unpaid call", { kind: "ask", subtype: "free_consult", minutes: 120, paid: false }, ["pebble"]],
  ["90 min free consult with Pebble", { kind: "ask", subtype: "free_consult", minutes: 90, paid: false }, ["pebble"]],
  ["1.5h scope creep", { kind: "ask", subtype: "scope_creep", minutes: 90, paid: false }, []],
  ["1h30 rush job for Pebble", { kind: "ask", subtype: "rush_demand", minutes: 90, paid: false }, ["pebble"]],
  ["15 min quick question", { kind: "ask", subtype: "quick_question", minutes: 15, paid: false }, []],
  ["Pebble quick question, half an hour", { kind: "ask", subtype: "quick_question", minutes: 30, paid: false }, ["pebble"]],
  ["2 hours favour", { kind: "ask", subtype: "unpaid_favour", minutes: 120, paid: false }, []],
  ["2 hr call with Pebble, unpaid", { kind: "ask", subtype: "free_consult", minutes: 120, paid: false }, ["pebble"]],
  ["Pebble wants it by Friday, rush, 3h", { kind: "ask", subtype: "rush_demand", minutes: 180, paid: false }, ["pebble", "friday"]],
  ["3h paid call", { kind: "ask", subtype: "free_consult", minutes: 180, paid: true }, []],
  ["45 minutes", { kind: "ask", subtype: null, minutes: 45, paid: false }, []],
  ["unpaid call", { kind: "ask", subtype: "free_consult", minutes: null, paid: false }, []],
  // payments and gives
  ["Pebble paid 10 days late", { kind: "payment", daysLate: 10, amount: null }, ["pebble"]],
  ["paid on time", { kind: "payment", daysLate: 0, amount: null }, []],
  ["Pebble paid $2,000 3 days late", { kind: "payment", daysLate: 3, amount: "2,000" }, ["pebble"]],
  ["paid late", { kind: "payment", daysLate: null, amount: null }, []],
  ["Pebble paid invoice 5 days late", { kind: "payment", daysLate: 5, amount: null }, ["pebble", "invoice"]],
  ["Pebble sent a referral", { kind: "give", subtype: "referral" }, ["pebble", "sent"]],
  ["testimonial from Pebble", { kind: "give", subtype: "testimonial" }, ["pebble"]],
  ["Pebble hired me again", { kind: "give", subtype: "repeat_work" }, ["pebble"]],
  // nothing to log
  ["Pebble", null, ["pebble"]],
  ["hello there", null, ["hello", "there"]],
  ["", null, []],
];

describe("parseCaptureLine: many phrasings", () => {
  it.each(rows)("%s", (line, capture, nameWords) => {
    const parsed = parseCaptureLine(line);
    expect(parsed.capture).toEqual(capture);
    if (nameWords) expect(parsed.nameWords).toEqual(nameWords);
  });
});

describe("parseCaptureLine: when", () => {
  it.each([
    ["Pebble asked 20% off yesterday", { daysAgo: 1 }],
    ["follow-up 3 days ago, no answer", { daysAgo: 3 }],
    ["2026-11-02 Pebble countered 1800", { date: "2026-11-02" }],
    ["Pebble countered 1800", null],
  ])("%s", (line, when) => {
    const parsed = parseCaptureLine(line);
    expect(parsed.when).toEqual(when);
    expect(parsed.capture).not.toBeNull();
  });
  it("a date's digits are not an amount", () => {
    expect(parseCaptureLine("2026-11-02 Pebble countered 1800").capture).toEqual({ kind: "client_counter", amount: "1800" });
  });
});

describe("numbers", () => {
  it.each([
    ["20", 2000],
    ["12.5", 1250],
    ["12,5", 1250],
    ["0.25", 25],
    ["100", 10000],
    ["1.234", null],
  ])("percent %s → %s bp", (text, bp) => expect(percentToBp(text)).toBe(bp));
  it.each([
    ["2", undefined, 120],
    ["1", "5", 90],
    ["1", "25", 75],
    ["0", "1", 6],
  ] as const)("%s.%s h → %s min", (whole, frac, minutes) => expect(hoursToMinutes(whole, frac)).toBe(minutes));
  it.each([
    ["1.8", true, "1800"],
    ["2", true, "2000"],
    ["1.25", true, "1250"],
    ["1,200", false, "1,200"],
  ] as const)("%s k=%s → %s", (text, k, out) => expect(expandThousands(text, k)).toBe(out));
  it("an unreadable percent is reported, not guessed", () => {
    expect(parseCaptureLine("Pebble asked 12.345% off").unreadable).toEqual(["12.345%"]);
  });
});

describe("words", () => {
  it("drops filler and punctuation, keeps names", () => {
    expect(words("the client, O'Brien & Sons, asked again!")).toEqual(["o'brien", "&", "sons"]);
  });
});
