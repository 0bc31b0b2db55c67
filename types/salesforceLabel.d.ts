/**
 * Types for `@salesforce/label/c.<Name>` imports: the platform gives each custom label's value in the user's language
 * (force-app/main/default/labels). In jest, jest-mocks/salesforce/label gives each its English value from the labels
 * file; so does the preview build.
 */
declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}
