/** Client rates, rates due a raise and the rate-increase planner: pure rules (docs/today.md). */
export * from "./rates";
export * from "./due";
export * from "./plan";
