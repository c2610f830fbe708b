/** Negotiation: how I answered discount requests, and how those quotes ended. Pure. */
import { compareSamples, sampleShare } from "./samples";
import { NEGOTIATION_RESPONSES, RESPONSE_LABELS, type Dashboard, type NegotiationCount, type NegotiationResponse, type ResponseRow } from "./types";

/**
 * One row per answer class (every class present, zero included), with its accept rate (accepted ÷
 * decided), as a bare share and with its cases (too few decided quotes: not enough to show it).
 */
export function responseRow(counts: readonly NegotiationCount[], response: NegotiationResponse | "not_asked"): ResponseRow {
  const r = counts.find((c) => c.response === response);
  const quotes = r?.quotes ?? 0;
  const decided = r?.decided ?? 0;
  const accepted = r?.accepted ?? 0;
  const acceptRate = sampleShare(accepted, decided);
  return { response, label: RESPONSE_LABELS[response], quotes, decided, accepted, open: quotes - decided, acceptRateBp: acceptRate.bp, acceptRate };
}

/**
 * The negotiation figures from the per-class counts and the number of clients who came back at my price.
 * Held firm and conceded are comparable only when each has MIN_SAMPLE decided quotes (`heldFirmVsConceded`).
 */
export function negotiationFigures(counts: readonly NegotiationCount[], cameBackAtMyPrice: number): Dashboard["negotiation"] {
  const responses = NEGOTIATION_RESPONSES.map((response) => responseRow(counts, response));
  const notAsked = responseRow(counts, "not_asked");
  const haggled = responses.reduce((s, r) => s + r.quotes, 0);
  const priced = haggled + notAsked.quotes;
  const askShare = sampleShare(haggled, priced);
  const rateOf = (response: NegotiationResponse) => responses.find((r) => r.response === response)!.acceptRate;
  return {
    pricedQuotes: priced,
    haggledQuotes: haggled,
    asks: counts.reduce((s, r) => s + (r.asks ?? 0), 0),
    askShareBp: askShare.bp,
    askShare,
    responses,
    notAsked,
    cameBackAtMyPrice,
    heldFirmVsConceded: compareSamples(rateOf("held_firm"), rateOf("conceded")),
  };
}
