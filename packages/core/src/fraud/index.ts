export * from './indicator-types.js';
export {
  maxIndicatorInputLength,
  type Indicator,
  type IndicatorFacts,
  type IndicatorRefusal,
  type NormaliseHints,
  type NormaliseResult,
} from './indicator-result.js';
export { normaliseIndicator } from './normalise-indicator.js';
export { builtInWarninglists, warninglisted, type Warninglist, type WarninglistHit } from './warninglists.js';
export { vnBanks, vnBankTable, type VnBank } from './vn-bank-bins.js';
export {
  eWalletProviders,
  eWalletProvidersVersion,
  eWalletKeyNote,
  type EWalletProvider,
} from './e-wallet-providers.js';
export { socialPlatforms, socialPlatformsVersion, type SocialPlatform } from './social-platforms.js';
export {
  scamTypeCodes,
  scamTypeLabels,
  scamTypesVersion,
  firstContactChannels,
  type ScamType,
  type FirstContactChannel,
} from './scam-types.js';
export {
  identifierRoles,
  rawIdentifierSchema,
  reportInputSchema,
  transferSchema,
  type IdentifierRole,
  type RawIdentifier,
  type ReportInput,
  type Transfer,
} from './report.schema.js';
export {
  prepareReport,
  type IndicatorLink,
  type PreparedIdentifier,
  type PreparedReport,
  type ReportChannel,
} from './report.js';
export { readCsvReports, readJsonLines, csvReportColumns, type BatchReading, type BatchRow } from './report-batch.js';
export {
  clusterComponents,
  clusterTotals,
  emptyClusterTotals,
  linksIntoClusters,
  mergeClusterTotals,
  planClusterJoin,
  reportTotals,
  type ClusterJoinPlan,
  type ClusterReportFacts,
  type ClusterTotals,
} from './clusters.js';
export {
  citizenAdditionInputSchema,
  citizenReportInputSchema,
  citizenReportLimits,
  citizenReportStatuses,
  type CitizenAdditionInput,
  type CitizenReportInput,
  type CitizenReportStatus,
} from './citizen-report.schema.js';
