/**
 * Replays a scenario headlessly through the console's real parser and state module (parseToolkitEvent,
 * applyToolkitEvent) and reports the final state of each call, as text or JSON. Deterministic: event times
 * are a fixed base time plus each event's `at`.
 */
// Imported relatively: in Node the `c/` specifiers do not resolve at run time (these modules import each
// other only as types, which compile away).
import { parseToolkitEvent } from '../../force-app/main/default/lwc/voiceCallEvents/voiceCallEvents';
import type {
    CallDirection,
    RejectionCode,
    Sender,
    SenderRole,
    ToolkitEventName
} from '../../force-app/main/default/lwc/voiceCallEvents/voiceCallEvents';
import {
    EMPTY_CONSOLE_STATE,
    applyToolkitEvent,
    isConference,
    logItems
} from '../../force-app/main/default/lwc/voiceCallState/voiceCallState';
import type {
    CallMessage,
    CallStatus,
    Flag,
    ParticipantKind,
    VoiceCall,
    VoiceCallConsoleState
} from '../../force-app/main/default/lwc/voiceCallState/voiceCallState';
import { findProjectRoot, labelValues } from '../../scripts/lib/customLabels';
import { formatScenarioTime } from './callSimulator';
import { fillScenarioEventDetail } from './eventDetails';
import type { Scenario } from './simulatorTypes';

/** The console's words for what the replay reports, as its custom labels give them in English. */
interface ReplayWords {
    readonly status: Readonly<Record<CallStatus, string>>;
    readonly direction: Readonly<Record<CallDirection, string>>;
    readonly speaker: Readonly<Record<SenderRole, string>>;
    readonly participantKind: Readonly<Record<ParticipantKind, string>>;
}

let replayWords: ReplayWords | undefined;

/**
 * Read once from the labels file (the components' `@salesforce/label` imports exist only in an org or a build), so
 * the replay says what the console shows. A label missing from the file is an error naming it.
 */
function words(): ReplayWords {
    if (replayWords === undefined) {
        const values = labelValues(findProjectRoot(__dirname));
        const label = (name: string): string => {
            const value = values.get(name);
            if (value === undefined) {
                throw new Error(`No custom label ${name} in the labels file`);
            }
            return value;
        };
        replayWords = {
            status: {
                connecting: label('VCC_Status_Connecting'),
                connected: label('VCC_Status_Connected'),
                ended: label('VCC_Status_Ended'),
                wrapUpComplete: label('VCC_Status_WrapUpComplete')
            },
            direction: {
                Inbound: label('VCC_Direction_Inbound'),
                Outbound: label('VCC_Direction_Outbound'),
                Unknown: label('VCC_Direction_Unknown')
            },
            speaker: {
                Agent: label('VCC_Speaker_Agent'),
                Supervisor: label('VCC_Speaker_Supervisor'),
                Customer: label('VCC_Speaker_Customer')
            },
            participantKind: {
                Initial_Caller: label('VCC_Participant_Caller'),
                Third_Party: label('VCC_Participant_ThirdParty')
            }
        };
    }
    return replayWords;
}

/** 1 January 2026, 09:00:00 UTC: scenario time 0 of every replay. */
export const REPLAY_BASE_TIME = Date.UTC(2026, 0, 1, 9);

export interface ReplayedSender {
    readonly role: SenderRole;
    /** The role as sent, for example "EndUser". */
    readonly rawRole: string | null;
    readonly displayName: string | null;
    /** "Customer", or "Jordan Lee (Agent)" when a display name is given. */
    readonly label: string;
}

export interface ReplayedMessage {
    readonly id: string;
    /** ISO 8601, UTC. */
    readonly time: string;
    readonly sender: ReplayedSender;
    readonly text: string;
}

export interface ReplayedFlag extends ReplayedMessage {
    readonly loweredAt: string | null;
    readonly loweredBy: ReplayedSender | null;
}

export interface ReplayedCall {
    readonly callId: string;
    readonly status: CallStatus;
    readonly statusLabel: string;
    readonly direction: string;
    readonly participants: readonly {
        readonly name: string;
        readonly kind: ParticipantKind;
        readonly onHold: boolean;
    }[];
    readonly muted: boolean;
    readonly recordingPaused: boolean;
    readonly conference: boolean;
    readonly joinedMidCall: boolean;
    readonly transcript: readonly ReplayedMessage[];
    readonly flags: readonly ReplayedFlag[];
    readonly notes: readonly ReplayedMessage[];
}

/** An event the parser rejected: the console ignores it. */
export interface IgnoredEvent {
    /** Its index in the scenario's events. */
    readonly index: number;
    /** Scenario time, ms. */
    readonly at: number;
    readonly type: ToolkitEventName;
    readonly code: RejectionCode;
    readonly reason: string;
}

export interface ReplayReport {
    readonly scenario: string;
    readonly events: number;
    /** In the order the console first saw them. */
    readonly calls: readonly ReplayedCall[];
    readonly ignored: readonly IgnoredEvent[];
}

export interface ReplayResult {
    readonly state: VoiceCallConsoleState;
    readonly report: ReplayReport;
}

/** The largest distance from the epoch a Date can hold, in ms. */
const MAX_DATE_MS = 8.64e15;

function isoTime(epochMs: number | undefined): string | null {
    return epochMs !== undefined && Number.isFinite(epochMs) && Math.abs(epochMs) <= MAX_DATE_MS
        ? new Date(epochMs).toISOString()
        : null;
}

