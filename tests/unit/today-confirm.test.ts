/** What Today says after an action (lib/today/confirm.ts) and where an old dashboard bookmark goes (lib/today/home.ts). Fixed days, no clock. */
import { describe, expect, test } from "vitest";
import type { ScoreChange } from "@/lib/score-change";
import { EVERYTHING_CLEAR, markedBelow, scoreMoveWords, todayConfirm, todaySummary } from "@/lib/today";
import { oldDashboardBookmark } from "@/lib/today/home";

const change = (before: number | null, after: number | null, criteria: ScoreChange["criteria"] = []): ScoreChange => ({
  before,
  after,
  verdictBefore: "keep",
  verdict: "keep",
  verdictLabel: "Keep",
  criteria,
});
const chasing = (before: number, after: number) => ({ key: "chasing" as const, label: "Chasing", before, after });
const payment = (before: number, after: number) => ({ key: "payment" as const, label: "Payment", before, after });

describe("the score's move, in words", () => {
  test.each<{ name: string; client: string; c: ScoreChange | null; words: string | null }>([
    { name: "the criterion that moved, the fit score steady", client: "Kestrel", c: change(52, 52, [chasing(46, 26)]), words: "Kestrel\u2019s chasing 46 \u2192 26" },
    { name: "both moved", client: "Kestrel", c: change(52, 47, [chasing(46, 26)]), words: "Kestrel\u2019s chasing 46 \u2192 26, fit score 52 \u2192 47" },
    { name: "a name ending in s", client: "Pebble Apps", c: change(70, 64, [payment(81, 52)]), words: "Pebble Apps\u2019 payment 81 \u2192 52, fit score 70 \u2192 64" },
    { name: "nothing moved", client: "Acme", c: change(72, 72), words: "Acme\u2019s fit score stays 72" },
    { name: "a first score", client: "Acme", c: change(null, 60), words: "Acme\u2019s fit score now 60" },
    { name: "no change to tell", client: "Acme", c: null, words: null },
  ])("$name", ({ client, c, words }) => expect(scoreMoveWords(client, c)).toBe(words));
});

describe("what each action says", () => {
  test("marks name the item; a snooze says until when", () => {
    expect(todayConfirm.marked("done", "Answer Acme on \u201cLogo\u201d", null, "en-US")).toBe("Marked Answer Acme on \u201cLogo\u201d done."); // no quotes inside quotes
    expect(todayConfirm.marked("not_relevant", "Walk away from Acme", null, "en-US")).toBe("Marked \u201cWalk away from Acme\u201d not relevant.");
    expect(todayConfirm.marked("snoozed", "Walk away from Acme", "2026-12-08", "en-US")).toBe("Snoozed \u201cWalk away from Acme\u201d until Dec 8, 2026.");
    expect(todayConfirm.broughtBack("Walk away from Acme")).toBe("Brought back \u201cWalk away from Acme\u201d.");
    expect(todayConfirm.broughtBack(null)).toBe("Brought back.");
  });
  test("a follow-up says when Today reminds again", () => {
    expect(todayConfirm.followUp("2026-12-08", "en-US")).toBe("Follow-up logged: Today will remind you again on Dec 8, 2026 if they stay quiet.");
  });
  test("stopping a chase says how the score moved", () => {
    expect(todayConfirm.expired("Platform migration plan", "Kestrel", change(52, 52, [chasing(46, 26)]))).toBe("Marked \u201cPlatform migration plan\u201d expired; Kestrel\u2019s chasing 46 \u2192 26.");
    expect(todayConfirm.theyWalkedAway("Logo", "Acme", null)).toBe("Recorded: Acme walked away from \u201cLogo\u201d.");
  });
  test.each([
    [20, "Payment logged: 20 days late; Kestrel\u2019s payment 81 \u2192 52."],
    [1, "Payment logged: 1 day late; Kestrel\u2019s payment 81 \u2192 52."],
    [0, "Payment logged: on time; Kestrel\u2019s payment 81 \u2192 52."],
  ])("a payment %i days late", (days, words) => expect(todayConfirm.payment(days, "Kestrel", change(60, 60, [payment(81, 52)]))).toBe(words));
});

describe("an old dashboard bookmark on the home page", () => {
  test.each<{ sp: Record<string, string | string[] | undefined>; to: string | null }>([
    { sp: { range: "90d" }, to: "/dashboard?range=90d" },
    { sp: { from: "2026-01-01", to: "2026-06-30", serviceId: "2" }, to: "/dashboard?from=2026-01-01&to=2026-06-30&serviceId=2" },
    { sp: { leadSource: "referral", utm: "x" }, to: "/dashboard?leadSource=referral&utm=x" },
    { sp: { range: ["30d", "all"] }, to: "/dashboard?range=30d&range=all" },
    { sp: { range: "" }, to: "/dashboard?range=" },
    { sp: {}, to: null },
    { sp: { utm: "newsletter" }, to: null },
  ])("$sp → $to", ({ sp, to }) => expect(oldDashboardBookmark(sp)).toBe(to));
});

describe("the summary and the empty Today tell the truth", () => {
  test.each([
    [4, 0, "Dec 1, 2026: 4 things to do, most pressing first."],
    [1, 1, "Dec 1, 2026: 1 thing to do, most pressing first. 1 item you marked done, snoozed or not relevant is below."],
    [0, 3, "Dec 1, 2026: nothing open \u2014 3 items you marked done, snoozed or not relevant are below."],
    [0, 0, "Dec 1, 2026: nothing open."],
  ])("%i open, %i marked", (open, marked, words) => expect(todaySummary("2026-12-01", open, marked, "en-US")).toBe(words));

  test("nothing at all: every kind of item is covered, with no claim about marked items", () => {
    for (const kind of ["answer", "follow-up", "payment", "walk-away", "raise"]) expect(EVERYTHING_CLEAR).toContain(kind);
    expect(markedBelow(2)).not.toMatch(/no answer is owed/i);
  });
});
