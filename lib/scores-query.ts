/**
 * GET /api/v1/scores: the whole book's scores a page at a time, with only the fields asked for.
 * Pure: the query's schema, the page cut from the book's scores (clients by id), the next page's link.
 */
import { z } from "@/lib/zod";
import { VERDICT_LABELS, type FitAssessment, type Verdict } from "./worth";

/** Top-level keys of a score, in the order a score lists them; `client` ({ id, name }) is always there. */
export const SCORE_FIELDS = [
  "clientId",
  "score",
  "verdict",
  "verdictLabel",
  "confidence",
  "evidenceCount",
  "criteria",
  "redFlags",
  "summary",
  "trend",
  "trendSummary",
  "asOf",
  "stopChasing",
  "settling",
] as const satisfies readonly (keyof FitAssessment)[];
export type ScoreField = (typeof SCORE_FIELDS)[number];
// every key of an assessment is a field someone can ask for (a new one fails to compile until listed)
const everyKeyListed: [Exclude<keyof FitAssessment, ScoreField>] extends [never] ? true : never = true;
void everyKeyListed;

export const SCORES_PAGE_DEFAULT = 100;
export const SCORES_PAGE_MAX = 1000;
export const SCORES_QUERY_KEYS = ["limit", "after", "fields", "verdict"] as const;
const VERDICTS = Object.keys(VERDICT_LABELS) as [Verdict, ...Verdict[]];

const once = (name: string) => ({ error: `Give ${name} once` });

export const scoresQuerySchema = z.strictObject(
  {
    limit: z
      .string(once("limit"))
      .regex(/^\d{1,7}$/, `A whole number from 1 to ${SCORES_PAGE_MAX}`)
      .transform(Number)
      .pipe(z.number().int().min(1, `At least 1`).max(SCORES_PAGE_MAX, `At most ${SCORES_PAGE_MAX} a page`))
      .default(SCORES_PAGE_DEFAULT),
    /** the last client id of the previous page: this page starts after it */
    after: z
      .string(once("after"))
      .regex(/^\d{1,15}$/, "A client id (a whole number): the `next` link of the previous page has it")
      .transform(Number)
      .optional(),
    fields: z
      .string()
      .transform((raw, ctx) => {
        const names = raw.split(",").map((s) => s.trim()).filter(Boolean);
        const unknown = [...new Set(names.filter((n) => n !== "client" && !(SCORE_FIELDS as readonly string[]).includes(n)))];
        if (unknown.length) {
          ctx.addIssue({ code: "custom", message: `No such field: ${unknown.join(", ")}. Choose from ${SCORE_FIELDS.join(", ")}` });
          return z.NEVER;
        }
        // canonical order, each once; `client` alone (or nothing) is a list of names
        return SCORE_FIELDS.filter((f) => names.includes(f));
      })
      .optional(),
    verdict: z.enum(VERDICTS, { error: `One of ${VERDICTS.join(", ")}` }).optional(),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown parameter: use ${SCORES_QUERY_KEYS.join(", ")}` : undefined) },
);
export type ScoresQuery = z.output<typeof scoresQuerySchema>;

/**
 * The query string as the schema reads it: `fields` may be repeated (its lists are joined); another
 * parameter given twice stays a list, which the schema refuses by name.
 */
export function scoresQueryInput(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = key === "fields" ? values.join(",") : values.length === 1 ? values[0] : values;
  }
  return out;
}

/** The same query in a stable order: the cache key of a page and the base of its `next` link. */
export function scoresQueryString(q: ScoresQuery, after = q.after): string {
  const sp = new URLSearchParams();
  sp.set("limit", String(q.limit));
  if (after != null) sp.set("after", String(after));
  if (q.fields) sp.set("fields", q.fields.join(","));
  if (q.verdict) sp.set("verdict", q.verdict);
  return sp.toString().replaceAll("%2C", ",");
}

interface Scored {
  client: { id: number; name: string };
  assessment: FitAssessment;
}

export interface ScoresPage<T extends Scored> {
  rows: T[];
  /** clients matching the query in the whole book (all pages) */
  total: number;
  /** the `after` of the next page; null on the last page */
  nextAfter: number | null;
}

/** Cut one page from the book's scores (sorted by client id): the verdict filter, then the clients after `after`. */
export function scoresPage<T extends Scored>(byId: readonly T[], q: Pick<ScoresQuery, "limit" | "after" | "verdict">): ScoresPage<T> {
  const matching = q.verdict ? byId.filter((s) => s.assessment.verdict === q.verdict) : byId;
  // first client with id > after (binary search: the list is sorted by id)
  let start = 0;
  if (q.after != null) {
    let hi = matching.length;
    while (start < hi) {
      const mid = (start + hi) >> 1;
      if (matching[mid].client.id <= q.after) start = mid + 1;
      else hi = mid;
    }
  }
  const rows = matching.slice(start, start + q.limit);
  const more = start + q.limit < matching.length;
  return { rows, total: matching.length, nextAfter: more && rows.length ? rows[rows.length - 1].client.id : null };
}

/** One score as the API gives it: `client` ({ id, name }), then the fields asked for (all of them by default). */
export function scoreBody({ client, assessment }: Scored, fields?: readonly ScoreField[]): Record<string, unknown> {
  if (!fields) return { client: { id: client.id, name: client.name }, ...assessment };
  const out: Record<string, unknown> = { client: { id: client.id, name: client.name } };
  for (const f of fields) out[f] = assessment[f];
  return out;
}
