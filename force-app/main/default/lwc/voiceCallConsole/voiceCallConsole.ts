/**
 * Container component: hosts the Service Cloud Voice toolkit element, subscribes once to all of its
 * events, parses each untrusted event, folds it into the call state, and passes the shown call to the
 * status, transcript, flags and notes panels. It restores the calls saved before a reload, saves them as they change,
 * shows only the record's call on a VoiceCall record page, and counts what it ignored.
 */
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord } from 'lightning/uiRecordApi';
import type { GetRecordResult } from 'lightning/uiRecordApi';
import VENDOR_CALL_KEY_FIELD from '@salesforce/schema/VoiceCall.VendorCallKey';
import type { ParseResult } from 'c/voiceCallEvents';
import { TOOLKIT_EVENT_NAMES, parseToolkitEvent } from 'c/voiceCallEvents';
import type { Flag, Note, OrderedLog, Utterance, VoiceCall, VoiceCallConsoleState } from 'c/voiceCallState';
import {
    EMPTY_CONSOLE_STATE,
    applyToolkitEvent,
    isLive,
    logItems,
    openFlag,
    sameCallHeader,
    shownCall
} from 'c/voiceCallState';
import { VoiceCallClock } from 'c/voiceCallClock';
import type { EventDiagnostics } from 'c/voiceCallDiagnostics';
import { EMPTY_DIAGNOSTICS, recordOtherCall, recordRejection } from 'c/voiceCallDiagnostics';
import { VoiceCallStorage } from 'c/voiceCallStorage';
import { MessageContext, publish } from 'lightning/messageService';
import type { MessageContextValue } from 'lightning/messageService';
import VOICE_CALL_CONSOLE_CHANNEL from '@salesforce/messageChannel/Voice_Call_Console__c';
import type { CallSummary } from 'c/voiceCallSummary';
import { SummaryPublisher, callSummary } from 'c/voiceCallSummary';
import { Announcer, callNews } from 'c/voiceCallAnnouncer';
import type { TimelineEntry } from 'c/voiceCallTranscriptView';
import { timelineEntries } from 'c/voiceCallTranscriptView';
import type { ConsoleSettings } from 'c/voiceCallSettings';
import { SETTING_NAMES, normaliseSettings } from 'c/voiceCallSettings';
import { DIAGNOSTICS_LABELS, formatClockTime, ignoredEventsLabel, isoTime } from 'c/voiceCallFormat';
import RECORD_CALL_UNKNOWN from '@salesforce/label/c.VCC_Console_RecordCallUnknown';

/** The console's own words (its panels have theirs). */
const LABELS = Object.freeze({
    /** On a record page whose VoiceCall could not be read (or has no VendorCallKey). */
    recordCallUnknown: RECORD_CALL_UNKNOWN,
    reasonsHeading: DIAGNOSTICS_LABELS.reasonsHeading,
    recentHeading: DIAGNOSTICS_LABELS.recentHeading,
    noRecent: DIAGNOSTICS_LABELS.noRecent
});

/**
 * Which call a record page shows: none asked (utility bar, home page), its VoiceCall still loading, the call whose
 * VendorCallKey the record gave, or unknown (the record could not be read): then it follows the active call.
 */
type RecordCall =
    | { readonly kind: 'none' }
    | { readonly kind: 'loading' }
    | { readonly kind: 'known'; readonly callId: string }
    | { readonly kind: 'unknown' };

interface ReasonRow {
    readonly key: string;
    readonly label: string;
    readonly count: number;
}

interface RejectionRow {
    readonly key: string;
    readonly eventType: string;
    readonly reason: string;
    readonly time: string;
    readonly isoTime: string;
}

/**
 * What the panels show of the shown call, but its transcript: a new object only when one of them changes, so that a
 * transcript line (most events of a call) does not render the console again. Each part keeps its identity while
 * unchanged, so the panels given it do not render again either.
 */
interface CallParts {
    /** The call for the status and controls: the previous object while its header is unchanged. */
    readonly header: VoiceCall | undefined;
    readonly flags: readonly Flag[];
    readonly notesLog: OrderedLog<Note> | undefined;
    readonly notes: readonly Note[];
    readonly moments: VoiceCall['moments'] | undefined;
    readonly callId: string | undefined;
    readonly callStartedAt: number | undefined;
}

