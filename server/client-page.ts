/** Everything the client page shows, loaded in one place: history, score, timeline, rate card. */
import type { DbOrTx } from "@/db/connection";
import { getSettings } from "@/db/settings";
import { listProposals } from "@/db/proposals";
import { listServices } from "@/db/services";
import { clientTimeline } from "@/lib/timeline";
import type { ClientHistory } from "@/lib/domain";
import { cachedRead } from "./cache";
import { loadClientHistory } from "./history";
import { scoreClient } from "./scores";

/** Throws not_found for an unknown client. */
export function loadClientPage(db: DbOrTx, id: number) {
  const history = loadClientHistory(db, id);
  const settings = getSettings(db);
  // a long history makes thousands of entries: built once per data version, not per view
  const timeline = cachedRead(db, `timeline:${id}:${settings.currency}:${settings.locale}`, () => {
    // each quote with its proposal: sent, and the client's answer through the link
    const proposals = new Map(listProposals(db, { quoteIds: history.quotes.map((q) => q.id) }).map((p) => [p.quoteId, p] as const));
    const quotes = history.quotes.map((q) => ({ ...q, proposal: proposals.get(q.id) ?? null }));
    return clientTimeline({ ...(history as ClientHistory), quotes }, settings.currency, settings.locale);
  });
  return { history, settings, services: listServices(db), assessment: scoreClient(db, id).assessment, timeline };
}
