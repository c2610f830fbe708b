import { scoreAllClients } from "@/db/scores";
import { handler } from "../_lib/http";

export const GET = handler((_req, db) => ({
  scores: scoreAllClients(db).map(({ client, assessment }) => ({ client: { id: client.id, name: client.name }, ...assessment })),
}));
