/**
 * The client's answer as a plain HTML form sends it (the public page works without JavaScript): the
 * form's text fields turned into the input of proposalAnswerSchema, and a refused field named by one
 * short key the page turns back into words (never the typed text in the address).
 */
import { proposalAnswerSchema, type ProposalAnswerInput } from "./schemas";
import { fieldErrors } from "../schemas";

export const MAX_ANSWER_FORM_BYTES = 16 * 1024;

export type AnswerFormProblem = "reason" | "note" | "option";

/** The form's fields → the answer, or which field is wrong. */
export function parseAnswerForm(form: URLSearchParams): { ok: true; input: ProposalAnswerInput } | { ok: false; problem: AnswerFormProblem } {
  const answer = form.get("answer");
  const raw =
    answer === "choose"
      ? { answer, optionId: /^\d{1,15}$/.test(form.get("optionId") ?? "") ? Number(form.get("optionId")) : form.get("optionId") }
      : { answer, reason: form.get("reason") ?? undefined, note: form.get("note") ?? undefined };
  const parsed = proposalAnswerSchema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  const fields = Object.keys(fieldErrors(parsed.error));
  if (fields.includes("note")) return { ok: false, problem: "note" };
  if (answer === "choose") return { ok: false, problem: "option" };
  return { ok: false, problem: "reason" };
}
