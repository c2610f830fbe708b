/**
 * The builder's form as typed (hours "7.5", prices "$2,000") read into the input the API takes
 * (minutes, minor units), with field errors named as the API names them (`items.0.minutes`,
 * `options.1.price`) for what cannot be read. Pure: the action parses the result with saveProposalSchema.
 */
import { z } from "@/lib/zod";
import { parseHoursToMinutes, parseMoney } from "../money";
import type { FieldErrors } from "../schemas";

export interface ProposalFormItem {
  name: string;
  /** hours as typed, e.g. "7.5" */
  hours: string;
}

export interface ProposalFormOption {
  name: string;
  summary: string;
  /** positions in the items (0-based) */
  items: number[];
  /** a price as typed; "" = from the rate card */
  price: string;
}

export interface ProposalForm {
  rush: boolean;
  intro: string;
  terms: string;
  expiresOn: string;
  confirmBelowFloor: boolean;
  /** a saved proposal: price it at today's rate card instead of the pricing it was saved with */
  reprice: boolean;
  items: ProposalFormItem[];
  options: ProposalFormOption[];
}

/** Hours as typed → minutes; null when they cannot be read (empty, words, more than 2 decimals). */
export function hoursToMinutes(text: string): number | null {
  return parseHoursToMinutes(text.trim());
}

/** A typed price → minor units; undefined when empty (priced from the rate card), null when unreadable. */
export function typedPrice(text: string, currency: string): number | null | undefined {
  const cleaned = text.replace(/[^\d.,\s'\u00a0\u202f-]/g, "").trim();
  if (!text.trim()) return undefined;
  if (!cleaned) return null;
  return parseMoney(cleaned, currency);
}

/** The form read into the API's shape; `errors` for what could not be read (the rest is left to the schema). */
export function readProposalForm(form: ProposalForm, currency: string): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const items = form.items.map((item, i) => {
    const minutes = hoursToMinutes(item.hours);
    if (minutes == null) errors[`items.${i}.minutes`] = [item.hours.trim() ? `"${item.hours.trim()}" is not a number of hours: write e.g. 6 or 7.5` : "Enter the hours, e.g. 6 or 7.5"];
    return { name: item.name, minutes: minutes ?? 0 };
  });
  const options = form.options.map((o, i) => {
    const price = typedPrice(o.price, currency);
    if (price === null) errors[`options.${i}.price`] = [`"${o.price.trim()}" is not an amount in ${currency}: write e.g. 2000 or 2,000.50, or leave it empty to price from the rate card`];
    return { name: o.name, summary: o.summary.trim() ? o.summary : null, items: o.items, price: price ?? null };
  });
  return {
    input: {
      rush: form.rush,
      intro: form.intro.trim() ? form.intro : null,
      terms: form.terms.trim() ? form.terms : null,
      expiresOn: form.expiresOn,
      confirmBelowFloor: form.confirmBelowFloor,
      reprice: form.reprice,
      items,
      options,
    },
    errors,
  };
}

/** The builder's payload (JSON in one form field), its shape checked before it is read. */
export const proposalFormSchema = z.object({
  rush: z.boolean().catch(false),
  intro: z.string().max(10_000).catch(""),
  terms: z.string().max(10_000).catch(""),
  expiresOn: z.string().max(40).catch(""),
  confirmBelowFloor: z.boolean().catch(false),
  reprice: z.boolean().catch(false),
  items: z.array(z.object({ name: z.string().max(1_000), hours: z.string().max(40) })).max(100),
  options: z.array(z.object({ name: z.string().max(1_000), summary: z.string().max(10_000), items: z.array(z.number().int()).max(100), price: z.string().max(40) })).max(10),
});

/** The one field the builder posts: the form as JSON. */
export const proposalPayloadSchema = z.object({ payload: z.string({ error: "Nothing was sent: reload the page and try again" }).max(200_000, "That proposal is too large") });
