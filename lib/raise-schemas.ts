/**
 * Inputs of client rates and rate plans (API and the planner's forms). Money in minor units of the
 * service's currency, per the service's unit. What needs the book (today, the floor in force, whether
 * the client and service exist) is checked by server/raises.ts, with field errors too.
 */
import { z } from "@/lib/zod";
import { RAISE_OUTCOMES } from "./domain";
import { idSchema, isoDateSchema, optionalText, positiveMoneySchema } from "./schemas";

const confirmBelowFloor = z.boolean({ error: "Use true or false" }).optional().default(false);

/** POST /api/v1/clients/:id/rates: the client's own rate for a service from a day on. */
export const clientRateSchema = z.object({
  serviceId: idSchema,
  effectiveFrom: isoDateSchema,
  rate: positiveMoneySchema,
  confirmBelowFloor,
});
export type ClientRateInput = z.infer<typeof clientRateSchema>;

/** POST /api/v1/rate-plans and the planner's "Record the raise". No letter: the default template filled in. */
export const planRaiseSchema = z.object({
  clientId: idSchema,
  serviceId: idSchema,
  newRate: positiveMoneySchema,
  effectiveFrom: isoDateSchema,
  letter: optionalText(10_000, "The letter"),
  confirmBelowFloor,
});
export type PlanRaiseInput = z.infer<typeof planRaiseSchema>;

/** PUT /api/v1/rate-plans/:id/outcome and the planner's "Their answer". */
export const raiseOutcomeSchema = z
  .object({
    outcome: z.enum(RAISE_OUTCOMES, { error: "Choose accepted, negotiated or left" }),
    outcomeRate: positiveMoneySchema.nullable().optional(),
    outcomeOn: isoDateSchema.optional(),
  })
  .superRefine((o, ctx) => {
    if (o.outcome === "negotiated" && o.outcomeRate == null) ctx.addIssue({ code: "custom", path: ["outcomeRate"], message: "Enter the rate you agreed" });
  });
export type RaiseOutcomeInput = z.infer<typeof raiseOutcomeSchema>;
