/**
 * Inputs of proposals (the builder's form, the API, the client's answer on the public page). Options
 * name their items by position in `items` (0-based). What needs the book (today for the expiry, the
 * rate card for the floor) is checked by lib/proposals/rules.ts, with field errors too.
 */
import { z } from "@/lib/zod";
import { PROPOSAL_DECLINE_REASONS } from "../domain";
import { idSchema, isoDateSchema, MAX_MINUTES, moneySchema, optionalText } from "../schemas";

export const MAX_PROPOSAL_ITEMS = 30;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 3;
export const PRICE_ABOVE_ZERO = "Enter a price above zero, or leave it empty to price from the rate card";

const name = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `Give ${what.toLowerCase()}`)
    .max(max, `${what} must be at most ${max} characters`);

export const proposalItemSchema = z.object({
  name: name(120, "The item a name"),
  minutes: z
    .number({ error: "Enter the hours, e.g. 6 or 7.5" })
    .int("Whole minutes")
    .positive("Enter the hours: more than zero")
    .max(MAX_MINUTES, "That is more hours than one item can take"),
});

export const proposalOptionSchema = z.object({
  name: name(60, "The option a name"),
  summary: optionalText(300, "The summary"),
  /** positions in the proposal's items (0-based) */
  items: z.array(z.number({ error: "Choose items" }).int("Choose items").min(0, "Choose items"), { error: "Choose the items it includes" }).min(1, "An option needs at least one item"),
  /** a price typed by the user; absent or null: priced from the rate card */
  price: moneySchema.positive(PRICE_ABOVE_ZERO).nullable().optional(),
});

const key = (s: string) => s.trim().toLocaleLowerCase();

/** PUT /api/v1/quotes/:id/proposal and the builder's Save: the whole proposal. */
export const saveProposalSchema = z
  .object({
    rush: z.boolean({ error: "Use true or false" }).optional().default(false),
    intro: optionalText(2000, "The introduction"),
    terms: optionalText(4000, "The terms"),
    expiresOn: isoDateSchema,
    /** "I know": an option priced below the floor may be offered */
    confirmBelowFloor: z.boolean({ error: "Use true or false" }).optional().default(false),
    /** re-saving a saved proposal keeps the pricing it was saved with; true: price it at today's rate card */
    reprice: z.boolean({ error: "Use true or false" }).optional().default(false),
    items: z.array(proposalItemSchema, { error: "List the scope items" }).min(1, "Add at least one scope item").max(MAX_PROPOSAL_ITEMS, `At most ${MAX_PROPOSAL_ITEMS} items`),
    options: z.array(proposalOptionSchema, { error: "List the options" }).min(MIN_OPTIONS, "Offer two or three options").max(MAX_OPTIONS, "Offer two or three options"),
  })
  .superRefine((p, ctx) => {
    const seenItems = new Map<string, number>();
    p.items.forEach((item, i) => {
      const k = key(item.name);
      if (seenItems.has(k)) ctx.addIssue({ code: "custom", path: ["items", i, "name"], message: `"${item.name}" is already item ${seenItems.get(k)! + 1}` });
      else seenItems.set(k, i);
    });
    const seenNames = new Map<string, number>();
    const seenSets = new Map<string, number>();
    p.options.forEach((option, i) => {
      const k = key(option.name);
      if (seenNames.has(k)) ctx.addIssue({ code: "custom", path: ["options", i, "name"], message: `Another option is already called "${option.name}"` });
      else seenNames.set(k, i);
      const bad = option.items.find((n) => n >= p.items.length);
      if (bad != null) ctx.addIssue({ code: "custom", path: ["options", i, "items"], message: `There is no item ${bad + 1}` });
      if (new Set(option.items).size !== option.items.length) ctx.addIssue({ code: "custom", path: ["options", i, "items"], message: "An item is listed twice" });
      const set = [...new Set(option.items)].sort((a, b) => a - b).join(",");
      if (seenSets.has(set) && option.items.length > 0)
        ctx.addIssue({ code: "custom", path: ["options", i, "items"], message: `Same items as "${p.options[seenSets.get(set)!].name}": make the options differ in scope` });
      else seenSets.set(set, i);
    });
  });
export type SaveProposalInput = z.infer<typeof saveProposalSchema>;

/** PUT /api/v1/proposals/:id/share: the public link on (a new secret) or off (revoked). */
export const shareProposalSchema = z.object({ shared: z.boolean({ error: "Use true or false" }) });
export type ShareProposalInput = z.infer<typeof shareProposalSchema>;

/** The client's answer (the public page; the API when the user records it for them): an option, or a decline with why. */
export const proposalAnswerSchema = z.discriminatedUnion(
  "answer",
  [
    z.object({ answer: z.literal("choose"), optionId: idSchema }),
    z.object({
      answer: z.literal("decline"),
      reason: z.enum(PROPOSAL_DECLINE_REASONS, { error: "Choose a reason: wrong timing, wrong fit, price or other" }),
      note: optionalText(1000, "The note"),
    }),
  ],
  { error: "Choose an option, or decline" },
);
export type ProposalAnswerInput = z.infer<typeof proposalAnswerSchema>;