function replayedSender(sender: Sender): ReplayedSender {
    const name = sender.displayName?.trim();
    const role = words().speaker[sender.role];
    return {
        role: sender.role,
        rawRole: sender.rawRole ?? null,
        displayName: sender.displayName ?? null,
        label: name === undefined || name === '' ? role : `${name} (${role})`
    };
}

function replayedMessage(message: CallMessage): ReplayedMessage {
    return {
        id: message.id,
        time: isoTime(message.at) ?? '',
        sender: replayedSender(message.sender),
        text: message.text
    };
}

function replayedFlag(flag: Flag): ReplayedFlag {
    return {
        ...replayedMessage(flag),
        loweredAt: isoTime(flag.loweredAt),
        loweredBy: flag.loweredBy === undefined ? null : replayedSender(flag.loweredBy)
    };
}

function replayedCall(call: VoiceCall): ReplayedCall {
    return {
        callId: call.callId,
        status: call.status,
        statusLabel: words().status[call.status],
        direction: words().direction[call.direction],
        participants: call.participants.map(({ name, kind, onHold }) => ({ name, kind, onHold })),
        muted: call.muted,
        recordingPaused: call.recordingPaused,
        conference: isConference(call),
        joinedMidCall: call.joinedMidCall,
        transcript: logItems(call.transcript).map(replayedMessage),
        flags: call.flags.map(replayedFlag),
        notes: logItems(call.notes).map(replayedMessage)
    };
}

/**
 * Runs every event of `scenario` through the console's parser and state, each received at `baseTime + at`,
 * with the same payload defaults the simulator applies when it plays the scenario.
 */
export function replayScenario(scenario: Scenario, baseTime: number = REPLAY_BASE_TIME): ReplayResult {
    let state = EMPTY_CONSOLE_STATE;
    const ignored: IgnoredEvent[] = [];
    scenario.events.forEach((event, index) => {
        const receivedAt = baseTime + event.at;
        const detail = fillScenarioEventDetail(event.type, event.detail, receivedAt);
        const parsed = parseToolkitEvent({ type: event.type, detail }, receivedAt);
        if (parsed.ok) {
            state = applyToolkitEvent(state, parsed.event);
        } else {
            const { code, reason } = parsed.rejection;
            ignored.push({ index, at: event.at, type: event.type, code, reason });
        }
    });
    const calls = [...state.calls.values()].sort((a, b) => a.firstSeenSeq - b.firstSeenSeq);
    return {
        state,
        report: {
            scenario: scenario.name,
            events: scenario.events.length,
            calls: calls.map(replayedCall),
            ignored
        }
    };
}

/** "09:00:12" (UTC) for an ISO time. */
function clockTime(iso: string | null): string {
    return iso === null || iso === '' ? '--:--:--' : iso.slice(11, 19);
}

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function yesNo(value: boolean): string {
    return value ? 'yes' : 'no';
}

function callLines(call: ReplayedCall): string[] {
    const participants = call.participants.map(
        (participant) =>
            `${participant.name} (${words().participantKind[participant.kind]}${participant.onHold ? ', on hold' : ''})`
    );
    const lines = [
        `Call ${call.callId}: ${call.statusLabel}${call.joinedMidCall ? ' (joined mid-call)' : ''}`,
        `  Direction: ${call.direction}`,
        `  Participants: ${participants.length === 0 ? 'none' : participants.join(', ')}`,
        `  Muted: ${yesNo(call.muted)} · Recording paused: ${yesNo(call.recordingPaused)} · Conference: ${yesNo(call.conference)}`,
        `  Transcript: ${plural(call.transcript.length, 'utterance')}`
    ];
    for (const utterance of call.transcript) {
        lines.push(`    [${clockTime(utterance.time)}] ${utterance.sender.label}: ${utterance.text}`);
    }
    lines.push(`  Flags: ${call.flags.length}`);
    for (const flag of call.flags) {
        lines.push(`    [${clockTime(flag.time)}] raised by ${flag.sender.label}: ${flag.text}`);
        lines.push(
            flag.loweredBy === null
                ? '      still raised'
                : `      lowered by ${flag.loweredBy.label} at ${clockTime(flag.loweredAt)}`
        );
    }
    lines.push(`  Notes: ${call.notes.length}`);
    for (const note of call.notes) {
        lines.push(`    [${clockTime(note.time)}] ${note.sender.label}: ${note.text}`);
    }
    return lines;
}

/** The report as readable text, one line each, ending with a newline. */
export function formatReplayText(report: ReplayReport): string {
    const lines = [
        `Scenario "${report.scenario}": ${plural(report.events, 'event')}, ${plural(report.calls.length, 'call')}, ${report.ignored.length} ignored`
    ];
    for (const call of report.calls) {
        lines.push('', ...callLines(call));
    }
    lines.push('', `Ignored events: ${report.ignored.length === 0 ? 'none' : report.ignored.length}`);
    for (const event of report.ignored) {
        lines.push(
            `  events[${event.index}] ${event.type} at ${formatScenarioTime(event.at)}: ${event.reason}`
        );
    }
    return `${lines.join('\n')}\n`;
}

/** The report as JSON, two-space indented, ending with a newline. */
export function formatReplayJson(report: ReplayReport): string {
    return `${JSON.stringify(report, null, 2)}\n`;
}
