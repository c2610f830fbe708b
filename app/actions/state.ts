import type { FieldErrors } from "@/lib/schemas";

/** What every form's server action returns: field errors plus what the user typed, so nothing is lost. */
export interface ActionState {
  status: "idle" | "ok" | "error";
  message?: string;
  fields?: FieldErrors;
  values?: Record<string, string>;
  /** bumps on every success so forms can reset */
  okAt?: number;
}

export const idle: ActionState = { status: "idle" };
