/** The rules that need the book: expiry against today, the floor and "I know", when a proposal can change, its status; and the builder's form read. */
import { describe, expect, test } from "vitest";
import { readProposalForm, typedPrice } from "@/lib/proposals/form";
import { answerProblem, editProblem, pricedOptions, proposalProblems, proposalStatus } from "@/lib/proposals/rules";
import { saveProposalSchema, type SaveProposalInput } from "@/lib/proposals/schemas";
import { fieldErrors } from "@/lib/schemas";
import type { ProposalPricing } from "@/lib/proposals/types";

const TODAY = "2026-06-15";
const pricing: ProposalPricing = { currency: "USD", unit: "hour", floorRate: 8000, targetRate: 10000, marketRate: 12000, rush: false, rushMultiplierPct: 150, hoursPerDay: 8, minimumFee: 0 };
const input = (over: Partial<SaveProposalInput> = {}): SaveProposalInput => ({
  rush: false,
  intro: null,
  terms: null,
  expiresOn: "2026-07-15",
  confirmBelowFloor: false,
  reprice: false,
  items: [
    { name: "Design", minutes: 600 },
    { name: "Build", minutes: 1200 },
  ],
  options: [
    { name: "Essentials", summary: null, items: [0] },
    { name: "Complete", summary: null, items: [0, 1] },
  ],
  ...over,
});

