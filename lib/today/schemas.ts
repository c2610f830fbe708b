/** The inputs of Today: an item's state, stopping a chase, an item key. Parsed by the API and the actions. */
import { z } from "@/lib/zod";
import { TODAY_STATES } from "../domain";
import { isoDateSchema } from "../schemas";
import { TODAY_KINDS, type TodayKind } from "./types";

/** "answer:quote:12", "chase:quote:3", "walk_away:client:7", "payment:quote:4", "raise:client:7:2" (client, service), … */
export const todayItemKeySchema = z
  .string({ error: "Name the Today item" })
  .max(100, "Unknown Today item")
  .regex(/^[a-z_]+:[a-z_]+(?::\d{1,15}){1,3}$/, "Unknown Today item");

/** Done, snoozed (until a day; a week when none is given) or not relevant. The day must be after today (checked where today is known). */
export const todayItemStateSchema = z
  .object({
    state: z.enum(TODAY_STATES, { error: "Choose done, snoozed or not relevant" }),
    snoozedUntil: z.preprocess((v) => (v === "" ? null : v), isoDateSchema.nullable().optional()),
  })
  .superRefine((s, ctx) => {
    if (s.snoozedUntil && s.state !== "snoozed") ctx.addIssue({ code: "custom", path: ["snoozedUntil"], message: "Only a snoozed item has a day to come back" });
  });
export type TodayItemStateInput = z.infer<typeof todayItemStateSchema>;

export const STOP_CHASING_HOWS = ["expired", "walked_away"] as const;
export type StopChasingHow = (typeof STOP_CHASING_HOWS)[number];

/** Stop chasing a quote: mark it expired, or record that the client walked away. */
export const stopChasingSchema = z.object({
  how: z.enum(STOP_CHASING_HOWS, { error: "Choose expired or walked_away" }),
});
export type StopChasingInput = z.infer<typeof stopChasingSchema>;

/**
 * Which page of each Today section to show, from the home page's address (`?raise_due=2&hidden=3`): a
 * page number per section name. A missing, malformed or out-of-range value means the first page (a stale
 * or hand-typed link still shows Today); past the last page the section shows its last (lib/today/sections.ts).
 */
const pageNumber = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined));
export const todayPagesSchema = z.object(Object.fromEntries([...TODAY_KINDS, "hidden"].map((k) => [k, pageNumber])) as Record<TodayKind | "hidden", typeof pageNumber>);
