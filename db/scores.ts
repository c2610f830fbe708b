/**
 * Scores read from the database: the pure worth model applied to stored rows.
 * Computed on every read, so a logged event changes the score at once (no cache to go stale).
 */
import type { DB } from "./connection";
import { getSettings, listServices, loadAllHistories, loadClientHistory } from "./queries";
import { assessClient, type FitAssessment } from "@/lib/worth";
import type { Client } from "@/lib/domain";

export interface ClientScore {
  client: Client;
  assessment: FitAssessment;
}

export function scoreClient(db: DB, clientId: number): ClientScore {
  const history = loadClientHistory(db, clientId);
  return { client: history.client, assessment: assessClient(history, listServices(db), getSettings(db)) };
}

export function scoreAllClients(db: DB): ClientScore[] {
  const services = listServices(db);
  const settings = getSettings(db);
  return loadAllHistories(db).map((h) => ({ client: h.client, assessment: assessClient(h, services, settings) }));
}
