import { exchangeRateSchema } from "@/lib/time-and-money-schemas";
import { todayFor } from "@/server/clock";
import { addRate, listRates } from "@/server/exchange-rates";
import { getSettings } from "@/server/settings";
import { handler, parseBody } from "../_lib/http";

/** effectiveFrom may be left out: the book's today */
const addRateSchema = exchangeRateSchema.partial({ effectiveFrom: true });

export const GET = handler((_req, db) => ({ bookCurrency: getSettings(db).currency, rates: listRates(db) }));
export const POST = handler(async (req, db) => {
  const input = await parseBody(req, addRateSchema);
  return addRate(db, { ...input, effectiveFrom: input.effectiveFrom ?? todayFor(db) });
}, { status: 201 });
