/**
 * Presentation component: one button per toolkit event. Fires `fireevent` {type}; the page has the simulator fire
 * the event with defaults taken from the current call.
 */
import { LightningElement } from 'lwc';
import type { ToolkitEventName } from 'c/voiceCallEvents';
import { TOOLKIT_EVENT_NAMES } from 'c/voiceCallEvents';

interface EventButton {
    readonly type: ToolkitEventName;
    readonly dataId: string;
}

const BUTTONS: readonly EventButton[] = TOOLKIT_EVENT_NAMES.map((type) => ({ type, dataId: `fire-${type}` }));

function isToolkitEventName(value: string | undefined): value is ToolkitEventName {
    return (TOOLKIT_EVENT_NAMES as readonly (string | undefined)[]).includes(value);
}

export default class EventButtons extends LightningElement {
    readonly buttons = BUTTONS;

    handleClick(event: Event): void {
        const type = (event.currentTarget as HTMLElement).dataset.type;
        if (isToolkitEventName(type)) {
            this.dispatchEvent(new CustomEvent('fireevent', { detail: { type } }));
        }
    }
}
