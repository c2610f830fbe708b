/**
 * The fit dashboard's pure part: its shapes, its filters and all of its arithmetic. The data comes from
 * db/dashboard.ts (plain rows), server/dashboard.ts getDashboard puts the two together.
 *   types.ts            the result (Dashboard); input-types.ts the rows it is computed from
 *   filters.ts          what the URL may say, and how a preset becomes a date range
 *   settling.ts         per-quote settling summed: headline, by service / lead source / client
 *   over-time.ts        the effective rate month by month
 *   fit.ts              the worth model per client within the filters; verdict counts
 *   keep-or-let-go.ts   revenue against fit, the median and the quadrants
 *   negotiation.ts, rejections.ts, chasing.ts   the counted sections, from SQL counts to rows
 *   estimates.ts        estimate vs actual: time logged against the estimate, by client and service
 *   proposals.ts        good / better / best: the option chosen, haggling against a single price, declines
 *   slices.ts           each client's share of the figures (its fit, settled quotes, counts), and the page summed from them
 *   fields.ts           the API's `fields=`: only the parts asked for
 *   samples.ts          small samples: a share of fewer than MIN_SAMPLE cases is "too few to tell"
 */
export * from "./types";
export {
  DEFAULT_FILTERS,
  DEFAULT_RANGE,
  PRESET_DAYS,
  RANGES,
  RANGE_LABELS,
  RANGE_PRESETS,
  dashboardFiltersSchema,
  describeFilters,
  filtersToSearchParams,
  parseDashboardFilters,
  periodLabel,
  resolvePeriod,
  type DashboardFilters,
  type DateRange,
  type FilterErrors,
  type Period,
  type Range,
  type RangePreset,
} from "./filters";
export { groupBy, moneyLeftTrend, moneyLeftTrendText, settle, settlingFigures, share, unpaidFigures, whereSettling } from "./settling";
export { MAX_PERIOD_MONTHS, MAX_SERIES_MONTHS, overTime, seriesMonths } from "./over-time";
export { assessClients, bandVerdict, cappedReason, clientHistories, fitRow, fitRows, sortFitRows, redFlagNames, verdictCappedBy, verdictCounts, verdictLegend } from "./fit";
export { DASHBOARD_FIELDS, dashboardFieldsSchema, pickDashboardFields, type DashboardField } from "./fields";
export { keepOrLetGo, median, quadrantOf, type KeepInput } from "./keep-or-let-go";
export { assembleDashboard, clientSlices, previousSlices, type ClientSlice, type DashboardContext, type PreviousSlice, type SliceRows } from "./slices";
export { negotiationFigures, responseRow } from "./negotiation";
export { rejectionFigures } from "./rejections";
export { chasingFigures } from "./chasing";
export { MIN_SAMPLE, QUOTE_NOUN, TOO_FEW, compareSamples, sampleCounts, sampleShare, sampleText, settlingSamples, type CaseNoun } from "./samples";
export { ESTIMATE_CHART_MAX, estimateFigures, estimateGroups, estimateTotals, isMeasuredJob, perHour } from "./estimates";
export { OPTION_PLACES, OPTION_PLACE_LABELS, haggleText, optionPlace, proposalFigures, wasHaggled, type OptionPlace, type ProposalFigures, type ProposalQuote } from "./proposals";
