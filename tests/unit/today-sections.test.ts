// Today in sections (lib/today/sections.ts): a page of each kind, the rest counted, pages from the address.
import { describe, expect, test } from "vitest";
import { TODAY_PAGE_SIZE, moreWords, pageOf, showingWords, todayPageHref, todaySections, todayView } from "@/lib/today/sections";
import { todayPagesSchema } from "@/lib/today/schemas";
import { orderToday } from "@/lib/today/order";
import type { TodayItem, TodayKind, TodayList } from "@/lib/today/types";

const item = (kind: TodayKind, n: number, days = n): TodayItem => ({
  key: `${kind}:x:${n}`,
  kind,
  clientId: n,
  clientName: `C${n}`,
  quoteId: null,
  title: `${kind} ${n}`,
  reason: "",
  since: "2026-11-01",
  days,
  fingerprint: "",
  actions: [],
});
const many = (kind: TodayKind, count: number) => Array.from({ length: count }, (_, i) => item(kind, i + 1));

describe("todaySections", () => {
  test("one section per kind present, in the order to do them, each a page of its most pressing items", () => {
    const items = orderToday([...many("raise_due", 25), ...many("answer_owed", 3), ...many("follow_up", 12)]);
    const sections = todaySections(items, {}, 10);
    expect(sections.map((s) => s.kind)).toEqual(["answer_owed", "follow_up", "raise_due"]);
    expect(sections.map((s) => [s.items.length, s.total, s.pages])).toEqual([
      [3, 3, 1],
      [10, 12, 2],
      [10, 25, 3],
    ]);
    // most days first within a kind
    expect(sections[2].items[0].days).toBe(25);
  });

  test("a page asked for shows its slice; past the last page, the last; below 1, the first", () => {
    const items = orderToday(many("raise_due", 25));
    const [third] = todaySections(items, { raise_due: 3 }, 10);
    expect([third.page, third.start, third.items.length]).toEqual([3, 20, 5]);
    expect(third.items.map((i) => i.days)).toEqual([5, 4, 3, 2, 1]);
    expect(todaySections(items, { raise_due: 99 }, 10)[0].page).toBe(3);
    expect(pageOf(items, 0, 10).page).toBe(1);
    expect(pageOf([], 4)).toEqual({ items: [], page: 1, pages: 1, start: 0, total: 0 });
  });

  test("by default a section shows TODAY_PAGE_SIZE items", () => {
    expect(todaySections(many("follow_up", 40))[0].items).toHaveLength(TODAY_PAGE_SIZE);
  });

  test("the view counts every open and marked item, whatever it shows", () => {
    const list: TodayList = {
      today: "2026-12-01",
      items: orderToday(many("follow_up", 40)),
      hidden: many("walk_away", 13).map((i) => ({ item: i, state: "done" as const, snoozedUntil: null })),
    };
    const view = todayView(list, { hidden: 2 }, 10);
    expect(view.open).toBe(40);
    expect(view.sections[0].items).toHaveLength(10);
    expect([view.hidden.total, view.hidden.page, view.hidden.items.length]).toEqual([13, 2, 3]);
  });
});

describe("words and links", () => {
  test("the rest is counted in plain words, one and many", () => {
    expect(moreWords("follow_up", 12)).toBe("12 more follow-ups due");
    expect(moreWords("raise_due", 1)).toBe("1 more raise due");
    expect(moreWords("walk_away", 2)).toBe("2 more clients to walk away from");
    expect(moreWords("hidden", 1)).toBe("1 more marked item");
    expect(showingWords({ start: 10, items: [1, 2, 3], total: 13 })).toBe("Showing 11\u201313 of 13.");
  });

  test("a page link keeps the other sections' pages, leaves page 1 out and lands on its section", () => {
    expect(todayPageHref({}, "raise_due", 2)).toBe("/?raise_due=2#today-raise_due");
    expect(todayPageHref({ follow_up: 3, raise_due: 2 }, "raise_due", 1)).toBe("/?follow_up=3#today-raise_due");
    expect(todayPageHref({ raise_due: 2, answer_owed: 4 }, "hidden", 2)).toBe("/?answer_owed=4&hidden=2&raise_due=2#today-hidden");
  });
});

describe("todayPagesSchema", () => {
  test("reads a page per section; a malformed or out-of-range value is the first page; other params are ignored", () => {
    expect(todayPagesSchema.parse({ raise_due: "3", follow_up: ["2", "5"], hidden: "x", answer_owed: "0", walk_away: "-2", range: "90d" })).toEqual({
      raise_due: 3,
      follow_up: 2,
      hidden: undefined,
      answer_owed: undefined,
      walk_away: undefined,
      stop_chasing: undefined,
      payment_overdue: undefined,
    });
    expect(todayPagesSchema.parse({ raise_due: "2.5" }).raise_due).toBeUndefined();
  });
});
