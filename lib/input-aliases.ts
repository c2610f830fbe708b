/** Older API input names, still accepted; see docs/api.md "one unit in and out". */

/**
 * Input names kept from before the API answered in stored units: `estimatedHours` (→ estimatedMinutes),
 * `scopeHours` (→ scopeMinutes), `percent` (→ percentBp). The forms still type hours and percents.
 * An alias is converted only when it is a number; anything else is passed on to fail the field's check.
 */
export interface InputAlias {
  to: string;
  factor: number;
  /** a positive value never rounds down to nothing (0.001 h is still 1 minute) */
  atLeast?: number;
}
export const INPUT_ALIASES: Record<string, InputAlias> = {
  estimatedHours: { to: "estimatedMinutes", factor: 60, atLeast: 1 },
  scopeHours: { to: "scopeMinutes", factor: 60, atLeast: 1 },
  percent: { to: "percentBp", factor: 100 },
};

/** Rename old input names to the stored ones (the stored name wins when both are sent). */
export function renameAliases(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const [old, alias] of Object.entries(INPUT_ALIASES)) {
    if (!(old in out)) continue;
    const v = out[old];
    delete out[old];
    if (out[alias.to] != null) continue;
    if (typeof v === "number" && Number.isFinite(v)) {
      const n = Math.round(v * alias.factor);
      out[alias.to] = alias.atLeast != null && v > 0 ? Math.max(alias.atLeast, n) : n;
    } else out[alias.to] = v;
  }
  return out;
}
