/**
 * The offer check's inputs, parsed by the page's actions and POST /api/v1/offers/*: who, what, how much,
 * and the decision to record. Built from the entity rules in lib/schemas.ts.
 */
import { z } from "@/lib/zod";
import { LEAD_SOURCES, REJECTION_REASONS } from "../domain";
import { MAX_MINUTES, currencySchema, idSchema, isoDateSchema, moneySchema, optionalText, positiveMoneySchema } from "../schemas";

/** "Check an offer": who, what, how much. Either an existing client or a new prospect's name. */
export const offerCheckSchema = z
  .object({
    clientId: z.preprocess((v) => (v === "" || v === undefined || v === "new" ? null : v), idSchema.nullable()).optional(),
    newClientName: optionalText(200, "Name"),
    leadSource: z.enum(LEAD_SOURCES, { error: "Choose a lead source" }).default("other"),
    quoteId: z.preprocess((v) => (v === "" || v === undefined ? null : v), idSchema.nullable()).optional(),
    serviceId: z.preprocess((v) => (v === "" || v === undefined ? null : v), idSchema.nullable()).optional(),
    title: optionalText(200, "Title"),
    scopeAmount: z.number({ error: "Enter the scope, e.g. 20" }).positive("Enter a scope above zero").max(MAX_MINUTES / 60, "That scope is too large for one offer"),
    scopeUnit: z.enum(["hours", "days"], { error: "Choose hours or days" }).default("hours"),
    offeredAmount: positiveMoneySchema,
    currency: currencySchema,
    deadline: z.preprocess((v) => (v === "" ? null : v), isoDateSchema.nullable()).optional(),
    rush: z.boolean().default(false),
    note: optionalText(2_000, "Note"),
  })
  .refine((o) => o.clientId != null || !!o.newClientName, {
    path: ["newClientName"],
    message: "Choose a client, or type a new prospect's name",
    // report it together with the other field errors, not only once they are fixed
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  });
export type OfferCheckInput = z.infer<typeof offerCheckSchema>;

export const OFFER_DECISIONS = ["declined", "countered", "accepted"] as const;
export type OfferDecision = (typeof OFFER_DECISIONS)[number];

/** Recording what I decided about an offer, in one click. */
export const recordOfferSchema = z.intersection(
  offerCheckSchema,
  z.object({
    decision: z.enum(OFFER_DECISIONS, { error: "Choose decline, counter or accept" }),
    reason: z.enum(REJECTION_REASONS, { error: "Choose a reason" }).default("price"),
    counterAmount: moneySchema.nullable().optional(),
  }),
);
export type RecordOfferInput = z.infer<typeof recordOfferSchema>;
