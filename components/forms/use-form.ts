"use client";
import { startTransition, useActionState, type FormEvent } from "react";
import { idle, type ActionState } from "@/lib/action-state";

/**
 * A form bound to a server action.
 * With JavaScript the form is submitted by hand, so React never resets it: on an error everything the
 * user typed (selects and radios included) stays as it was; on success `formKey` changes and the form
 * starts afresh from its initial values. Without JavaScript `formAction` still posts the form.
 */
export function useForm(action: (prev: ActionState, fd: FormData) => Promise<ActionState>) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idle);
  const v = (name: string, value?: string | number | null): string | undefined => {
    if (state.status === "error" && state.values && name in state.values) return state.values[name];
    return value == null ? undefined : String(value);
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(e.currentTarget, submitter);
    startTransition(() => formAction(data));
  };
  return { state, formAction, onSubmit, pending, formKey: state.okAt ?? 0, v, errors: state.fields };
}
