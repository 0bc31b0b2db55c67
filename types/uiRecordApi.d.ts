/**
 * Types for the part of `lightning/uiRecordApi` this project uses (the module exists only inside a Salesforce org; in
 * jest, sfdx-lwc-jest's stub provides it with a test wire adapter). Record data is platform data, still read with
 * type checks: field values are `unknown`.
 */
declare module 'lightning/uiRecordApi' {
    /** A wire adapter as `@wire` takes it (the shape of lwc's WireAdapterConstructor, which `lwc` does not export). */
    export interface WireAdapterConstructor<Config, Value> {
        new (
            callback: (value: Value) => void,
            sourceContext?: { tagName: string }
        ): {
            update(config: Config, context?: Readonly<Record<string, unknown>>): void;
            connect(): void;
            disconnect(): void;
        };
    }

    /** What `import FIELD from '@salesforce/schema/Object.Field'` gives. */
    export interface FieldId {
        readonly objectApiName: string;
        readonly fieldApiName: string;
    }

    export interface FieldValueRepresentation {
        readonly value: unknown;
        readonly displayValue: string | null;
    }

    export interface RecordRepresentation {
        readonly apiName: string;
        readonly id: string;
        readonly fields: Readonly<Record<string, FieldValueRepresentation | undefined>>;
    }

    export interface GetRecordConfig {
        readonly recordId: string | undefined;
        readonly fields?: readonly (FieldId | string)[];
        readonly optionalFields?: readonly (FieldId | string)[];
    }

    /** What a wired property or method receives: the record, or the error that stopped it loading. */
    export interface GetRecordResult {
        readonly data?: RecordRepresentation | undefined;
        readonly error?: unknown;
    }

    export const getRecord: WireAdapterConstructor<GetRecordConfig, GetRecordResult>;

    /** A field's value in a record; undefined when the record does not have the field. */
    export function getFieldValue(record: RecordRepresentation, field: FieldId | string): unknown;
}
