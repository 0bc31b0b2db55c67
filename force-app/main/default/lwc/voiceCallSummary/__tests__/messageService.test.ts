/**
 * Publishing through Lightning Message Service in jest, the way the console does it: a component wired to
 * `MessageContext` publishes call summaries on the Voice_Call_Console__c channel through a SummaryPublisher, and
 * test-utils reads what sfdx-lwc-jest's stub of `lightning/messageService` recorded. Copy this pattern to test a
 * component that publishes.
 */
import { LightningElement, api, wire } from 'lwc';
import { MessageContext, publish } from 'lightning/messageService';
import type { MessageContextValue } from 'lightning/messageService';
import VOICE_CALL_CONSOLE_CHANNEL from '@salesforce/messageChannel/Voice_Call_Console__c';
import { SummaryPublisher, callSummary } from 'c/voiceCallSummary';
import type { VoiceCall } from 'c/voiceCallState';
import {
    callFrom,
    emitMessageContext,
    mount,
    publishedMessages,
    resetDocument
} from 'test-utils/voiceCallTestUtils';

const CALL_ID = 'call-lms-1';

/** The console's publishing, in miniature. */
class SummarySender extends LightningElement {
    @wire(MessageContext) messageContext: MessageContextValue | undefined;

    private readonly publisher = new SummaryPublisher((message) => {
        // The platform provides the context on connect; a summary sent before that would be lost, so wait for it.
        if (this.messageContext === undefined) {
            throw new Error('no message context yet');
        }
        publish(this.messageContext, VOICE_CALL_CONSOLE_CHANNEL, message);
    });

    @api
    show(call: VoiceCall | undefined): void {
        this.publisher.update(callSummary(call));
    }

    override disconnectedCallback(): void {
        this.publisher.dispose();
    }
}

function mountSender(): HTMLElement & Pick<SummarySender, 'show'> {
    // `mount` types public properties as optional; `show` is a method LWC always defines.
    return mount('c-summary-sender', SummarySender) as HTMLElement & Pick<SummarySender, 'show'>;
}

function connectedCall(): VoiceCall {
    return callFrom([
        {
            type: 'callconnected',
            detail: { callId: CALL_ID, callType: 'inbound', participant: '+1 415 555 0100' }
        },
        {
            type: 'transcript',
            detail: {
                callId: CALL_ID,
                id: 'u1',
                content: { formatType: 'Text', text: 'Hello, how can I help?' },
                sender: { role: 'Agent' }
            }
        }
    ]);
}

describe('c/voiceCallSummary through lightning/messageService', () => {
    afterEach(resetDocument);

    it('publishes the summary on the Voice_Call_Console__c channel with the wired message context', async () => {
        const element = mountSender();
        const messageContext = await emitMessageContext();

        element.show(connectedCall());

        const published = publishedMessages(VOICE_CALL_CONSOLE_CHANNEL);
        expect(published).toHaveLength(1);
        expect(published[0].messageContext).toBe(messageContext);
        expect(published[0].message).toMatchObject({
            version: 1,
            status: 'connected',
            callId: CALL_ID,
            participants: [{ name: '+1 415 555 0100', kind: 'Initial_Caller', onHold: false }],
            lastUtterance: {
                id: 'u1',
                text: 'Hello, how can I help?',
                speaker: { role: 'Agent', name: null }
            }
        });
    });

    it('publishes nothing before the message context arrives, then the next summary', async () => {
        const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
        const element = mountSender();
        try {
            element.show(connectedCall());
            expect(publishedMessages()).toEqual([]);
            expect(warn).toHaveBeenCalledTimes(1);

            await emitMessageContext();
            element.show(connectedCall());

            expect(publishedMessages().map((entry) => entry.message)).toEqual([callSummary(connectedCall())]);
        } finally {
            warn.mockRestore();
        }
    });

    it('forgets what was published when the document is reset', async () => {
        const element = mountSender();
        await emitMessageContext();
        element.show(undefined);
        expect(publishedMessages()).toHaveLength(1);

        resetDocument();

        expect(publishedMessages()).toEqual([]);
    });
});
