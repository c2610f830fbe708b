"use server";
import { exchangeRateSchema } from "@/lib/time-and-money-schemas";
import { addRate, deleteRate } from "@/server/exchange-rates";
import { formAction, idAction } from "./_lib/safe-action";

/** Settings → Exchange rates: keep a rate from a day on (the same currency and day replaces its rate). */
export const addExchangeRateAction = formAction({
  schema: exchangeRateSchema,
  run: (db, input) => addRate(db, input),
  message: "Rate kept.",
});

export const deleteExchangeRateAction = idAction({ run: (db, id) => deleteRate(db, id), message: "Rate deleted." });
