/** The dashboard's Proposals figures (lib/dashboard/proposals.ts): places, names, haggle shares, declines, zero samples. */
import { describe, expect, test } from "vitest";
import { haggleText, optionPlace, proposalFigures } from "@/lib/dashboard";
import { answeredText } from "@/lib/dashboard/proposals";
import type { ProposalDeclineReason, QuoteWithEvents } from "@/lib/domain";
import type { ProposalWithOptions } from "@/lib/proposals/types";
import { makeEvent, makeQuote } from "./fixtures";

let nextId = 1;
/** A sent proposal on quote `quoteId` with options named `names` (positions 0..n-1), optionally answered. */
function proposal(quoteId: number, names: string[], answer: { chose?: number; declined?: ProposalDeclineReason; sent?: boolean } = {}): ProposalWithOptions {
  const id = nextId++;
  const options = names.map((name, position) => ({ id: id * 10 + position, proposalId: id, position, name, summary: null, minutes: 600 * (position + 1), price: 100000 * (position + 1), priceSource: "rate_card" as const, rateCardPrice: 100000 * (position + 1), itemIds: [] }));
  return {
    id,
    quoteId,
    currency: "USD",
    unit: "hour",
    floorRate: 7000,
    targetRate: 10000,
    marketRate: 12000,
    rush: false,
    rushMultiplierPct: 150,
    hoursPerDay: 8,
    minimumFee: 0,
    belowFloorConfirmed: false,
    intro: null,
    terms: null,
    expiresOn: "2025-12-31",
    sentOn: answer.sent === false ? null : "2025-02-01",
    shareToken: null,
    chosenOptionId: answer.chose != null ? options[answer.chose].id : null,
    declineReason: answer.declined ?? null,
    declineNote: null,
    answeredOn: answer.chose != null || answer.declined ? "2025-02-05" : null,
    answeredAt: null,
    createdAt: "2025-02-01T00:00:00.000Z",
    updatedAt: "2025-02-01T00:00:00.000Z",
    items: [],
    options,
  };
}
const haggled = (id: number, o: Partial<QuoteWithEvents> = {}) => makeQuote({ id, ...o, events: [makeEvent({ kind: "discount_request", percentBp: 1000 })] });
const plain = (id: number, o: Partial<QuoteWithEvents> = {}) => makeQuote({ id, ...o });

describe("optionPlace", () => {
  test.each([
    [0, [0, 1, 2], "first"],
    [1, [0, 1, 2], "middle"],
    [2, [0, 1, 2], "last"],
    [0, [0, 1], "first"],
    [1, [0, 1], "last"],
    [0, [0], "first"],
    [5, [2, 5, 9], "middle"],
  ] as const)("position %i of %j → %s", (position, positions, place) => {
    expect(optionPlace(position, positions)).toBe(place);
  });
});

describe("proposalFigures", () => {
  test("choices by place and by name; declines by reason; unsent and out-of-filter proposals left out", () => {
    const quotes = [1, 2, 3, 4, 5, 6].map((id) => plain(id));
    const proposals = [
      proposal(1, ["Essentials", "Standard", "Complete"], { chose: 1 }),
      proposal(2, ["Essentials", "Standard", "Complete"], { chose: 1 }),
      proposal(3, ["Basic", "standard ", "Premium"], { chose: 1 }),
      proposal(4, ["Lite", "Full"], { chose: 0 }),
      proposal(5, ["Lite", "Full"], { declined: "price" }),
      proposal(6, ["Lite", "Full"], { chose: 1, sent: false, declined: undefined }),
      // a proposal on a quote outside the filters
      proposal(99, ["Lite", "Full"], { chose: 1 }),
    ];
    // an unsent proposal that was never answered does not count; answered means it reached them
    proposals[5] = { ...proposals[5], chosenOptionId: null, answeredOn: null };
    const f = proposalFigures(quotes, proposals);
    expect(f.sent).toBe(5);
    expect(f.chosen).toBe(4);
    expect(f.declined).toBe(1);
    expect(f.byPlace.map((x) => [x.place, x.chosen])).toEqual([
      ["first", 1],
      ["middle", 3],
      ["last", 0],
    ]);
    expect(f.byName).toEqual([
      { name: "Standard", chosen: 3 },
      { name: "Lite", chosen: 1 },
    ]);
    expect(f.declines.map((r) => [r.reason, r.n])).toEqual([
      ["wrong_timing", 0],
      ["wrong_fit", 0],
      ["price", 1],
      ["other", 0],
    ]);
  });

  test("haggle shares: tier proposals against sent single-price quotes, each with its counts", () => {
    const quotes = [
      ...[1, 2, 3].map((id) => haggled(id)),
      ...[4, 5, 6, 7, 8, 9, 10].map((id) => plain(id)),
      ...Array.from({ length: 12 }, (_, i) => haggled(100 + i)),
      ...Array.from({ length: 8 }, (_, i) => plain(200 + i)),
      // a draft is no single-price quote the client saw
      plain(300, { status: "draft", sentOn: null }),
      // a client counter is haggling too
    ];
    const proposals = Array.from({ length: 10 }, (_, i) => proposal(i + 1, ["A", "B"]));
    const f = proposalFigures(quotes, proposals);
    expect([f.haggle.proposals.part, f.haggle.proposals.whole, f.haggle.proposals.bp, f.haggle.proposals.enough]).toEqual([3, 10, 3000, true]);
    expect([f.haggle.singlePrice.part, f.haggle.singlePrice.whole, f.haggle.singlePrice.bp]).toEqual([12, 20, 6000]);
    expect(f.haggle.comparison.enough).toBe(true);
    expect(haggleText(f.haggle, "en-US")).toBe("3 of 10 proposals were haggled (30%) vs 12 of 20 single-price quotes (60%).");
    const counter = makeQuote({ id: 1, events: [makeEvent({ kind: "client_counter", amount: 50000 })] });
    expect(proposalFigures([counter], [proposal(1, ["A", "B"])]).haggle.proposals.part).toBe(1);
  });

  test("zero and small samples: no share, 'too few to tell', counts kept", () => {
    const none = proposalFigures([], []);
    expect(none.sent).toBe(0);
    expect(none.haggle.proposals).toMatchObject({ part: 0, whole: 0, bp: null, enough: false });
    expect(none.byPlace.every((x) => x.chosen === 0)).toBe(true);
    expect(haggleText(none.haggle, "en-US")).toBe("0 of 0 proposals were haggled (too few to tell) vs 0 of 0 single-price quotes (too few to tell).");
    const few = proposalFigures([haggled(1), plain(2)], [proposal(1, ["A", "B"])]);
    expect(few.haggle.comparison.enough).toBe(false);
    expect(haggleText(few.haggle, "en-US")).toBe("1 of 1 proposal was haggled (too few to tell) vs 0 of 1 single-price quote (too few to tell).");
  });
});

describe("answeredText: proposals chosen and declined, in words", () => {
  test.each([
    [2, 1, "2 proposals chosen, 1 declined"],
    [1, 0, "1 proposal chosen"],
    [1, 3, "1 proposal chosen, 3 declined"],
    [0, 1, "1 proposal declined"],
    [0, 0, "None answered yet"],
  ])("%i chosen, %i declined: %s", (chosen, declined, text) => {
    expect(answeredText({ chosen, declined })).toBe(text);
  });
});
