/** Quick capture: one typed line → the record the client page's forms would save, with its preview. Pure. */
export { CAN_LOG, parseCaptureLine, type Capture, type CaptureKind, type ParsedLine } from "./parse";
export { rankByName, uniqueBest } from "./match";
export { buildCapture, needsQuote, quickCaptureSchema, resolveTarget, type CaptureOption, type CapturePlan, type CapturePreview, type QuickCaptureInput } from "./resolve";
export { scoreChangeWords, type ScoreChange } from "./words";
