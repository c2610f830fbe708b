import { scoresQueryInput, scoresQuerySchema } from "@/lib/scores-query";
import { scoresPageJson } from "@/server/scores-api";
import { handler, parseWith } from "../_lib/http";

/** The book's scores a page at a time (`limit`, `after`), with only the `fields` asked for, optionally of one `verdict`. */
export const GET = handler((req, db) => {
  const query = parseWith(scoresQuerySchema, scoresQueryInput(new URL(req.url).searchParams), "Invalid query");
  return new Response(scoresPageJson(db, query), { headers: { "content-type": "application/json" } });
});
