/**
 * The user's money, time, scoring and Today preferences (one settings row), and their one set of
 * defaults. Re-exported by lib/domain.ts with the rest of the vocabulary. Pure data.
 */

export interface Settings {
  currency: string;
  locale: string;
  hoursPerDay: number;
  weeklyCapacityHours: number;
  weightPricePressure: number;
  weightReciprocity: number;
  weightPay: number;
  weightChasing: number;
  weightPayment: number;
  bandKeep: number;
  bandWalkAway: number;
  chaseThreshold: number;
  rushMultiplierPct: number;
  /** IANA time zone for "today" ("Europe/Paris"); "" until the first browser that opens the app sets it */
  timeZone: string;
  /** evidence loses half its weight every this many months (0: no decay) */
  halfLifeMonths: number;
  /** a known criterion in the walk-away band keeps the verdict from "keep" */
  capVerdictOnRedFlag: boolean;
  /** this many criteria in the walk-away band make the verdict "walk away" (0: never on their own) */
  redFlagsForWalkAway: number;
  /** a job whose logged time passes its estimate by more than this percent has crept (lib/true-rate.ts) */
  creepThresholdPct: number;
  /** Today: a quote sent this many days ago with no reply is due its one follow-up */
  followUpAfterDays: number;
  /** days after the work is done (or accepted) that payment is due; a client may have their own */
  paymentTermsDays: number;
  /** Today: a client whose rate has not been raised for this many months is due a raise */
  raiseAfterMonths: number;
  /** the rate-increase planner's notice: the new rate starts this many months after the letter */
  raiseNoticeMonths: number;
  /** the planner's suggested raise when the client already pays the target, in percent */
  raiseByPct: number;
  /** proposals: the smallest price an option is offered at, in the book's minor units (0: none) */
  minimumFee: number;
  /** the name proposals are signed with ("Ada Lovelace", "Northwind Studio"); "" until given */
  businessName: string;
}

export const DEFAULT_SETTINGS: Settings = {
  currency: "USD",
  locale: "en-US",
  hoursPerDay: 8,
  weeklyCapacityHours: 30,
  weightPricePressure: 25,
  weightReciprocity: 20,
  weightPay: 30,
  weightChasing: 10,
  weightPayment: 15,
  bandKeep: 70,
  bandWalkAway: 40,
  chaseThreshold: 2,
  rushMultiplierPct: 150,
  timeZone: "",
  halfLifeMonths: 12,
  capVerdictOnRedFlag: true,
  redFlagsForWalkAway: 2,
  creepThresholdPct: 20,
  followUpAfterDays: 7,
  paymentTermsDays: 30,
  raiseAfterMonths: 12,
  raiseNoticeMonths: 3,
  raiseByPct: 10,
  minimumFee: 0,
  businessName: "",
};
