"use client";
import { createContext, useActionState, useCallback, useContext, useMemo, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { idle, type ActionState, type FormAction } from "@/lib/action-state";
import type { TodayActionState, TodayUndo } from "@/lib/today/confirm";

/**
 * What Today just did, said in the page's status line (components/today/today-status.tsx): the item acted
 * on usually leaves the list at once, so its own form cannot say it. Every Today action reports its answer
 * here; "Undo" runs the undo the answer came with (clear the mark, delete the follow-up just logged).
 */
export interface Flash {
  message: string;
  tone: "ok" | "error";
  undo?: TodayUndo;
  /** bumps on every report, so the same sentence twice is announced twice */
  at: number;
}

interface FlashApi {
  flash: Flash | null;
  /** report an action's answer (idle answers are ignored) */
  report: (state: ActionState | TodayActionState) => void;
  undo: () => void;
  undoing: boolean;
}

const FlashContext = createContext<FlashApi | null>(null);
const NO_FLASH: FlashApi = { flash: null, report: () => {}, undo: () => {}, undoing: false };

export const useFlash = (): FlashApi => useContext(FlashContext) ?? NO_FLASH;

/** The undo actions the page passes down (components never import app/). */
export interface UndoActions {
  clearState: FormAction;
  undoFollowUp: (quoteId: number, interactionId: number) => Promise<ActionState>;
}

export function TodayFlashProvider({ undoActions, children }: { undoActions: UndoActions; children: ReactNode }) {
  const [flash, setFlash] = useState<Flash | null>(null);
  const [undoing, startUndo] = useTransition();
  const report = useCallback((state: ActionState | TodayActionState) => {
    if (state.status === "idle" || !state.message) return;
    setFlash({ message: state.message, tone: state.status === "ok" ? "ok" : "error", undo: state.status === "ok" ? (state as TodayActionState).undo : undefined, at: Date.now() });
  }, []);
  const undo = useCallback(() => {
    const u = flash?.undo;
    if (!u) return;
    startUndo(async () => {
      let state: ActionState;
      if (u.type === "clear_mark") {
        const data = new FormData();
        data.set("key", u.key);
        state = await undoActions.clearState(idle, data);
      } else state = await undoActions.undoFollowUp(u.quoteId, u.interactionId);
      report(state);
    });
  }, [flash, undoActions, report]);
  const api = useMemo(() => ({ flash, report, undo, undoing }), [flash, report, undo, undoing]);
  return <FlashContext.Provider value={api}>{children}</FlashContext.Provider>;
}

/**
 * A Today form bound to a server action that reports its answer to the status line. With JavaScript the
 * action is called directly, so the answer reaches the status line even when the item leaves the list
 * with the same response; without JavaScript the form still posts to the server action.
 */
export function useTodayForm(action: FormAction) {
  const [postedState, formAction] = useActionState<ActionState, FormData>(action, idle);
  const [state, setState] = useState<ActionState>(idle);
  const [pending, start] = useTransition();
  const { report } = useFlash();
  const current = state.status !== "idle" ? state : postedState;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(e.currentTarget, submitter);
    start(async () => {
      const answer = await action(current, data);
      setState(answer);
      report(answer);
    });
  };
  const v = (name: string, value?: string | number | null): string | undefined => {
    if (current.status === "error" && current.values && name in current.values) return current.values[name];
    return value == null ? undefined : String(value);
  };
  return { state: current, formAction, onSubmit, pending, v, errors: current.fields };
}

/** Wrap a form action so its answer is also reported to the status line (for forms Today borrows, e.g. the payment form). */
export function useReported(action: FormAction): FormAction {
  const { report } = useFlash();
  return useCallback(
    async (prev: ActionState, data: FormData) => {
      const answer = await action(prev, data);
      report(answer);
      return answer;
    },
    [action, report],
  );
}
