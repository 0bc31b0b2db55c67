/**
 * Presentation component: supervisor-help flags. Each shows its text, who raised it and when, and how long it has
 * waited for help; once lowered, "Lowered by <name>", when, and how long it waited. Renders only its inputs.
 */
import { LightningElement, api } from 'lwc';
import type { Flag } from 'c/voiceCallState';
import { flagWaitMs } from 'c/voiceCallState';
import {
    TIMER_LABELS,
    formatClockTime,
    formatDuration,
    isoDuration,
    isoTime,
    senderName
} from 'c/voiceCallFormat';

interface FlagRow {
    readonly key: string;
    readonly text: string;
    readonly raisedBy: string;
    readonly raisedAt: string;
    readonly raisedAtIso: string;
    readonly lowered: boolean;
    readonly loweredBy: string;
    readonly loweredAt: string;
    readonly loweredAtIso: string;
    readonly stateLabel: string;
    /** "Waiting for help" or "Waited", and how long; undefined while an open flag has no clock. */
    readonly wait: { readonly label: string; readonly text: string; readonly iso: string } | undefined;
}

export default class VoiceCallFlags extends LightningElement {
    /** The call's flags, in the order they were raised. */
    @api flags: readonly Flag[] = [];
    /** The time now (ms since the epoch), from the console's clock: how long an open flag has waited. */
    @api now: number | undefined;

    get rows(): FlagRow[] {
        return this.flags.map((flag) => {
            const lowered = flag.loweredAt !== undefined;
            const waitMs = flagWaitMs(flag, this.now);
            return {
                key: flag.id,
                text: flag.text,
                raisedBy: `Raised by ${senderName(flag.sender)}`,
                raisedAt: formatClockTime(flag.at),
                raisedAtIso: isoTime(flag.at),
                lowered,
                loweredBy:
                    flag.loweredBy === undefined ? 'Lowered' : `Lowered by ${senderName(flag.loweredBy)}`,
                loweredAt: formatClockTime(flag.loweredAt),
                loweredAtIso: isoTime(flag.loweredAt),
                stateLabel: lowered ? 'Lowered' : 'Help requested',
                wait:
                    waitMs === undefined
                        ? undefined
                        : {
                              label: lowered ? TIMER_LABELS.flagWaited : TIMER_LABELS.flagWaiting,
                              text: formatDuration(waitMs),
                              iso: isoDuration(waitMs)
                          }
            };
        });
    }

    get isEmpty(): boolean {
        return this.flags.length === 0;
    }
}