const NO_FLAGS: readonly Flag[] = [];
const NO_NOTES: readonly Note[] = [];
const NO_CALL: CallParts = {
    header: undefined,
    flags: NO_FLAGS,
    notesLog: undefined,
    notes: NO_NOTES,
    moments: undefined,
    callId: undefined,
    callStartedAt: undefined
};

/** c-voice-call-transcript, as the console gives it each new transcript between renders. */
interface TranscriptPanel extends HTMLElement {
    log: OrderedLog<Utterance> | undefined;
}

function isTranscriptPanel(element: unknown): element is TranscriptPanel {
    return element instanceof HTMLElement && 'log' in element;
}

interface PanelMemo {
    /** Every call the console knows: kept out of LWC's reactivity (see `state`). */
    state: VoiceCallConsoleState;
    /** The template has rendered (its refs may be read). */
    rendered: boolean;
    /** The timeline last built, and what it was built from. */
    timeline: readonly TimelineEntry[];
    timelineOf: readonly unknown[];
    /** The raw design-attribute values last read (in SETTING_NAMES order), and the settings read from them. */
    settingsRaw: readonly unknown[];
    settings: ConsoleSettings | undefined;
}

export default class VoiceCallConsole extends LightningElement {
    /** The VoiceCall record's id, set by the platform on a record page; undefined elsewhere. */
    @api recordId: string | undefined;

    // Admin settings (design attributes in App Builder). Untrusted: read through normaliseSettings, where a bad value
    // falls back to its default with a warning.
    @api showStatus: unknown;
    @api showTranscript: unknown;
    @api showFlags: unknown;
    @api showNotes: unknown;
    @api showControls: unknown;
    @api transcriptHeight: unknown;
    @api showTimeline: unknown;
    @api holdTooLongSeconds: unknown;

    /** What the panels show of the shown call, but its transcript (see CallParts). */
    callParts: CallParts = NO_CALL;
    diagnostics: EventDiagnostics = EMPTY_DIAGNOSTICS;
    diagnosticsExpanded = false;
    recordCall: RecordCall = { kind: 'none' };

    readonly labels = LABELS;
    /** The time of the live timers, from `clock`: updated once a second while the shown call has one running. */
    now: number | undefined;

    /** The toolkit element we listen to; set once subscribed, cleared on disconnect. */
    private toolkit: HTMLElement | undefined;
    private readonly storage = new VoiceCallStorage();
    /** The console's one clock for every panel's timers. */
    private readonly clock = new VoiceCallClock((now) => {
        this.now = now;
    });
    private restored = false;
    /**
     * What the panels were last given, derived from `state`. Its properties change during render, so it is a plain
     * object whose own fields LWC does not track (the field itself is never reassigned).
     */
    private readonly memo: PanelMemo = {
        state: EMPTY_CONSOLE_STATE,
        rendered: false,
        timeline: [],
        timelineOf: [],
        settingsRaw: [],
        settings: undefined
    };

    /** What the polite live region says: news of the call, at most once a second. */
    announcement = '';

    private readonly announcer = new Announcer((text) => {
        this.announcement = text;
    });

    /** The message channel's context, once the platform provides it. */
    private messageContext: MessageContextValue | undefined;

    /** Publishes a summary of the shown call on the message channel when it changes, at most once a second. */
    private readonly publisher = new SummaryPublisher((message: CallSummary) => {
        if (this.messageContext !== undefined) {
            publish(this.messageContext, VOICE_CALL_CONSOLE_CHANNEL, message);
        }
    });

    @wire(MessageContext)
    wiredMessageContext(context: MessageContextValue | undefined): void {
        this.messageContext = context;
        this.publishSummary();
    }

    /** One bound listener for every event name, so removal matches addition exactly. */
    private readonly handleToolkitEvent = (event: Event): void => {
        this.receive(parseToolkitEvent(event, Date.now()));
    };

