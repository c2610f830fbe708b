/** What a server action answers a form: plain data, shared by app/actions and the components that show it. */
import type { ClientCsvPreview } from "./client-csv";
import type { FieldErrors } from "./schemas";
import type { ScoreChange } from "./score-change";

/** What every form's server action returns: field errors plus what the user typed, so nothing is lost. */
export interface ActionState {
  status: "idle" | "ok" | "error";
  message?: string;
  fields?: FieldErrors;
  values?: Record<string, string>;
  /** bumps on every success so forms can reset */
  okAt?: number;
  /** after logging something about a client: how it moved their fit score */
  scoreChange?: ScoreChange;
}

export const idle: ActionState = { status: "idle" };

/** What the "Your data" actions return: the usual form state, plus a CSV preview when there is one. */
export interface DataActionState extends ActionState {
  preview?: ClientCsvPreview;
}

/** A form action as a component receives it (the page passes it down). */
export type FormAction<S extends ActionState = ActionState> = (prev: S, formData: FormData) => Promise<S>;
