import type { ActionState, FormAction } from "@/lib/action-state";

/** The server actions Today's page passes down (components never import app/): ids are bound here, per item. */
export interface TodayActions {
  /** done / snoozed / not relevant: the form sends key, state and (snoozed) an optional snoozedUntil */
  setState: FormAction;
  /** bring back: the form sends the key */
  clearState: FormAction;
  followUp: (quoteId: number) => Promise<ActionState>;
  markExpired: (quoteId: number) => Promise<ActionState>;
  clientWalkedAway: (quoteId: number) => Promise<ActionState>;
  walkAwayClient: (clientId: number) => Promise<ActionState>;
  /** the undo of "Log my follow-up": delete the follow-up just logged (its answer still unknown) */
  undoFollowUp: (quoteId: number, interactionId: number) => Promise<ActionState>;
  /** log an overdue payment (paidOn, amount: app/actions/payments.ts); absent: the item links to its quote instead */
  logPayment?: (quoteId: number, prev: ActionState, formData: FormData) => Promise<ActionState>;
}
