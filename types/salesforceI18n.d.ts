/**
 * Types for the `@salesforce/i18n` imports this project uses: the user's locale (a BCP 47 tag such as "en-US") and
 * time zone (an IANA name such as "Europe/Paris"), from their Salesforce settings. Jest maps them to
 * jest-mocks/salesforce/i18n (en-US, UTC); the preview gives the browser's.
 */
declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}

declare module '@salesforce/i18n/timeZone' {
    const timeZone: string;
    export default timeZone;
}
