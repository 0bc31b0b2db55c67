/**
 * Presentation component: supervisor-help flags. Each shows its text, who raised it and when; once
 * lowered, "Lowered by <name>" and when. Renders only its `flags` input.
 */
import { LightningElement, api } from 'lwc';
import type { Flag } from 'c/voiceCallState';
import { formatClockTime, isoTime, senderName } from 'c/voiceCallFormat';

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
}

export default class VoiceCallFlags extends LightningElement {
    /** The call's flags, in the order they were raised. */
    @api flags: readonly Flag[] = [];

    get rows(): FlagRow[] {
        return this.flags.map((flag) => {
            const lowered = flag.loweredAt !== undefined;
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
                stateLabel: lowered ? 'Lowered' : 'Help requested'
            };
        });
    }

    get isEmpty(): boolean {
        return this.flags.length === 0;
    }
}