describe("proposalProblems", () => {
  test("an expiry yesterday is refused on expiresOn; today is the last day and fine", () => {
    expect(proposalProblems(input({ expiresOn: "2026-06-14" }), pricing, TODAY)).toEqual({ expiresOn: ["The expiry date cannot be in the past"] });
    expect(proposalProblems(input({ expiresOn: TODAY }), pricing, TODAY)).toBeNull();
  });

  test("an option below the floor without 'I know': its price and confirmBelowFloor; with it: fine", () => {
    const below = input({ options: [{ name: "Essentials", summary: null, items: [0], price: 50000 }, { name: "Complete", summary: null, items: [0, 1] }] });
    expect(proposalProblems(below, pricing, TODAY)).toEqual({
      "options.0.price": ['$50.00/h is below your floor: tick "I know" to offer "Essentials" anyway, or raise its price'],
      confirmBelowFloor: ["An option is priced below your floor"],
    });
    expect(proposalProblems({ ...below, confirmBelowFloor: true }, pricing, TODAY)).toBeNull();
  });

  test("rush raises the floor too: a price fine without rush is below it with rush; day rates say /day", () => {
    const at90 = input({ options: [{ name: "Essentials", summary: null, items: [0], price: 90000 }, { name: "Complete", summary: null, items: [0, 1] }] });
    expect(proposalProblems(at90, pricing, TODAY)).toBeNull();
    expect(proposalProblems({ ...at90, rush: true }, { ...pricing, rush: true }, TODAY)?.["options.0.price"]?.[0]).toBe('$90.00/h is below your floor (rush): tick "I know" to offer "Essentials" anyway, or raise its price');
    const dayPricing: ProposalPricing = { ...pricing, unit: "day", floorRate: 64000, targetRate: 80000, marketRate: 96000 };
    // 10 h = 1.25 days of 8 h: $700 is $560/day against a $640/day floor
    const at70 = input({ options: [{ name: "Essentials", summary: null, items: [0], price: 70000 }, { name: "Complete", summary: null, items: [0, 1] }] });
    expect(proposalProblems(at90, dayPricing, TODAY)).toBeNull();
    expect(proposalProblems(at70, dayPricing, TODAY)?.["options.0.price"]?.[0]).toBe('$560.00/day is below your floor: tick "I know" to offer "Essentials" anyway, or raise its price');
  });

  test("both problems at once are both reported", () => {
    const errors = proposalProblems(input({ expiresOn: "2026-01-01", options: [{ name: "A", summary: null, items: [0], price: 1 }, { name: "B", summary: null, items: [0, 1], price: 2 }] }), pricing, TODAY);
    expect(Object.keys(errors ?? {}).sort()).toEqual(["confirmBelowFloor", "expiresOn", "options.0.price", "options.1.price"]);
  });

  const ladder = (options: SaveProposalInput["options"], p: ProposalPricing = pricing) => proposalProblems(input({ options, confirmBelowFloor: true }), p, TODAY)?.["options.1.price"]?.[0] ?? null;
  test.each([
    ["rate card: 10 h then 30 h", [{ name: "Essentials", summary: null, items: [0] }, { name: "Complete", summary: null, items: [0, 1] }], pricing, null],
    [
      "minimum fee lifts both to $4,000",
      [{ name: "Essentials", summary: null, items: [0] }, { name: "Standard", summary: null, items: [0, 1] }],
      { ...pricing, minimumFee: 400000 },
      "Standard includes everything in Essentials and more, so it must cost more than $4,000.00 — both are lifted to your minimum fee; add scope or type a higher price",
    ],
    [
      "a typed price equal to the smaller option's",
      [{ name: "Essentials", summary: null, items: [0] }, { name: "Standard", summary: null, items: [0, 1], price: 100000 }],
      pricing,
      "Standard includes everything in Essentials and more, so it must cost more than $1,000.00: type a higher price for it, or a lower one for the smaller option",
    ],
    [
      "a typed price above the larger option's rate-card price",
      [{ name: "Essentials", summary: null, items: [0], price: 350000 }, { name: "Standard", summary: null, items: [0, 1] }],
      pricing,
      "Standard includes everything in Essentials and more, so it must cost more than $3,500.00: type a higher price for it, or a lower one for the smaller option",
    ],
    ["one cent more is enough", [{ name: "Essentials", summary: null, items: [0], price: 299999 }, { name: "Standard", summary: null, items: [0, 1] }], pricing, null],
    ["options that do not contain each other may cost anything", [{ name: "Design only", summary: null, items: [0], price: 500000 }, { name: "Build only", summary: null, items: [1], price: 100000 }], pricing, null],
  ] as const)("good / better / best go up: %s", (_what, options, p, expected) => {
    expect(ladder(options as unknown as SaveProposalInput["options"], p)).toBe(expected);
  });

  test("the larger option's error sits on its own price (order does not matter)", () => {
    const errors = proposalProblems(input({ options: [{ name: "Complete", summary: null, items: [0, 1], price: 50000 }, { name: "Essentials", summary: null, items: [0], price: 90000 }], confirmBelowFloor: true }), pricing, TODAY);
    expect(errors).toEqual({ "options.0.price": ["Complete includes everything in Essentials and more, so it must cost more than $900.00: type a higher price for it, or a lower one for the smaller option"] });
  });

  test("pricedOptions prices each option in order", () => {
    expect(pricedOptions(input(), pricing).map((p) => [p.minutes, p.price])).toEqual([
      [600, 100000],
      [1800, 300000],
    ]);
  });
});

describe("editProblem", () => {
  test.each([
    ["draft", null, null],
    ["sent", { answeredOn: null }, null],
    ["negotiating", { answeredOn: null }, null],
    ["accepted", null, "This quote is decided; a proposal can be built only on an open quote"],
    ["rejected", { answeredOn: null }, "This quote is decided; a proposal can be built only on an open quote"],
    ["sent", { answeredOn: TODAY }, "The client has answered this proposal; it can no longer be changed"],
    ["accepted", { answeredOn: TODAY }, "The client has answered this proposal; it can no longer be changed"],
  ] as const)("%s quote, proposal %j → %s", (status, proposal, expected) => {
    expect(editProblem(status, proposal)).toBe(expected);
  });
});

