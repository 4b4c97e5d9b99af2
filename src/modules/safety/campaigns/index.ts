export { groupIntoCampaigns, countsPerDay, DEFAULT_TEXT_THRESHOLD, type Campaign, type CampaignReport, type GroupingOptions } from './group-campaigns.rules.ts';
export { confirmedIndicators, indicatorsAsCsv, csvCell, INDICATOR_CSV_HEADER, type Indicator, type IndicatorReport } from './blocklist-export.rules.ts';
export { campaignId, normalisedText, shingles, jaccard, registrableDomainOf, isBrandDomain, linksOfReport } from './campaign-keys.rules.ts';
