/**
 * Preview stand-in for `lightning/messageService` (the real one exists only inside a Salesforce org): one in-page
 * bus. `MessageContext` provides a context on connect; `publish` copies the message (as the platform does, plain
 * data only) to the channel's subscribers and keeps the last 100 on `window.voiceCallPreviewMessages`, so the
 * preview and its browser tests can see what the console published.
 */
import type {
    MessageChannel,
    MessageContextValue,
    MessageSubscription,
    SubscriberOptions
} from 'lightning/messageService';

interface Subscription {
    readonly channel: MessageChannel;
    readonly listener: (message: unknown) => void;
}

interface PublishedMessage {
    readonly channel: string;
    readonly message: unknown;
}

const KEPT_MESSAGES = 100;
const subscriptions = new Set<Subscription>();
const CONTEXT = Object.freeze({ preview: true }) as unknown as MessageContextValue;

function published(): PublishedMessage[] {
    const holder = window as unknown as { voiceCallPreviewMessages?: PublishedMessage[] };
    holder.voiceCallPreviewMessages ??= [];
    return holder.voiceCallPreviewMessages;
}

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

/** The wire adapter: gives its component the preview's one context once connected. */
export const MessageContext = class PreviewMessageContext {
    private readonly callback: (value: MessageContextValue) => void;

    constructor(callback: (value: MessageContextValue) => void) {
        this.callback = callback;
    }

    update(): void {
        // No configuration.
    }

    connect(): void {
        this.callback(CONTEXT);
    }

    disconnect(): void {
        // Nothing to release.
    }
};

export function publish(_context: MessageContextValue, channel: MessageChannel, message?: unknown): void {
    const copy: unknown = message === undefined ? undefined : JSON.parse(JSON.stringify(message));
    const log = published();
    // In the preview a channel is its API name, a string (see previewBuild).
    log.push({ channel: typeof channel === 'string' ? channel : '', message: copy });
    log.splice(0, Math.max(0, log.length - KEPT_MESSAGES));
    for (const subscription of subscriptions) {
        if (subscription.channel === channel) {
            subscription.listener(copy);
        }
    }
}

export function subscribe(
    _context: MessageContextValue,
    channel: MessageChannel,
    listener: (message: unknown) => void,
    _options?: SubscriberOptions
): MessageSubscription {
    const subscription: Subscription = { channel, listener };
    subscriptions.add(subscription);
    return subscription as unknown as MessageSubscription;
}

export function unsubscribe(subscription: MessageSubscription): void {
    subscriptions.delete(subscription as unknown as Subscription);
}

export function createMessageContext(): MessageContextValue {
    return CONTEXT;
}

export function releaseMessageContext(_context: MessageContextValue): void {
    // Nothing to release.
}
