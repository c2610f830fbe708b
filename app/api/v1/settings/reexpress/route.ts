import { reexpressBook } from "@/server/currency";
import { backupDir } from "@/server/env";
import { handler, readJson } from "../../_lib/http";

/**
 * POST /api/v1/settings/reexpress {from, to, rate}: every amount in `from` (services and their rate
 * history, quotes, negotiation steps; interactions when `from` is the book's currency) becomes `to` at
 * `rate` ("0.79": 1 from = 0.79 to), each rounded once, half away from zero, to the minor unit. When
 * `from` is the book's currency the book moves to `to`. A backup first, then one transaction.
 */
export const POST = handler(async (req, db) => reexpressBook(db, await readJson(req), backupDir()));
