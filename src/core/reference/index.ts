/** Reference lists used by every feature: agencies, levels, stages, statuses, countries. */
export { AGENCIES, AGENCY_ALIASES, matchAgency, parseAgencies, suggestAgency, type Agency } from "./agencies";
export {
  LEVELS,
  STAGES,
  STATUSES,
  LEVEL_ALIASES,
  STAGE_ALIASES,
  STATUS_ALIASES,
  matchLevel,
  matchStage,
  matchStatus,
  suggestLevel,
  suggestStage,
  suggestStatus,
  type Level,
  type Stage,
  type Status,
} from "./vocabularies";
export {
  COUNTRIES,
  COUNTRY_ALIASES,
  countryByIso3,
  matchCountry,
  parseCountries,
  suggestCountry,
  type Country,
} from "./countries";
export { AliasIndex, type Match, type AliasEntry } from "./alias-index";
export { fold, foldKey } from "./text";
