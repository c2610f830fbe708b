"use client";
import { useActionState } from "react";
import { idle, type ActionState } from "@/app/actions/state";

/** useActionState plus a helper that prefers what the user typed (kept on errors) over the initial value. */
export function useForm(action: (prev: ActionState, fd: FormData) => Promise<ActionState>) {
  const [state, formAction] = useActionState(action, idle);
  const v = (name: string, initial?: string | number | null): string | undefined => {
    if (state.status === "error" && state.values && name in state.values) return state.values[name];
    return initial == null ? undefined : String(initial);
  };
  return { state, formAction, v, errors: state.fields };
}
