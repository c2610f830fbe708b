/** The words of a proposal's answer (the client's page, the timeline) and the answer form's parsing. Pure. */
import { describe, expect, test } from "vitest";
import { answerAcknowledgement, chosenOption, effortWords, proposalAnswerTitle, proposalSentTitle } from "@/lib/proposals/answer-words";
import { parseAnswerForm } from "@/lib/proposals/answer-form";

const options = [
  { id: 1, name: "Essentials", price: 200_000 },
  { id: 2, name: "Standard", price: 360_000 },
  { id: 3, name: "Complete", price: 520_000 },
];
const unanswered = { chosenOptionId: null, declineReason: null, declineNote: null, answeredOn: null, options, currency: "USD" };

describe("timeline words", () => {
  test("sent: the count and every option with its price, in the book's locale", () => {
    expect(proposalSentTitle({ options, currency: "USD" })).toBe("Proposal sent (3 options: Essentials $2,000.00 · Standard $3,600.00 · Complete $5,200.00)");
    expect(proposalSentTitle({ options: options.slice(0, 2), currency: "EUR" }, "de-DE")).toBe("Proposal sent (2 options: Essentials 2.000,00\u00a0€ · Standard 3.600,00\u00a0€)");
  });
  test("answered: chosen with its price, or declined with the reason and the note; nothing before an answer", () => {
    expect(proposalAnswerTitle(unanswered)).toBeNull();
    expect(proposalAnswerTitle({ ...unanswered, chosenOptionId: 2, answeredOn: "2026-12-01" })).toBe("Chose Standard ($3,600.00) through the proposal link");
    expect(proposalAnswerTitle({ ...unanswered, declineReason: "wrong_timing", declineNote: " Back in spring ", answeredOn: "2026-12-01" })).toBe("Declined the proposal: wrong timing — Back in spring");
    expect(proposalAnswerTitle({ ...unanswered, declineReason: "price", answeredOn: "2026-12-01" })).toBe("Declined the proposal: price");
  });
  test("a chosen option that is not (or no longer) among the options is not made up", () => {
    expect(chosenOption({ ...unanswered, chosenOptionId: 9, answeredOn: "2026-12-01" })).toBeNull();
    expect(chosenOption({ ...unanswered, chosenOptionId: 2 })).toBeNull();
  });
});

describe("the client's page after answering", () => {
  test("thanks by name; without a business name never a made-up one", () => {
    const chose = { ...unanswered, chosenOptionId: 2, answeredOn: "2026-12-01" };
    expect(answerAcknowledgement(chose, "Studio Lumen")).toEqual({ title: "You chose Standard — thank you.", detail: "Studio Lumen will be in touch about the next steps." });
    const anonymous = answerAcknowledgement(chose, "  ")!;
    expect(anonymous.detail).toBe("You will hear back soon about the next steps.");
    expect(JSON.stringify(anonymous)).not.toMatch(/Walkaway|user/i);
    expect(answerAcknowledgement({ ...unanswered, declineReason: "wrong_fit", declineNote: "Too big for us", answeredOn: "2026-12-01" }, "Studio Lumen")).toEqual({
      title: "You declined this proposal — thank you for letting Studio Lumen know.",
      detail: "Your reason: wrong fit — “Too big for us”.",
    });
    expect(answerAcknowledgement(unanswered, "Studio Lumen")).toBeNull();
  });
  test("estimated effort in hours, one decimal at most", () => {
    expect(effortWords(2400)).toBe("Estimated effort: 40 h");
    expect(effortWords(90)).toBe("Estimated effort: 1.5 h");
    expect(effortWords(100)).toBe("Estimated effort: 1.7 h");
    expect(effortWords(90, "de-DE")).toBe("Estimated effort: 1,5 h");
  });
});

describe("the answer form (plain HTML post)", () => {
  const f = (o: Record<string, string>) => parseAnswerForm(new URLSearchParams(o));
  test("choose an option by its id", () => {
    expect(f({ answer: "choose", optionId: "12" })).toEqual({ ok: true, input: { answer: "choose", optionId: 12 } });
    expect(f({ answer: "choose", optionId: "abc" })).toEqual({ ok: false, problem: "option" });
    expect(f({ answer: "choose" })).toEqual({ ok: false, problem: "option" });
    expect(f({ answer: "choose", optionId: "0" })).toEqual({ ok: false, problem: "option" });
  });
  test("decline needs one of the four reasons; an empty note is none", () => {
    expect(f({ answer: "decline", reason: "price", note: "" })).toEqual({ ok: true, input: { answer: "decline", reason: "price", note: null } });
    expect(f({ answer: "decline", reason: "other", note: "  Went in-house " })).toEqual({ ok: true, input: { answer: "decline", reason: "other", note: "Went in-house" } });
    expect(f({ answer: "decline" })).toEqual({ ok: false, problem: "reason" });
    // wrong_person is a quote's reason, not one the client can give
    expect(f({ answer: "decline", reason: "wrong_person" })).toEqual({ ok: false, problem: "reason" });
    expect(f({ answer: "decline", reason: "price", note: "x".repeat(1001) })).toEqual({ ok: false, problem: "note" });
    expect(f({})).toEqual({ ok: false, problem: "reason" });
  });
});
