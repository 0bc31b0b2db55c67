/**
 * The one set of helpers every component test uses: mount a component, let LWC re-render, fire a toolkit
 * event on the console's `<lightning-service-cloud-voice-toolkit-api>`, emit a VoiceCall record to the console's
 * `getRecord` wire, read what was published through Lightning Message Service, and clean the document between tests.
 */
import { createElement } from 'lwc';
import type { LightningElement } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import {
    MessageContext,
    createMessageContext,
    publish,
    releaseMessageContext,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import { parseToolkitEvent } from 'c/voiceCallEvents';
import { EMPTY_CONSOLE_STATE, applyToolkitEvent, shownCall } from 'c/voiceCallState';
import type { VoiceCall } from 'c/voiceCallState';

/** Public properties a test may set on a component: its own fields, not LightningElement's. */
export type ComponentProperties<C> = Partial<Omit<C, keyof LightningElement>>;

/** Creates `<tag>` for `component`, sets its public properties, and appends it to the document. */
export function mount<C extends LightningElement>(
    tag: string,
    component: LightningElement['constructor'] & (new () => C),
    properties: ComponentProperties<C> = {}
): HTMLElement & ComponentProperties<C> {
    const element = createElement(tag, { is: component });
    Object.assign(element, properties);
    document.body.appendChild(element);
    return element;
}

/** Waits for LWC to re-render after a change (a microtask, then a macrotask for good measure). */
export async function flush(): Promise<void> {
    await Promise.resolve();
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/**
 * Removes every mounted element, then empties the tab's session storage (where the console saves its calls) and
 * forgets what was published, so each test starts from an empty document and nothing is restored from an earlier
 * test.
 */
export function resetDocument(): void {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    sessionStorage.clear();
    resetMessageService();
}

export function shadowOf(element: Element): ShadowRoot {
    const root = element.shadowRoot;
    if (root === null) {
        throw new Error(`${element.tagName.toLowerCase()} has no shadow root`);
    }
    return root;
}

/** The toolkit element inside a mounted `c-voice-call-console`. */
export function toolkitOf(consoleElement: Element): HTMLElement {
    const toolkit = shadowOf(consoleElement).querySelector('lightning-service-cloud-voice-toolkit-api');
    if (!(toolkit instanceof HTMLElement)) {
        throw new Error('c-voice-call-console does not render lightning-service-cloud-voice-toolkit-api');
    }
    return toolkit;
}

/** Dispatches a toolkit event, as the platform does: a DOM event whose `detail` is the payload. */
export async function fireToolkitEvent(
    consoleElement: Element,
    type: string,
    detail: unknown
): Promise<void> {
    toolkitOf(consoleElement).dispatchEvent(new CustomEvent(type, { detail }));
    await flush();
}

/** Every element matching `selector` in `root` and, in document order, inside the shadow trees of its elements. */
function deepMatches(root: ParentNode, selector: string, found: Element[]): Element[] {
    for (const child of Array.from(root.children)) {
        if (child.matches(selector)) {
            found.push(child);
        }
        if (child.shadowRoot !== null) {
            deepMatches(child.shadowRoot, selector, found);
        }
        deepMatches(child, selector, found);
    }
    return found;
}

/**
 * Every element matching `selector` inside `root`'s shadow tree, including inside the components it renders (a
 * transcript's lines are components of their own), in document order.
 */
export function queryDeep(root: Element, selector: string): Element[] {
    return deepMatches(shadowOf(root), selector, []);
}

/** Text of every element matching `selector` inside `root`'s shadow tree (and its components'), trimmed. */
export function textsOf(root: Element, selector: string): string[] {
    return queryDeep(root, selector).map((node) => node.textContent.trim());
}

/** A toolkit event as the platform delivers it: its name and its (untrusted) payload. */
export interface ToolkitPayload {
    readonly type: string;
    readonly detail: unknown;
}

/**
 * The call state the console would show after these payloads: each is parsed and applied in order,
 * 1 s apart. A payload the parser rejects fails the test, since fixtures must be valid.
 */
export function callFrom(payloads: readonly ToolkitPayload[], startAt = Date.UTC(2026, 0, 1, 9)): VoiceCall {
    let state = EMPTY_CONSOLE_STATE;
    payloads.forEach((payload, index) => {
        const result = parseToolkitEvent(payload, startAt + index * 1000);
        if (!result.ok) {
            throw new Error(`fixture rejected: ${result.rejection.reason}`);
        }
        state = applyToolkitEvent(state, result.event);
    });
    const call = shownCall(state);
    if (call === undefined) {
        throw new Error('fixture payloads produced no call');
    }
    return call;
}

/** The part of sfdx-lwc-jest's LDS test wire adapter (its stub of `getRecord`) the tests drive. */
export interface LdsTestWireAdapter {
    /** Sends `{ data: record, error: undefined }` to every component wired to the adapter. */
    emit(record: unknown): void;
    /** Sends `{ data: undefined, error }` (a fetch error with this body, status and text) to every wired component. */
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): unknown;
}

function isLdsTestWireAdapter(adapter: unknown): adapter is LdsTestWireAdapter {
    return (
        typeof adapter === 'function' &&
        'emit' in adapter &&
        typeof adapter.emit === 'function' &&
        'error' in adapter &&
        typeof adapter.error === 'function' &&
        'getLastConfig' in adapter &&
        typeof adapter.getLastConfig === 'function'
    );
}

/** `getRecord` as jest sees it: sfdx-lwc-jest's test wire adapter. */
export function getRecordWire(): LdsTestWireAdapter {
    // In jest, the adapter is a test double that tests drive directly, as sfdx-lwc-jest documents.
    // eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
    const adapter: unknown = getRecord;
    if (!isLdsTestWireAdapter(adapter)) {
        throw new Error('lightning/uiRecordApi getRecord is not the sfdx-lwc-jest test wire adapter');
    }
    return adapter;
}

/** Emits a VoiceCall record, as the platform's getRecord provides it, with this VendorCallKey (the call's id). */
export async function emitVoiceCall(
    vendorCallKey: string | null,
    recordId = '0LQ000000000001'
): Promise<void> {
    getRecordWire().emit({
        apiName: 'VoiceCall',
        id: recordId,
        fields: { VendorCallKey: { value: vendorCallKey, displayValue: null } }
    });
    await flush();
}

/* Lightning Message Service: sfdx-lwc-jest stubs `lightning/messageService` with a `jest.fn()` per function. */

/** One `publish(messageContext, channel, message)` call. */
export interface PublishedMessage {
    readonly messageContext: unknown;
    /** In jest, a `@salesforce/messageChannel/Name__c` import is the string "Name__c". */
    readonly channel: unknown;
    readonly message: unknown;
}

/** Fails the test unless `fn` is the stub's mock (another stub would make every assertion vacuous). */
function assertStubbed(name: string, fn: (...args: never[]) => unknown): void {
    if (!jest.isMockFunction(fn)) {
        throw new Error(`lightning/messageService ${name} is not the sfdx-lwc-jest stub`);
    }
}

/** Every message published since the last reset, oldest first; with `channel`, only those on it. */
export function publishedMessages(channel?: unknown): PublishedMessage[] {
    assertStubbed('publish', publish);
    const published = jest
        .mocked(publish)
        .mock.calls.map(([messageContext, sent, message]): PublishedMessage => ({
            messageContext,
            channel: sent,
            message
        }));
    return channel === undefined ? published : published.filter((entry) => entry.channel === channel);
}

/** Forgets every call to the stub's functions (the stub's module-level mocks would leak between tests). */
export function resetMessageService(): void {
    const functions = { publish, subscribe, unsubscribe, createMessageContext, releaseMessageContext };
    for (const [name, fn] of Object.entries(functions)) {
        assertStubbed(name, fn);
        jest.mocked(fn).mockClear();
    }
}

/** The part of sfdx-lwc-jest's test wire adapter (its stub of `MessageContext`) the tests drive. */
interface MessageContextTestAdapter {
    emit(value: unknown): void;
}

function isMessageContextTestAdapter(adapter: unknown): adapter is MessageContextTestAdapter {
    return typeof adapter === 'function' && 'emit' in adapter && typeof adapter.emit === 'function';
}

/**
 * Gives every component wired to `MessageContext` this context (as the platform does when it connects) and returns
 * it, so a test can check it was the one published with.
 */
export async function emitMessageContext(
    messageContext: unknown = { messageContext: 'test' }
): Promise<unknown> {
    // In jest, the adapter is a test double that tests drive directly, as sfdx-lwc-jest documents.
    // eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
    const adapter: unknown = MessageContext;
    if (!isMessageContextTestAdapter(adapter)) {
        throw new Error('lightning/messageService MessageContext is not the sfdx-lwc-jest test wire adapter');
    }
    adapter.emit(messageContext);
    await flush();
    return messageContext;
}
