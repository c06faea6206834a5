export { findPersonalData, type PersonalDataFinding, type PersonalDataKind, type PersonalDataOptions } from './find.ts';
export { mentionsHealthDetails } from './health.ts';
export { placeholders, redactPersonalData, type RedactOptions } from './redact.ts';
