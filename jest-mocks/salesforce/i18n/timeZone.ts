// Jest stub of `@salesforce/i18n/timeZone` (sfdx-lwc-jest's own gives America/Los_Angeles): tests run in UTC.
const timeZone = 'UTC';
export default timeZone;
