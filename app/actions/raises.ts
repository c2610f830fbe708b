"use server";
import { planRaiseSchema, raiseOutcomeSchema } from "@/lib/raise-schemas";
import { todayFor } from "@/server/clock";
import { getRatePlan, planRaise, setRaiseOutcome } from "@/server/raises";
import { getService } from "@/server/services";
import { getSettings } from "@/server/settings";
import { formAction, formActionFor } from "./_lib/safe-action";

/** "Record the raise": the rate is typed in the service's currency (else the book's when the service is unknown). */
export const planRaiseAction = formAction({
  schema: planRaiseSchema,
  currency: (db, values) => {
    const id = Number(values.serviceId);
    try {
      return getService(db, id).currency;
    } catch {
      return getSettings(db).currency;
    }
  },
  run: (db, input) => planRaise(db, input, todayFor(db)),
  message: "Raise recorded.",
});

/** The client's answer to a raise (bound: the plan's id); a negotiated rate is typed in the plan's currency. */
export const raiseOutcomeAction = formActionFor({
  schema: raiseOutcomeSchema,
  currency: (db, _values, id) => getRatePlan(db, id).currency,
  run: (db, input, id) => setRaiseOutcome(db, id, input, todayFor(db)),
  message: "Answer recorded.",
});
