/** The proposal's input rules: each bad input gets its field error; a good one parses with defaults. */
import { describe, expect, test } from "vitest";
import { fieldErrors } from "@/lib/schemas";
import { proposalAnswerSchema, saveProposalSchema, shareProposalSchema } from "@/lib/proposals/schemas";

const good = {
  expiresOn: "2027-01-31",
  items: [
    { name: "Home page", minutes: 600 },
    { name: "About page", minutes: 300 },
    { name: "CMS setup", minutes: 480 },
  ],
  options: [
    { name: "Essentials", items: [0, 1] },
    { name: "Standard", items: [0, 1, 2], summary: "Everything" },
  ],
};

function errorsOf(input: unknown): Record<string, string[]> {
  const r = saveProposalSchema.safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
}

describe("saveProposalSchema", () => {
  test("a good proposal parses, with rush and I know off by default", () => {
    const r = saveProposalSchema.parse(good);
    expect(r.rush).toBe(false);
    expect(r.confirmBelowFloor).toBe(false);
    expect(r.reprice).toBe(false);
    expect(r.options[1].summary).toBe("Everything");
  });

  test.each([
    ["an option with no items", { ...good, options: [good.options[0], { name: "Empty", items: [] }] }, "options.1.items", /at least one item/],
    ["zero hours", { ...good, items: [{ name: "Home page", minutes: 0 }, ...good.items.slice(1)] }, "items.0.minutes", /more than zero/],
    ["negative hours", { ...good, items: [{ name: "Home page", minutes: -60 }, ...good.items.slice(1)] }, "items.0.minutes", /more than zero/],
    ["a duplicate option name (any case)", { ...good, options: [good.options[0], { name: " essentials ", items: [0, 1, 2] }] }, "options.1.name", /already called/],
    ["a duplicate item name", { ...good, items: [...good.items, { name: "home page", minutes: 60 }] }, "items.3.name", /already item 1/],
    ["two options with the same items", { ...good, options: [good.options[0], { name: "Other", items: [1, 0] }] }, "options.1.items", /Same items as "Essentials"/],
    ["an item that does not exist", { ...good, options: [good.options[0], { name: "Other", items: [0, 7] }] }, "options.1.items", /no item 8/],
    ["a typed price of $0", { ...good, options: [good.options[0], { name: "Standard", items: [0, 1, 2], price: 0 }] }, "options.1.price", /^Enter a price above zero, or leave it empty to price from the rate card$/],
    ["one option only", { ...good, options: [good.options[0]] }, "options", /two or three/],
    ["four options", { ...good, options: [...good.options, { name: "C", items: [2] }, { name: "D", items: [1] }] }, "options", /two or three/],
    ["no items", { ...good, items: [] }, "items", /at least one scope item/],
    ["a blank option name", { ...good, options: [good.options[0], { name: "  ", items: [2] }] }, "options.1.name", /name/],
    ["an impossible expiry", { ...good, expiresOn: "2027-02-30" }, "expiresOn", /real date/],
    ["a negative typed price", { ...good, options: [good.options[0], { ...good.options[1], price: -5 }] }, "options.1.price", /negative/],
  ])("%s → a field error on %s", (_what, input, field, message) => {
    const errors = errorsOf(input);
    expect(Object.keys(errors)).toContain(field);
    expect(errors[field].join(" ")).toMatch(message);
  });
});

describe("the answer and the share switch", () => {
  test.each([
    [{ answer: "choose", optionId: 3 }, true],
    [{ answer: "decline", reason: "wrong_timing" }, true],
    [{ answer: "decline", reason: "wrong_person" }, false],
    [{ answer: "decline" }, false],
    [{ answer: "maybe" }, false],
    [{ answer: "choose", optionId: 0 }, false],
  ])("%j parses: %s", (input, ok) => {
    expect(proposalAnswerSchema.safeParse(input).success).toBe(ok);
  });

  test("share takes a boolean only", () => {
    expect(shareProposalSchema.safeParse({ shared: true }).success).toBe(true);
    expect(shareProposalSchema.safeParse({ shared: "yes" }).success).toBe(false);
  });
});
