/**
 * What the user does from Today: mark an item done / snoozed / not relevant (or clear the mark), follow up
 * once, stop chasing, walk away from a client. Each is one checked transaction; the scores and the list
 * follow by themselves (server/cache.ts: any write moves the data version).
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { findClient, setClientStatus, touchClient } from "@/db/clients";
import { deleteInteractionRow, findInteraction, insertInteraction, listInteractions, updateInteractionRow } from "@/db/interactions";
import { getSettings } from "@/db/settings";
import { deleteTodayItemStateRow, deleteTodayItemStateRows, findTodayItemState, listTodayItemStates, upsertTodayItemState } from "@/db/today-states";
import type { Client, Interaction, QuoteWithEvents, TodayItemState } from "@/lib/domain";
import { AppError, conflict, invalidInput, notFound } from "@/lib/errors";
import { formatDay } from "@/lib/format-date";
import { interactionValues } from "@/lib/quote-lifecycle";
import { addDays } from "@/lib/dates";
import type { LogPayment } from "@/lib/payment-schemas";
import type { ScoreChange } from "@/lib/score-change";
import { applyStates, defaultSnoozeUntil, todayConfirm, type TodayDone } from "@/lib/today";
import type { StopChasingHow, TodayItemStateInput } from "@/lib/today/schemas";
import { getQuote, setQuoteOutcome } from "./quotes";
import { logPayment } from "./payments";
import { withScoreChange } from "./score-change";
import { findTodayItem, todayItemFinder } from "./today";

/**
 * Mark an item as it is today: its current fingerprint is stored with the mark, so the mark holds only
 * while those facts hold. An item Today does not list (unknown, or its quote is closed) is not_found; a
 * snooze day must be after today (none: a week). Stale marks of other items (their facts changed, the
 * snooze is over, the item is gone) are cleared in the same transaction.
 */
export function setTodayItemState(db: DbOrTx, key: string, input: TodayItemStateInput, today: string): TodayItemState {
  return writeTransaction(db, (tx) => {
    const find = todayItemFinder(tx, today);
    const item = find(key);
    if (!item) throw new AppError("not_found", "That item is not on Today any more: its quote or client changed. Reload to see the list as it is now.", {}, "Today item");
    let snoozedUntil: string | null = null;
    if (input.state === "snoozed") {
      snoozedUntil = input.snoozedUntil ?? defaultSnoozeUntil(today);
      if (snoozedUntil <= today) throw invalidInput("Snooze until a day after today", { snoozedUntil: [`Choose a day after today (${formatDay(today)})`] });
    }
    upsertTodayItemState(tx, { itemKey: key, state: input.state, fingerprint: item.fingerprint, snoozedUntil });
    const others = listTodayItemStates(tx).filter((s) => s.itemKey !== key);
    const items = others.map((s) => find(s.itemKey)).filter((i) => i !== undefined);
    deleteTodayItemStateRows(tx, applyStates(items, others, today).stale);
    return findTodayItemState(tx, key)!;
  });
}

/** Remove the mark: the item is open again. not_found when there is no mark. */
export function clearTodayItemState(db: DbOrTx, key: string): void {
  writeTransaction(db, (tx) => {
    if (deleteTodayItemStateRow(tx, key) === 0) throw notFound("Today item state", key);
  });
}

/** A quote still waiting on the client (sent or negotiating), or conflict (a draft, or decided). */
function chasedQuote(tx: DbOrTx, quoteId: number): QuoteWithEvents {
  const quote = getQuote(tx, quoteId);
  if (quote.status !== "sent" && quote.status !== "negotiating")
    throw conflict(quote.status === "draft" ? "This quote has not been sent yet" : "This quote is already decided", { quoteId: ["Only a quote sent and still open can be chased"] });
  return quote;
}

const followUpsOn = (tx: DbOrTx, quote: QuoteWithEvents): Interaction[] => listInteractions(tx, quote.clientId).filter((i) => i.kind === "follow_up" && i.quoteId === quote.id);

/** Log my follow-up on the quote today (their answer unknown yet). Once a day: a second one today is a conflict. */
export function followUpOnce(db: DbOrTx, quoteId: number, today: string): Interaction {
  return writeTransaction(db, (tx) => {
    const quote = chasedQuote(tx, quoteId);
    if (followUpsOn(tx, quote).some((i) => i.occurredOn === today)) throw conflict("You already followed up on this quote today", { quoteId: ["Already followed up today"] });
    const values = { ...interactionValues(quote.clientId, { kind: "follow_up", answered: false, quoteId, occurredOn: today }, today), answered: null };
    const id = insertInteraction(tx, values);
    touchClient(tx, quote.clientId);
    return findInteraction(tx, id)!;
  });
}

/**
 * Stop chasing: my follow-ups on the quote whose answer was unknown are recorded as unanswered (so the
 * chasing criterion counts them), and the quote is decided today — expired, or rejected with no reason
 * given ("they walked away": they never said why).
 */
