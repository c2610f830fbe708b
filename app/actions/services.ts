"use server";
import { parseMoney } from "@/lib/money";
import { invalidInput } from "@/lib/errors";
import { fieldErrors, upsertServiceSchema } from "@/lib/schemas";
import { getSettings } from "@/server/settings";
import { changeServiceRates, deleteService, getService, updateService, createService } from "@/server/services";
import { serviceRatesChangeSchema } from "@/lib/rates";
import { z } from "@/lib/zod";
import { formAction, formActionFor, idAction } from "./_lib/safe-action";

/** Rates are typed in the service's own currency (the form's), else the book's. */
const currency = (db: Parameters<typeof getSettings>[0], values: Record<string, string>) => (values.currency || getSettings(db).currency).toUpperCase();

export const createServiceAction = formAction({ schema: upsertServiceSchema, currency, run: (db, input) => createService(db, input) });

export const updateServiceAction = formActionFor({ schema: upsertServiceSchema, currency, run: (db, input, id) => updateService(db, id, input) });

/** "Change rates from a date": a new history row; quotes dated before it keep their judgement. Rates are typed in the service's currency. */
export const changeServiceRatesAction = formActionFor({
  schema: serviceRatesChangeSchema,
  currency: (db, _values, id) => getService(db, id).currency,
  run: (db, input, id) => changeServiceRates(db, id, input),
  message: "Rates changed from that date.",
});

export const deleteServiceAction = idAction({ run: (db, id) => deleteService(db, id), message: "Service deleted." });

/** The floor-rate calculator's "apply": sets one service's floor, refused when it would exceed the target. */
export const applyFloorRateAction = formAction({
  schema: z.object({ serviceId: z.coerce.number({ error: "Choose a service" }).int().positive("Choose a service"), floorRate: z.string() }),
  run: (db, { serviceId, floorRate }) => {
    const s = getService(db, serviceId);
    const parsed = upsertServiceSchema.safeParse({ ...s, floorRate: parseMoney(floorRate, s.currency) });
    if (!parsed.success) {
      const f = fieldErrors(parsed.error);
      throw invalidInput((f.floorRate ?? f._form ?? ["That floor cannot be applied."]).join(" ") + " Raise the target rate first, or lower your goals.", f);
    }
    return updateService(db, s.id, parsed.data);
  },
  message: "Floor applied.",
});
