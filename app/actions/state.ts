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

/** What the "Your data" actions return: the usual form state, plus a CSV preview when there is one. */
export interface DataActionState extends ActionState {
  preview?: import("@/lib/client-csv").ClientCsvPreview;
}