describe("proposalStatus and answerProblem", () => {
  const p = { sentOn: null, chosenOptionId: null, declineReason: null, answeredOn: null, expiresOn: TODAY } as const;
  test.each([
    ["draft", p, "draft"],
    ["sent, expiring today", { ...p, sentOn: "2026-06-01" }, "sent"],
    ["expired yesterday", { ...p, sentOn: "2026-06-01", expiresOn: "2026-06-14" }, "expired"],
    ["a draft past its expiry", { ...p, expiresOn: "2026-06-14" }, "expired"],
    ["chosen (even if expired since)", { ...p, sentOn: "2026-06-01", expiresOn: "2026-06-14", chosenOptionId: 3, answeredOn: "2026-06-10" }, "chosen"],
    ["declined", { ...p, sentOn: "2026-06-01", declineReason: "price", answeredOn: "2026-06-10" }, "declined"],
  ] as const)("%s", (_what, proposal, status) => {
    expect(proposalStatus(proposal, TODAY)).toBe(status);
  });

  test("an answer is taken once, before expiry, on an open quote", () => {
    expect(answerProblem({ answeredOn: null, expiresOn: TODAY }, "sent", TODAY)).toBeNull();
    expect(answerProblem({ answeredOn: "2026-06-10", expiresOn: TODAY }, "sent", TODAY)?.code).toBe("conflict");
    expect(answerProblem({ answeredOn: null, expiresOn: "2026-06-14" }, "sent", TODAY)?.code).toBe("gone");
    expect(answerProblem({ answeredOn: null, expiresOn: TODAY }, "rejected", TODAY)?.code).toBe("gone");
  });
});

describe("saveProposalSchema", () => {
  const errorsOf = (body: unknown) => {
    const r = saveProposalSchema.safeParse(body);
    return r.success ? {} : fieldErrors(r.error);
  };
  test("option names are unique whatever the case; two options with the same items are refused", () => {
    expect(Object.keys(errorsOf({ ...input(), options: [{ name: "Essentials", items: [0] }, { name: " essentials ", items: [0, 1] }] }))).toEqual(["options.1.name"]);
    expect(errorsOf({ ...input(), options: [{ name: "A", items: [1, 0] }, { name: "B", items: [0, 1] }] })["options.1.items"]).toEqual(['Same items as "A": make the options differ in scope']);
  });
});

describe("the builder's form read", () => {
  const form = {
    rush: true,
    intro: "  ",
    terms: "Half up front",
    expiresOn: "2026-07-15",
    confirmBelowFloor: false,
    reprice: true,
    items: [
      { name: "Design", hours: "7.5" },
      { name: "Build", hours: "1,25" },
      { name: "QA", hours: "" },
      { name: "CMS", hours: "two" },
    ],
    options: [
      { name: "A", summary: "", items: [0], price: "" },
      { name: "B", summary: "Most", items: [0, 1], price: "$2,000.50" },
      { name: "C", summary: "", items: [0, 1, 2], price: "lots" },
    ],
  };
  test("hours and prices as typed become minutes and minor units; what cannot be read is named like the API's field", () => {
    const { input: read, errors } = readProposalForm(form, "USD");
    expect(read).toMatchObject({ rush: true, reprice: true, intro: null, terms: "Half up front", items: [{ minutes: 450 }, { minutes: 75 }, { minutes: 0 }, { minutes: 0 }] });
    expect((read.options as { price: number | null; summary: string | null }[]).map((o) => [o.price, o.summary])).toEqual([
      [null, null],
      [200050, "Most"],
      [null, null],
    ]);
    expect(Object.keys(errors).sort()).toEqual(["items.2.minutes", "items.3.minutes", "options.2.price"]);
    expect(errors["items.3.minutes"]).toEqual(['"two" is not a number of hours: write e.g. 6 or 7.5']);
  });

  test("typedPrice: empty is the rate card, unreadable is null, too many decimals for the currency is null", () => {
    expect(typedPrice("", "USD")).toBeUndefined();
    expect(typedPrice("1 500", "USD")).toBe(150000);
    expect(typedPrice("1.5", "JPY")).toBeNull();
    expect(typedPrice("¥1,500", "JPY")).toBe(1500);
    expect(typedPrice("abc", "USD")).toBeNull();
  });
});
