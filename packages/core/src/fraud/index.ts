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
