/**
 * The contract between the call simulator (pure TypeScript, no DOM), the simulated toolkit element and
 * the preview page's controls. Scenarios are the JSON files under scenarios/.
 */
import type { ToolkitEventName } from '../../force-app/main/default/lwc/voiceCallEvents/voiceCallEvents';

export type { ToolkitEventName };

/** Every method of `<lightning-service-cloud-voice-toolkit-api>` (shared/reference/toolkit-api.md). */
export const TOOLKIT_METHOD_NAMES = [
    'mute',
    'unmute',
    'hold',
    'resume',
    'endCall',
    'acceptCall',
    'declineCall',
    'pauseRecording',
    'resumeRecording',
    'merge',
    'swap',
    'addParticipant',
    'sendDigits',
    'startPreviewCall',
    'updateNextBestActions'
] as const;

export type ToolkitMethodName = (typeof TOOLKIT_METHOD_NAMES)[number];

/** One scripted event: fired `at` ms after the scenario starts (at speed 1). */
export interface ScenarioEvent {
    readonly at: number;
    readonly type: ToolkitEventName;
    /** The payload as the toolkit would send it. Scenarios may hold malformed payloads on purpose. */
    readonly detail: unknown;
}

/** A scenario file (scenarios/*.json), validated against scenarios/scenario.schema.json. */
export interface Scenario {
    readonly name: string;
    readonly description: string;
    readonly events: readonly ScenarioEvent[];
}

/** Where a fired event came from. */
export type EventSource = 'scenario' | 'control' | 'method';

/** One line of the live event log the page shows. `time` is ms since the epoch. */
export type SimulatorLogEntry =
    | {
          readonly kind: 'event';
          readonly seq: number;
          readonly time: number;
          readonly type: ToolkitEventName;
          readonly detail: unknown;
          readonly source: EventSource;
      }
    | {
          readonly kind: 'method';
          readonly seq: number;
          readonly time: number;
          readonly method: string;
          readonly args: readonly unknown[];
      }
    | {
          /** A method that makes no sense in the current state: no event is fired. */
          readonly kind: 'refused';
          readonly seq: number;
          readonly time: number;
          readonly method: string;
          readonly reason: string;
      }
    | {
          /** Scenario loaded, played, paused, finished, speed changed, reset. */
          readonly kind: 'info';
          readonly seq: number;
          readonly time: number;
          readonly text: string;
      };

export interface PlayerStatus {
    readonly scenarioName: string | undefined;
    readonly playing: boolean;
    /** Index of the next scenario event to fire. */
    readonly position: number;
    readonly total: number;
    /** Scenario time reached, in ms (scaled by speed). */
    readonly elapsedMs: number;
    readonly speed: number;
    readonly finished: boolean;
}

/** The telephony side's view of the current call, as far as the simulator tracks it. */
export interface SimulatedCall {
    readonly callId: string;
    readonly callType: 'inbound' | 'outbound';
    /** Initial caller's number, then third party if any. */
    readonly participants: readonly {
        readonly name: string;
        readonly type: 'Initial_Caller' | 'Third_Party';
        readonly onHold: boolean;
    }[];
    readonly connected: boolean;
    readonly ended: boolean;
    readonly muted: boolean;
    readonly recordingPaused: boolean;
}

/** Timers and clock, injected so tests run on a fake clock. */
export interface SimulatorClock {
    now(): number;
    setTimeout(callback: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}

export type FireToolkitEvent = (type: ToolkitEventName, detail: unknown) => void;

export interface VoiceCallSimulator {
    /** A simulated toolkit element attaches to receive every fired event; returns the detach function. */
    attach(fire: FireToolkitEvent): () => void;
    /** A toolkit method called by a component on the element. Logged, then answered with events or refused. */
    callMethod(method: string, args: readonly unknown[]): void;

    /** Fires one event from the page's controls; missing detail fields are filled from the current call. */
    fireEvent(type: ToolkitEventName, detail?: Readonly<Record<string, unknown>>): void;
    sendTranscript(text: string, role: 'Agent' | 'EndUser' | 'Supervisor'): void;
    raiseFlag(text: string, displayName?: string): void;
    lowerFlag(role: 'Agent' | 'Supervisor', displayName?: string): void;
    sendNote(text: string, role: 'Agent' | 'Supervisor', displayName?: string): void;

    load(scenario: Scenario): void;
    play(): void;
    pause(): void;
    /** Fires the next scenario event now. */
    step(): void;
    /** Fires every remaining scenario event now, in order, as repeated steps would; the scenario is then finished. */
    finish(): void;
    setSpeed(speed: number): void;
    /** Stops playback, clears the log and the simulated call; the loaded scenario restarts from the top. */
    reset(): void;

    status(): PlayerStatus;
    call(): SimulatedCall | undefined;
    log(): readonly SimulatorLogEntry[];
    /** Called after every change to the log, the status or the call; returns the unsubscribe function. */
    subscribe(listener: () => void): () => void;
}
