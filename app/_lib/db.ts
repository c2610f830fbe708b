import "server-only";
import { connection } from "next/server";
import { readyDb } from "@/db/connection";

/** The database for a request: marks the route dynamic (never prerendered) and waits for migrations. */
export async function requestDb() {
  await connection();
  return readyDb();
}
