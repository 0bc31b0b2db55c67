/**
 * Container component: hosts the Service Cloud Voice toolkit element, subscribes once to all of its
 * events, parses each untrusted event, folds it into the call state, and passes the shown call to the
 * status, transcript, flags and notes panels.
 */
import { LightningElement } from 'lwc';
import type { ParseResult, RejectionCode, ToolkitEventRejection } from 'c/voiceCallEvents';
import { TOOLKIT_EVENT_NAMES, parseToolkitEvent } from 'c/voiceCallEvents';
import type { Flag, Note, Utterance, VoiceCall, VoiceCallConsoleState } from 'c/voiceCallState';
import { EMPTY_CONSOLE_STATE, applyToolkitEvent, logItems, shownCall } from 'c/voiceCallState';

/** What was ignored and why: counts by reason code, and the last rejection for a quick look. */
export interface IgnoredEvents {
    readonly total: number;
    readonly byCode: Readonly<Partial<Record<RejectionCode, number>>>;
    readonly last: ToolkitEventRejection | undefined;
}

const NO_IGNORED_EVENTS: IgnoredEvents = { total: 0, byCode: {}, last: undefined };

export default class VoiceCallConsole extends LightningElement {
    state: VoiceCallConsoleState = EMPTY_CONSOLE_STATE;
    ignored: IgnoredEvents = NO_IGNORED_EVENTS;

    /** The toolkit element we listen to; set once subscribed, cleared on disconnect. */
    private toolkit: HTMLElement | undefined;

    /** One bound listener for every event name, so removal matches addition exactly. */
    private readonly handleToolkitEvent = (event: Event): void => {
        this.receive(parseToolkitEvent(event, Date.now()));
    };

    override renderedCallback(): void {
        // The toolkit element is absent in connectedCallback; subscribe after the first render, once.
        if (this.toolkit !== undefined) {
            return;
        }
        const toolkit = this.refs?.toolkit;
        if (!(toolkit instanceof HTMLElement)) {
            return;
        }
        for (const name of TOOLKIT_EVENT_NAMES) {
            toolkit.addEventListener(name, this.handleToolkitEvent);
        }
        this.toolkit = toolkit;
    }

    override disconnectedCallback(): void {
        const toolkit = this.toolkit;
        if (toolkit === undefined) {
            return;
        }
        for (const name of TOOLKIT_EVENT_NAMES) {
            toolkit.removeEventListener(name, this.handleToolkitEvent);
        }
        this.toolkit = undefined;
    }

    private receive(result: ParseResult): void {
        if (result.ok) {
            this.state = applyToolkitEvent(this.state, result.event);
            return;
        }
        const { code } = result.rejection;
        this.ignored = {
            total: this.ignored.total + 1,
            byCode: { ...this.ignored.byCode, [code]: (this.ignored.byCode[code] ?? 0) + 1 },
            last: result.rejection
        };
    }

    get call(): VoiceCall | undefined {
        return shownCall(this.state);
    }

    get utterances(): readonly Utterance[] {
        const call = this.call;
        return call === undefined ? [] : logItems(call.transcript);
    }

    get flags(): readonly Flag[] {
        return this.call?.flags ?? [];
    }

    get notes(): readonly Note[] {
        const call = this.call;
        return call === undefined ? [] : logItems(call.notes);
    }

    get hasIgnoredEvents(): boolean {
        return this.ignored.total > 0;
    }

    get ignoredLabel(): string {
        return this.ignored.total === 1 ? '1 event ignored' : `${String(this.ignored.total)} events ignored`;
    }

    get lastIgnoredReason(): string {
        return this.ignored.last?.reason ?? '';
    }
}