    /** The VoiceCall's VendorCallKey is the callId of the toolkit's events for that call. */
    @wire(getRecord, { recordId: '$recordId', fields: [VENDOR_CALL_KEY_FIELD] })
    wiredVoiceCall({ data, error }: GetRecordResult): void {
        const before = this.recordCallId;
        if (this.recordId === undefined) {
            this.recordCall = { kind: 'none' };
        } else if (data !== undefined) {
            const key = getFieldValue(data, VENDOR_CALL_KEY_FIELD);
            this.recordCall =
                typeof key === 'string' && key.trim() !== ''
                    ? { kind: 'known', callId: key }
                    : { kind: 'unknown' };
        } else if (error !== undefined) {
            this.recordCall = { kind: 'unknown' };
        } else {
            this.recordCall = { kind: 'loading' };
        }
        const recordCallId = this.recordCallId;
        if (recordCallId !== undefined && recordCallId !== before) {
            // The record's call is the one to keep from now on.
            this.storage.schedule(this.state, recordCallId);
        }
        this.updateCallParts();
        this.updateClock();
    }

    /**
     * Every call the console knows. Not a field: LWC would render the console again on every event, a transcript line
     * included. Setting it updates `callParts` (which renders the panels whose part changed) and gives the transcript
     * panel its new transcript directly.
     */
    private get state(): VoiceCallConsoleState {
        return this.memo.state;
    }
    private set state(value: VoiceCallConsoleState) {
        this.memo.state = value;
        this.updateCallParts();
    }

    private updateCallParts(): void {
        const call = this.call;
        const parts = this.callParts;
        const header =
            call !== undefined && parts.header !== undefined && sameCallHeader(parts.header, call)
                ? parts.header
                : call;
        const flags = call?.flags ?? NO_FLAGS;
        const notesLog = call?.notes;
        const moments = call?.moments;
        const callId = call?.callId;
        const times = call?.times;
        const callStartedAt = times?.startedAt ?? times?.connectedAt;
        if (
            header !== parts.header ||
            flags !== parts.flags ||
            notesLog !== parts.notesLog ||
            moments !== parts.moments ||
            callId !== parts.callId ||
            callStartedAt !== parts.callStartedAt
        ) {
            const notes =
                notesLog === parts.notesLog
                    ? parts.notes
                    : notesLog === undefined
                      ? NO_NOTES
                      : logItems(notesLog);
            this.callParts = { header, flags, notesLog, notes, moments, callId, callStartedAt };
        }
        // The template gives the transcript panel its transcript when it renders; between renders, this does.
        const transcript = this.memo.rendered ? this.refs?.transcript : undefined;
        if (isTranscriptPanel(transcript)) {
            transcript.log = call?.transcript;
        }
    }

    override connectedCallback(): void {
        // Created again (reload, reopened panel, re-render): show the calls saved before. Once per instance.
        if (!this.restored) {
            this.restored = true;
            this.state = this.storage.restore();
        }
        this.updateClock();
    }

    override renderedCallback(): void {
        this.memo.rendered = true;
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
        // Write and publish what is pending now: no timer outlives the console.
        this.storage.flush();
        this.publisher.flush();
        this.announcer.dispose();
        this.clock.stop();
        const toolkit = this.toolkit;
        if (toolkit === undefined) {
            return;
        }
        for (const name of TOOLKIT_EVENT_NAMES) {
            toolkit.removeEventListener(name, this.handleToolkitEvent);
        }
        this.toolkit = undefined;
    }

    /** The toolkit element for the call controls: set once subscribed (fields are reactive), cleared on disconnect. */
    get toolkitElement(): HTMLElement | undefined {
        return this.toolkit;
    }

    /** The record page's call once known; until then (and off record pages) every call is followed. */
    private get recordCallId(): string | undefined {
        return this.recordCall.kind === 'known' ? this.recordCall.callId : undefined;
    }

    private receive(result: ParseResult): void {
        if (!result.ok) {
            this.diagnostics = recordRejection(this.diagnostics, result.rejection);
            return;
        }
        const { event } = result;
        const recordCallId = this.recordCallId;
        if (recordCallId !== undefined && event.callId !== recordCallId) {
            // Every console of the tab gets every event: a record page shows its own call only.
            this.diagnostics = recordOtherCall(this.diagnostics, event.type, event.receivedAt);
            return;
        }
        const next = applyToolkitEvent(this.state, event);
        if (next !== this.state) {
            const before = this.call;
            this.state = next;
            this.announcer.tell(callNews(before, this.call));
            this.storage.schedule(next, recordCallId);
            this.publishSummary();
            this.updateClock();
        }
    }

