import { allScoresJson } from "@/server/scores";
import { handler } from "../_lib/http";

/** Every client's assessment; the serialized body is kept until the next write (it is the costly part). */
export const GET = handler((_req, db) => new Response(allScoresJson(db), { headers: { "content-type": "application/json" } }));
