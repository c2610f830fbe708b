/** The server's use cases as one namespace, for tests that build a book step by step (`q.createQuote(db, …)`). */
export * from "@/server/clients";
export * from "@/server/services";
export * from "@/server/quotes";
export * from "@/server/interactions";
export * from "@/server/settings";
export * from "@/server/templates";
export { loadAllHistories, loadCapacity, loadClientHistory } from "@/server/history";
export { today } from "@/server/clock";
