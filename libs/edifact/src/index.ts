export * from './sniff';
export * from './types';
export * from './read-message';
export { EdifactError, EDIFACT_ERROR_CODES } from './errors/edifact.error';
export type { EdifactErrorCode } from './errors/edifact.error';
export { FINDING_CODES } from './quality/finding';
export type { FindingCode } from './quality/finding';
export { mergeParts } from './manifest/merge-parts';
export { manifestIdOf, travellerIdOf } from './manifest/manifest-id';
export { checkDigit, checkDigitMatches } from './mrz/check-digit';
export { parseMrz } from './mrz/mrz.parse';
export { writeTd3Mrz } from './mrz/mrz.write';
export type { Td3Fields } from './mrz/mrz.write';
export type { MrzCheckField, MrzFormat, MrzReading } from './mrz/mrz.parse';
export { MrzError, mrzDate, readMrzDocument } from './mrz/mrz.document';
export type { MrzDocument, MrzErrorCode } from './mrz/mrz.document';
export { readCountry } from './normalize/country';
export { DEFAULT_DELIMITERS } from './syntax/delimiters';
export type { Delimiters } from './syntax/delimiters';
export { writePaxlst } from './writers/paxlst.writer';
export type {
  PaxlstInput,
  PaxlstTraveller,
  PaxlstVersion,
  PaxlstWriteOptions,
} from './writers/paxlst.writer';
export { BOARDING_STATUS_CODES, CHANGE_ACK_CODES, writeCusres } from './writers/cusres.writer';
export { STATUS_DOCUMENT_IDENTIFIERS, travellerStatusChange } from './paxlst/status-change';
export type { CusresAnswer, CusresInput, CusresWriteOptions } from './writers/cusres.writer';
export type { EdifactWriteOptions } from './writers/segment-writer';
export { tokenize, tokenizeEach } from './syntax/tokenizer';
export { Segment } from './syntax/segment';
export { readServiceString } from './syntax/delimiters';
