/**
 * Types for Lightning Message Service: `lightning/messageService` and `@salesforce/messageChannel/<Name>__c`
 * imports, which exist only inside a Salesforce org. In jest, sfdx-lwc-jest's stub provides the module (every
 * function a `jest.fn()`, `MessageContext` a test wire adapter) and its transformer turns a channel import into the
 * channel's API name, a string: test-utils reads what was published. Messages crossing components are untrusted:
 * a subscriber receives `unknown` and narrows it.
 */
declare module 'lightning/messageService' {
    /** A wire adapter as `@wire` takes it (the shape of lwc's WireAdapterConstructor, which `lwc` does not export). */
    export interface MessageContextAdapter {
        new (
            callback: (value: MessageContextValue) => void,
            sourceContext?: { tagName: string }
        ): {
            update(
                config: Readonly<Record<string, never>>,
                context?: Readonly<Record<string, unknown>>
            ): void;
            connect(): void;
            disconnect(): void;
        };
    }

    /** What `@wire(MessageContext)` provides: the component's context for publishing and subscribing. */
    export interface MessageContextValue {
        readonly __messageContext: never;
    }

    /** What `import CHANNEL from '@salesforce/messageChannel/Name__c'` gives: an opaque channel reference. */
    export interface MessageChannel {
        readonly __messageChannel: never;
    }

    /** What `subscribe` returns, to pass to `unsubscribe`. */
    export interface MessageSubscription {
        readonly __messageSubscription: never;
    }

    /** Subscriber scope that also receives messages from outside the component's active area (other tabs). */
    export const APPLICATION_SCOPE: unique symbol;

    export interface SubscriberOptions {
        readonly scope?: typeof APPLICATION_SCOPE;
    }

    export const MessageContext: MessageContextAdapter;

    /** Sends `message` (plain data: it is copied) to every subscriber of the channel. */
    export function publish(
        messageContext: MessageContextValue,
        messageChannel: MessageChannel,
        message?: unknown
    ): void;

    export function subscribe(
        messageContext: MessageContextValue,
        messageChannel: MessageChannel,
        listener: (message: unknown) => void,
        subscriberOptions?: SubscriberOptions
    ): MessageSubscription;

    export function unsubscribe(subscription: MessageSubscription): void;

    /** A context for code outside a component's wire (Aura, plain modules); release it when done. */
    export function createMessageContext(): MessageContextValue;

    export function releaseMessageContext(messageContext: MessageContextValue): void;
}

declare module '@salesforce/messageChannel/*' {
    import type { MessageChannel } from 'lightning/messageService';

    const channel: MessageChannel;
    export default channel;
}