    /** The clock runs while the shown call is live or has a flag waiting for help. */
    private updateClock(): void {
        const call = this.call;
        this.clock.update(call !== undefined && (isLive(call) || openFlag(call) !== undefined));
    }

    private publishSummary(): void {
        if (this.messageContext !== undefined) {
            this.publisher.updateWith(() => callSummary(this.call));
        }
    }

    /**
     * The admin's settings, read again only when a design attribute changes: a bad value warns once, not on every
     * render.
     */
    get settings(): ConsoleSettings {
        const raw: Readonly<Record<string, unknown>> = {
            showStatus: this.showStatus,
            showTranscript: this.showTranscript,
            showFlags: this.showFlags,
            showNotes: this.showNotes,
            showControls: this.showControls,
            transcriptHeight: this.transcriptHeight,
            showTimeline: this.showTimeline,
            holdTooLongSeconds: this.holdTooLongSeconds
        };
        const values = SETTING_NAMES.map((name) => raw[name]);
        const known = this.memo.settingsRaw;
        if (
            this.memo.settings === undefined ||
            values.some((value, index) => !Object.is(value, known[index]))
        ) {
            this.memo.settingsRaw = values;
            this.memo.settings = normaliseSettings(raw, (message) => {
                console.warn(`voiceCallConsole: ${message}`);
            });
        }
        return this.memo.settings;
    }

    get call(): VoiceCall | undefined {
        const recordCallId = this.recordCallId;
        return recordCallId === undefined ? shownCall(this.state) : this.state.calls.get(recordCallId);
    }

    /**
     * The call as the status panel sees it: the previous object while its header is unchanged, so a transcript line
     * (most events of a call) does not re-render the status.
     */
    get headerCall(): VoiceCall | undefined {
        return this.callParts.header;
    }

    /** The whole transcript: the transcript shows what the agent asks of it (given again by `updateCallParts`). */
    get transcript(): OrderedLog<Utterance> | undefined {
        return this.call?.transcript;
    }

    /**
     * The call's timeline when the admin turned it on: built again only when the call's moments, flags or notes
     * change, not on every transcript line.
     */
    get timeline(): readonly TimelineEntry[] | undefined {
        const { moments, flags, notesLog, notes } = this.callParts;
        if (!this.settings.showTimeline || moments === undefined) {
            return undefined;
        }
        const sources = [moments, flags, notesLog];
        if (sources.some((source, index) => source !== this.memo.timelineOf[index])) {
            this.memo.timelineOf = sources;
            this.memo.timeline = timelineEntries(moments, flags, notes);
        }
        return this.memo.timeline;
    }

    get callId(): string | undefined {
        return this.callParts.callId;
    }

    get callStartedAt(): number | undefined {
        return this.callParts.callStartedAt;
    }

    get flags(): readonly Flag[] {
        return this.callParts.flags;
    }

    /** The same array while the notes are unchanged, so a transcript line does not re-render the notes. */
    get notes(): readonly Note[] {
        return this.callParts.notes;
    }

    get hasAnnouncement(): boolean {
        return this.announcement !== '';
    }

    get recordCallUnknown(): boolean {
        return this.recordCall.kind === 'unknown';
    }

    get hasIgnoredEvents(): boolean {
        return this.diagnostics.total > 0;
    }

    get ignoredLabel(): string {
        return ignoredEventsLabel(this.diagnostics.total);
    }

    get lastIgnoredReason(): string {
        return this.diagnostics.last?.reason ?? '';
    }

    get diagnosticsExpandedValue(): string {
        return String(this.diagnosticsExpanded);
    }

    get reasonRows(): ReasonRow[] {
        return this.diagnostics.reasons.map(({ key, code, reason, count }) => ({
            key,
            label: `${reason} (${code})`,
            count
        }));
    }

    /** Newest first. */
    get rejectionRows(): RejectionRow[] {
        return this.diagnostics.recent
            .map((rejection) => ({
                key: String(rejection.number),
                eventType: rejection.eventType,
                reason: rejection.reason,
                time: formatClockTime(rejection.receivedAt),
                isoTime: isoTime(rejection.receivedAt)
            }))
            .reverse();
    }

    get hasRejections(): boolean {
        return this.diagnostics.recent.length > 0;
    }

    handleToggleDiagnostics(): void {
        this.diagnosticsExpanded = !this.diagnosticsExpanded;
    }
}
