/**
 * Preview stand-in for `lightning/uiRecordApi` (the real one exists only inside a Salesforce org). The preview has no
 * record: `getRecord` never provides one, so the console behaves as in a utility bar and follows the active call.
 */
import type {
    FieldId,
    GetRecordConfig,
    GetRecordResult,
    RecordRepresentation,
    WireAdapterConstructor
} from 'lightning/uiRecordApi';

/** Never calls back: no org, no record. */
export const getRecord: WireAdapterConstructor<GetRecordConfig, GetRecordResult> = class PreviewGetRecord {
    update(_config: GetRecordConfig): void {
        // Nothing to load.
    }

    connect(): void {
        // Nothing to load.
    }

    disconnect(): void {
        // Nothing to stop.
    }
};

/** A field's value in a record, as the platform reads it: `Object.Field` or a field reference. */
export function getFieldValue(record: RecordRepresentation, field: FieldId | string): unknown {
    const name = typeof field === 'string' ? field.slice(field.indexOf('.') + 1) : field.fieldApiName;
    return record.fields[name]?.value;
}
