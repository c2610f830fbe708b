/** Today's pure rules (docs/today.md): one file per item kind, the order, the item states. */
export * from "./types";
export { answerOwedItem, waitingAsk } from "./answer-owed";
export { chaseFacts, chaseItem, chaseThresholdOf, type ChaseFacts, type ChaseOptions } from "./chasing";
export { walkAwayItem, worstCriterion } from "./walk-away";
export { TODAY_ORDER, orderToday } from "./order";
export { DEFAULT_SNOOZE_DAYS, applyStates, defaultSnoozeUntil, stateHides } from "./states";
export { daysSince, todayKeys } from "./shared";
export { DEFAULT_ANSWER_FOLLOW_UP_TEMPLATE, DEFAULT_FOLLOW_UP_TEMPLATE, EVERYTHING_CLEAR, PURSUIT_LINE, markedBelow, todaySummary, todayWords } from "./words";
export { oneMessagePerClient } from "./one-message";
export { scoreMoveWords, todayConfirm, type TodayActionState, type TodayDone, type TodayUndo } from "./confirm";
