/** Today's order and the done / snoozed / not relevant marks, on fixed days. */
import { beforeEach, describe, expect, test } from "vitest";
import type { TodayItemState } from "@/lib/domain";
import { answerOwedItem, applyStates, defaultSnoozeUntil, orderToday, stateHides, type TodayItem, type TodayKind } from "@/lib/today";
import { todayItemKeySchema, todayItemStateSchema } from "@/lib/today/schemas";
import { makeClient, makeEvent, makeQuote, resetIds } from "./fixtures";

const TODAY = "2025-06-30";
beforeEach(() => resetIds());

const item = (key: string, kind: TodayKind, days: number, since = "2025-06-01", fingerprint = "f1"): TodayItem => ({
  key,
  kind,
  clientId: 1,
  clientName: "Acme",
  quoteId: null,
  title: key,
  reason: "",
  since,
  days,
  fingerprint,
  actions: [],
});
const mark = (itemKey: string, state: TodayItemState["state"], fingerprint = "f1", snoozedUntil: string | null = null): TodayItemState => ({
  itemKey,
  state,
  fingerprint,
  snoozedUntil,
  createdAt: "2025-06-30T08:00:00.000Z",
});

describe("the order to do things in", () => {
  test("answers owed (oldest first), stop chasing, follow ups, payments (most days late first), walk away, raises", () => {
    const items = [
      item("raise:client:1", "raise_due", 400),
      item("walk_away:client:2", "walk_away", 90),
      item("payment:quote:3", "payment_overdue", 5),
      item("payment:quote:4", "payment_overdue", 40),
      item("chase:quote:5", "follow_up", 9),
      item("chase:quote:6", "stop_chasing", 30),
      item("answer:quote:7", "answer_owed", 1),
      item("answer:quote:8", "answer_owed", 12),
    ];
    expect(orderToday(items).map((i) => i.key)).toEqual([
      "answer:quote:8",
      "answer:quote:7",
      "chase:quote:6",
      "chase:quote:5",
      "payment:quote:4",
      "payment:quote:3",
      "walk_away:client:2",
      "raise:client:1",
    ]);
  });

  test("ties: the earlier start, then the key; the input is not changed", () => {
    const items = [item("answer:quote:2", "answer_owed", 3, "2025-06-27"), item("answer:quote:1", "answer_owed", 3, "2025-06-27"), item("answer:quote:3", "answer_owed", 3, "2025-06-26")];
    const before = items.map((i) => i.key);
    expect(orderToday(items).map((i) => i.key)).toEqual(["answer:quote:3", "answer:quote:1", "answer:quote:2"]);
    expect(items.map((i) => i.key)).toEqual(before);
  });
});

describe("done, snoozed, not relevant", () => {
  test.each([
    { name: "done, facts unchanged", state: mark("k", "done"), fingerprint: "f1", today: TODAY, hides: true },
    { name: "not relevant, facts unchanged", state: mark("k", "not_relevant"), fingerprint: "f1", today: TODAY, hides: true },
    { name: "done, facts changed", state: mark("k", "done"), fingerprint: "f2", today: TODAY, hides: false },
    { name: "snoozed until tomorrow", state: mark("k", "snoozed", "f1", "2025-07-01"), fingerprint: "f1", today: TODAY, hides: true },
    { name: "snooze returns on its day", state: mark("k", "snoozed", "f1", "2025-07-01"), fingerprint: "f1", today: "2025-07-01", hides: false },
    { name: "snooze returns after its day", state: mark("k", "snoozed", "f1", "2025-07-01"), fingerprint: "f1", today: "2025-07-09", hides: false },
    { name: "snoozed, facts changed before the day", state: mark("k", "snoozed", "f1", "2025-07-07"), fingerprint: "f2", today: TODAY, hides: false },
    { name: "snoozed with no day does not hide", state: mark("k", "snoozed", "f1", null), fingerprint: "f1", today: TODAY, hides: false },
  ])("$name", ({ state, fingerprint, today, hides }) => {
    expect(stateHides({ fingerprint }, state, today)).toBe(hides);
  });

  test("a snooze with no day lasts a week", () => expect(defaultSnoozeUntil(TODAY)).toBe("2025-07-07"));

  test("applyStates: open, hidden with their state, stale marks", () => {
    const items = [item("a:quote:1", "answer_owed", 1), item("b:quote:2", "follow_up", 9, "2025-06-01", "f2"), item("c:quote:3", "walk_away", 5)];
    const states = [mark("a:quote:1", "snoozed", "f1", "2025-07-02"), mark("b:quote:2", "done", "f1"), mark("gone:quote:9", "done")];
    const out = applyStates(items, states, TODAY);
    expect(out.items.map((i) => i.key)).toEqual(["b:quote:2", "c:quote:3"]);
    expect(out.hidden).toEqual([{ item: items[0], state: "snoozed", snoozedUntil: "2025-07-02" }]);
    expect(out.stale.sort()).toEqual(["b:quote:2", "gone:quote:9"]);
  });

  test("done returns when a new ask lands (the fingerprint names the last step)", () => {
    const client = makeClient({ id: 1, name: "Acme" });
    const ask = makeEvent({ kind: "discount_request", occurredOn: "2025-06-20", percentBp: 1000 });
    const answer = makeEvent({ kind: "my_answer", occurredOn: "2025-06-21", answer: "held_firm" });
    const again = makeEvent({ kind: "client_counter", occurredOn: "2025-06-28", amount: 90000 });
    const first = answerOwedItem(makeQuote({ id: 7, status: "negotiating", events: [ask] }), client, TODAY)!;
    const marks = [mark(first.key, "done", first.fingerprint)];
    expect(applyStates([first], marks, TODAY).items).toEqual([]);
    const later = answerOwedItem(makeQuote({ id: 7, status: "negotiating", events: [ask, answer, again] }), client, TODAY)!;
    expect(later.key).toBe(first.key);
    const out = applyStates([later], marks, TODAY);
    expect(out.items).toEqual([later]);
    expect(out.stale).toEqual([first.key]);
  });
});

describe("inputs", () => {
  test.each([
    [{ state: "done" }, true],
    [{ state: "snoozed" }, true],
    [{ state: "snoozed", snoozedUntil: "2025-07-03" }, true],
    [{ state: "snoozed", snoozedUntil: "" }, true],
    [{ state: "not_relevant", snoozedUntil: null }, true],
    [{ state: "done", snoozedUntil: "2025-07-03" }, false],
    [{ state: "snoozed", snoozedUntil: "next week" }, false],
    [{ state: "finished" }, false],
    [{}, false],
  ])("%j → valid: %s", (input, ok) => expect(todayItemStateSchema.safeParse(input).success).toBe(ok));

  test.each([
    ["answer:quote:12", true],
    ["walk_away:client:3", true],
    ["raise:client:3:2", true],
    ["raise:client:3:", false],
    ["answer:quote:", false],
    ["answer:quote:12; DROP", false],
    ["../../etc", false],
  ])("key %s → valid: %s", (key, ok) => expect(todayItemKeySchema.safeParse(key).success).toBe(ok));
});
