/**
 * Merging a file's proposals into the book (server/book.ts importBook, merge mode): new ids throughout
 * (items, options, the chosen option), no live links (a merged-in book must not publish links here), and a
 * quote that already has a proposal keeps its own.
 */
import type { Tx } from "@/db/connection";
import { insertBookRow, insertBookRows, quotesWithProposals, setMergedChoice } from "@/db/book";
import type { ExportFile } from "@/lib/export-schema";
import type { ImportResult } from "./book";

export function mergeProposals(t: Tx, file: ExportFile, quoteMap: ReadonlyMap<number, number>, result: ImportResult): void {
  const created = result.created;
  const hasProposal = quotesWithProposals(t);
  const proposalMap = new Map<number, number>();
  for (const { id, ...p } of file.proposals ?? []) {
    const quoteId = quoteMap.get(p.quoteId)!;
    if (hasProposal.has(quoteId)) {
      result.skippedProposals++;
      continue;
    }
    if (p.shareToken != null) result.droppedShareLinks++;
    proposalMap.set(id, insertBookRow(t, "proposals", { ...p, quoteId, shareToken: null, chosenOptionId: null }));
    hasProposal.add(quoteId);
    created.proposals++;
  }
  const itemMap = new Map<number, number>();
  for (const { id, ...it } of file.proposalItems ?? []) {
    const proposalId = proposalMap.get(it.proposalId);
    if (proposalId == null) continue;
    itemMap.set(id, insertBookRow(t, "proposalItems", { ...it, proposalId }));
    created.proposalItems++;
  }
  const optionMap = new Map<number, number>();
  for (const { id, ...o } of file.proposalOptions ?? []) {
    const proposalId = proposalMap.get(o.proposalId);
    if (proposalId == null) continue;
    optionMap.set(id, insertBookRow(t, "proposalOptions", { ...o, proposalId }));
    created.proposalOptions++;
  }
  const links = (file.proposalOptionItems ?? []).flatMap((l) => {
    const optionId = optionMap.get(l.optionId);
    const itemId = itemMap.get(l.itemId);
    return optionId == null || itemId == null ? [] : [{ optionId, itemId }];
  });
  insertBookRows(t, "proposalOptionItems", links);
  created.proposalOptionItems = links.length;
  for (const p of file.proposals ?? []) {
    const proposalId = proposalMap.get(p.id);
    if (proposalId != null && p.chosenOptionId != null) setMergedChoice(t, proposalId, optionMap.get(p.chosenOptionId)!);
  }
}
