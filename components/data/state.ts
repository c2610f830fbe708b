import type { ActionState } from "@/app/actions/state";
import type { ClientCsvPreview } from "@/db/csv";

/** What the "Your data" actions return: the usual form state, plus a CSV preview when there is one. */
export interface DataActionState extends ActionState {
  preview?: ClientCsvPreview;
}
