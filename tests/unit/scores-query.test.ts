import { describe, expect, test } from "vitest";
import { fieldErrors } from "@/lib/schemas";
import { SCORE_FIELDS, SCORES_PAGE_DEFAULT, scoreBody, scoresPage, scoresQueryInput, scoresQuerySchema, scoresQueryString } from "@/lib/scores-query";
import type { FitAssessment, Verdict } from "@/lib/worth";

const parse = (qs: string) => scoresQuerySchema.safeParse(scoresQueryInput(new URLSearchParams(qs)));
const errorsOf = (qs: string) => {
  const r = parse(qs);
  if (r.success) throw new Error(`expected ${qs} to be refused`);
  return fieldErrors(r.error);
};

/** A score with only what paging reads filled in (the rest is never looked at by scoresPage). */
const row = (id: number, verdict: Verdict) => ({ client: { id, name: `C${id}` }, assessment: { clientId: id, verdict, score: id % 100 } as FitAssessment });
const VERDICTS: Verdict[] = ["keep", "set_boundaries", "walk_away", "not_enough_data"];
// ids with gaps (deleted clients), sorted as scoreAllClients returns them
const book = Array.from({ length: 250 }, (_, i) => row(i * 3 + 1, VERDICTS[i % 4]));

describe("the scores query", () => {
  test("defaults: the first 100, every field, any verdict", () => {
    const r = parse("");
    expect(r.success && r.data).toEqual({ limit: SCORES_PAGE_DEFAULT });
  });

  test("limit, after, fields (canonical order, once each, repeated params joined) and verdict", () => {
    const r = parse("limit=5&after=12&fields=verdict, score&fields=score,client&verdict=walk_away");
    expect(r.success && r.data).toEqual({ limit: 5, after: 12, fields: ["score", "verdict"], verdict: "walk_away" });
  });

  test.each([
    ["limit=0", "limit"],
    ["limit=1001", "limit"],
    ["limit=ten", "limit"],
    ["limit=-1", "limit"],
    ["limit=1.5", "limit"],
    ["limit=", "limit"],
    ["limit=5&limit=6", "limit"],
    ["after=abc", "after"],
    ["after=-3", "after"],
    ["after=1e3", "after"],
    ["fields=score,colour", "fields"],
    ["verdict=great", "verdict"],
    ["page=2", "_form"],
  ])("%s is refused on %s, in words", (qs, field) => {
    const errors = errorsOf(qs);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field][0]).toMatch(/[a-z]{3,}/);
  });

  test("an unknown field is named, with the fields there are", () => {
    expect(errorsOf("fields=score,colour").fields[0]).toBe(`No such field: colour. Choose from ${SCORE_FIELDS.join(", ")}`);
    expect(errorsOf("page=2")._form[0]).toMatch(/Unknown parameter: use limit, after, fields, verdict/);
  });

  test("the query string is stable: the same query, the same key and link", () => {
    const a = parse("verdict=keep&fields=score,verdict&limit=20");
    const b = parse("limit=20&fields=verdict,score&verdict=keep");
    if (!a.success || !b.success) throw new Error("parse");
    expect(scoresQueryString(a.data)).toBe(scoresQueryString(b.data));
    expect(scoresQueryString(a.data, 40)).toBe("limit=20&after=40&fields=score,verdict&verdict=keep");
  });
});

describe("a page of the book's scores", () => {
  test("walking the next links visits every client once, in id order, whatever the page size", () => {
    for (const limit of [1, 7, 100, 250, 1000]) {
      const seen: number[] = [];
      let after: number | undefined;
      let pages = 0;
      for (;;) {
        const page = scoresPage(book, { limit, after });
        pages++;
        expect(page.total).toBe(book.length);
        expect(page.rows.length).toBeLessThanOrEqual(limit);
        seen.push(...page.rows.map((r) => r.client.id));
        if (page.nextAfter == null) break;
        after = page.nextAfter;
      }
      expect(seen).toEqual(book.map((r) => r.client.id));
      expect(pages).toBe(Math.max(1, Math.ceil(book.length / limit)));
    }
  });

  test("after an id that is gone (or between ids) the page starts at the next client", () => {
    expect(scoresPage(book, { limit: 2, after: 5 }).rows.map((r) => r.client.id)).toEqual([7, 10]);
    expect(scoresPage(book, { limit: 2, after: 0 }).rows.map((r) => r.client.id)).toEqual([1, 4]);
    const end = scoresPage(book, { limit: 2, after: 10_000 });
    expect(end).toEqual({ rows: [], total: 250, nextAfter: null });
  });

  test("a verdict filter counts and pages only that verdict", () => {
    const page = scoresPage(book, { limit: 10, verdict: "walk_away" });
    expect(page.total).toBe(book.filter((r) => r.assessment.verdict === "walk_away").length);
    expect(page.rows.every((r) => r.assessment.verdict === "walk_away")).toBe(true);
    const next = scoresPage(book, { limit: 10, verdict: "walk_away", after: page.nextAfter! });
    expect(next.rows[0].client.id).toBeGreaterThan(page.rows[9].client.id);
    expect(next.rows.every((r) => r.assessment.verdict === "walk_away")).toBe(true);
  });

  test("a score's body: client always, then only the fields asked for; all of them by default", () => {
    const r = row(4, "keep");
    expect(scoreBody(r, ["score", "verdict"])).toEqual({ client: { id: 4, name: "C4" }, score: 4, verdict: "keep" });
    expect(scoreBody(r, [])).toEqual({ client: { id: 4, name: "C4" } });
    expect(scoreBody(r)).toEqual({ client: { id: 4, name: "C4" }, ...r.assessment });
  });
});
