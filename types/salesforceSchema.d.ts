/**
 * Types for `@salesforce/schema/<Object>.<Field>` imports, which the platform (and, in jest, the LWC transformer)
 * resolves to a field reference. Only field imports are used here.
 */
declare module '@salesforce/schema/*' {
    import type { FieldId } from 'lightning/uiRecordApi';

    const field: FieldId;
    export default field;
}
