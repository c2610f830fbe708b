/**
 * GET /api/v1/scores: one page of the whole book's scores, serialized. The scores come from
 * `scoreAllClients` (patched after a write, rescored once a day); only the page is serialized, and only
 * the fields asked for. The first page of a query (what a dashboard or a script reads again and again) is
 * kept until the next write; the pages behind it are cut and serialized per request (a few ms).
 */
import type { DbOrTx } from "@/db/connection";
import { scoreBody, scoresPage, scoresQueryString, type ScoresQuery } from "@/lib/scores-query";
import { cachedRead } from "./cache";
import { todayFor } from "./clock";
import { scoreAllClients } from "./scores";

export const SCORES_PATH = "/api/v1/scores";

/** `{ scores, next, total }` as JSON text: `next` is the path of the next page (same query), null on the last. */
export function scoresPageJson(db: DbOrTx, query: ScoresQuery): string {
  const build = () => {
    const { rows, total, nextAfter } = scoresPage(scoreAllClients(db), query);
    const next = nextAfter == null ? null : `${SCORES_PATH}?${scoresQueryString(query, nextAfter)}`;
    return JSON.stringify({ scores: rows.map((r) => scoreBody(r, query.fields)), next, total });
  };
  return query.after == null ? cachedRead(db, `api:scores:${todayFor(db)}:${scoresQueryString(query)}`, build) : build();
}