export function stopChasing(db: DbOrTx, quoteId: number, how: StopChasingHow, today: string): QuoteWithEvents {
  return writeTransaction(db, (tx) => {
    const quote = chasedQuote(tx, quoteId);
    for (const fu of followUpsOn(tx, quote)) {
      if (fu.answered !== null) continue;
      const { id: _id, createdAt: _createdAt, ...values } = fu;
      updateInteractionRow(tx, fu.clientId, fu.id, { ...values, answered: false });
    }
    touchClient(tx, quote.clientId);
    return setQuoteOutcome(tx, quoteId, how === "expired" ? { status: "expired", decidedOn: today } : { status: "rejected", decidedOn: today, rejectionReason: null }, today);
  });
}

/** Walk away from a client: status "walked away". Conflict when that is already their status. */
export function walkAwayFromClient(db: DbOrTx, clientId: number, _today: string): Client {
  return writeTransaction(db, (tx) => {
    const client = findClient(tx, clientId);
    if (!client) throw notFound("client", clientId);
    if (client.status === "walked_away") throw conflict("You already walked away from this client", { status: ["Already walked away"] });
    setClientStatus(tx, clientId, "walked_away");
    return findClient(tx, clientId)!;
  });
}

/*
 * The same writes as Today's buttons run them: each says what it did (lib/today/confirm.ts) — with the
 * client's score before → after where the write moves it — and how to undo it where that is cheap.
 * Called outside a transaction (the score "after" is read once the write has committed).
 */

/** Mark an item; the answer names it, and "Undo" clears the mark. */
export function markFromToday(db: DbOrTx, key: string, input: TodayItemStateInput, today: string): TodayDone {
  const title = findTodayItem(db, key, today)?.title ?? "the item";
  const mark = setTodayItemState(db, key, input, today);
  return { message: todayConfirm.marked(mark.state, title, mark.snoozedUntil, getSettings(db).locale), undo: { type: "clear_mark", key } };
}

/** Clear an item's mark (Bring back, or the undo of a mark); the answer names the item when Today lists it. */
export function clearMarkFromToday(db: DbOrTx, key: string, today: string): TodayDone {
  clearTodayItemState(db, key);
  return { message: todayConfirm.broughtBack(findTodayItem(db, key, today)?.title ?? null) };
}

/** Follow up once; the answer says when Today will remind again, and "Undo" deletes the follow-up just logged. */
export function followUpFromToday(db: DbOrTx, quoteId: number, today: string): TodayDone {
  const fu = followUpOnce(db, quoteId, today);
  const { followUpAfterDays, locale } = getSettings(db);
  return { message: todayConfirm.followUp(addDays(today, followUpAfterDays), locale), undo: { type: "delete_follow_up", quoteId, interactionId: fu.id } };
}

/**
 * Undo a follow-up logged from Today: only my follow-up on that quote whose answer is still unknown (what
 * "Log my follow-up" writes) is deleted; anything else is refused, so nothing recorded since is lost.
 */
export function undoFollowUp(db: DbOrTx, quoteId: number, interactionId: number): TodayDone {
  return writeTransaction(db, (tx) => {
    const fu = findInteraction(tx, interactionId);
    if (!fu || fu.kind !== "follow_up" || fu.quoteId !== quoteId) throw notFound("follow-up", interactionId);
    if (fu.answered !== null) throw conflict("Their answer to this follow-up is recorded: change it on the client page instead", { interactionId: ["Already answered"] });
    deleteInteractionRow(tx, fu.clientId, fu.id);
    return { message: todayConfirm.followUpUndone };
  });
}

/** Stop chasing; the answer says how the client's score moved (their chasing criterion, usually). */
export function stopChasingFromToday(db: DbOrTx, quoteId: number, how: StopChasingHow, today: string): TodayDone {
  const quote = getQuote(db, quoteId);
  const client = findClient(db, quote.clientId);
  const { scoreChange } = withScoreChange(db, quote.clientId, () => stopChasing(db, quoteId, how, today));
  const name = client?.name ?? "The client";
  return { message: how === "expired" ? todayConfirm.expired(quote.title, name, scoreChange) : todayConfirm.theyWalkedAway(quote.title, name, scoreChange) };
}

/** Walk away from a client; the answer names them. */
export function walkAwayFromToday(db: DbOrTx, clientId: number, today: string): TodayDone {
  const client = walkAwayFromClient(db, clientId, today);
  return { message: todayConfirm.youWalkedAway(client.name) };
}

/** Log an overdue payment from Today; the answer says how late it was and how the client's score moved. */
export function logPaymentFromToday(db: DbOrTx, quoteId: number, input: LogPayment, today: string): TodayDone & { scoreChange: ScoreChange } {
  const quote = getQuote(db, quoteId);
  const { result, scoreChange } = withScoreChange(db, quote.clientId, () => logPayment(db, quoteId, input, today));
  const name = findClient(db, quote.clientId)?.name ?? "The client";
  return { message: todayConfirm.payment(result.interaction.daysLate ?? 0, name, scoreChange), scoreChange };
}
