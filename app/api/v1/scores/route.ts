import { cachedRead, scoreAllClients } from "@/db/scores";
import { handler } from "../_lib/http";

/** Every client's assessment; the serialized body is kept until the next write (it is the costly part). */
export const GET = handler((_req, db) => {
  const body = cachedRead(db, "api:scores", () =>
    JSON.stringify({ scores: scoreAllClients(db).map(({ client, assessment }) => ({ client: { id: client.id, name: client.name }, ...assessment })) }),
  );
  return new Response(body, { headers: { "content-type": "application/json" } });
});
