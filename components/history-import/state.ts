/** What the history import's actions answer the Data page (types only: the data comes from server/). */
import type { ActionState } from "@/lib/action-state";
import type { ImportPreview, ImportResult, UndoResult } from "@/server/history-import";

export interface HistoryImportState extends ActionState {
  preview?: ImportPreview;
  result?: ImportResult;
  undo?: UndoResult;
}

/** The input the component sends (lib/history-import/schemas.ts parses it on the server). */
export interface HistoryImportRequest {
  csv: string;
  source?: string;
  mapping?: Record<string, string>;
  fileName?: string;
  dateFormat?: string;
  fxRates?: Record<string, string>;
  serviceId?: number | null;
}

export type HistoryImportAction = (input: HistoryImportRequest) => Promise<HistoryImportState>;
export type UndoImportAction = (batchId: number) => Promise<HistoryImportState>;
