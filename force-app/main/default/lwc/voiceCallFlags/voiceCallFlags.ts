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
    formatLabel,
    isoDuration,
    isoTime,
    labelAround,
    senderName
} from 'c/voiceCallFormat';
import type { LabelAround } from 'c/voiceCallFormat';
import FLAGS_HEADING from '@salesforce/label/c.VCC_Flags_Heading';
import FLAGS_EMPTY from '@salesforce/label/c.VCC_Flags_Empty';
import RAISED_BY from '@salesforce/label/c.VCC_Flags_RaisedBy';
import LOWERED from '@salesforce/label/c.VCC_Flags_Lowered';
import LOWERED_BY from '@salesforce/label/c.VCC_Flags_LoweredBy';
import HELP_REQUESTED from '@salesforce/label/c.VCC_Flags_HelpRequested';

/** The panel's words: "Raised by {0}", and each wait's label split around its `{0}`, where the `<time>` goes. */
const LABELS = Object.freeze({
    heading: FLAGS_HEADING,
    empty: FLAGS_EMPTY,
    raisedBy: RAISED_BY,
    lowered: LOWERED,
    loweredBy: LOWERED_BY,
    helpRequested: HELP_REQUESTED,
    waiting: labelAround(TIMER_LABELS.flagWaiting),
    waited: labelAround(TIMER_LABELS.flagWaited)
});

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
    readonly wait: { readonly label: LabelAround; readonly text: string; readonly iso: string } | undefined;
}

export default class VoiceCallFlags extends LightningElement {
    /** The call's flags, in the order they were raised. */
    @api flags: readonly Flag[] = [];
    /** The time now (ms since the epoch), from the console's clock: how long an open flag has waited. */
    @api now: number | undefined;

    readonly labels = LABELS;

    get rows(): FlagRow[] {
        return this.flags.map((flag) => {
            const lowered = flag.loweredAt !== undefined;
            const waitMs = flagWaitMs(flag, this.now);
            return {
                key: flag.id,
                text: flag.text,
                raisedBy: formatLabel(LABELS.raisedBy, senderName(flag.sender)),
                raisedAt: formatClockTime(flag.at),
                raisedAtIso: isoTime(flag.at),
                lowered,
                loweredBy:
                    flag.loweredBy === undefined
                        ? LABELS.lowered
                        : formatLabel(LABELS.loweredBy, senderName(flag.loweredBy)),
                loweredAt: formatClockTime(flag.loweredAt),
                loweredAtIso: isoTime(flag.loweredAt),
                stateLabel: lowered ? LABELS.lowered : LABELS.helpRequested,
                wait:
                    waitMs === undefined
                        ? undefined
                        : {
                              label: lowered ? LABELS.waited : LABELS.waiting,
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
