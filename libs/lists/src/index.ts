export * from './core/list-format';
export * from './core/list-error';
export { readList, readListFile, readListSync } from './read-list';
export { countryCode, isCanonicalCountryCode } from './countries/country-code';
export { parseListedDate } from './dates/listed-date.parser';
export type { DateOrder, DateRead, DateProblem } from './dates/listed-date.parser';
export * from './versioning';
export { CsvSyntaxError, parseCsv, parseCsvRecords } from './text/csv-rows';
export type { CsvOptions, CsvRecord, CsvProblem } from './text/csv-rows';
