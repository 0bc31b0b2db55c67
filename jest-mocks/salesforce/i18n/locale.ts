// Jest stub of `@salesforce/i18n/locale` (sfdx-lwc-jest's own gives en-US too): tests assert US English formats.
const locale = 'en-US';
export default locale;
