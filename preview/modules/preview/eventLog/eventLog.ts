/**
 * Presentation component: the live event log, newest first: every event fired (type, source, detail), every
 * toolkit method a component called, refusals, and player messages.
 */
import { LightningElement, api } from 'lwc';
import type { LogLine } from '../logFormat/logFormat';
import { MAX_LOG_LINES } from '../logFormat/logFormat';

export default class EventLog extends LightningElement {
    @api lines: readonly LogLine[] = [];

    get hasLines(): boolean {
        return this.lines.length > 0;
    }

    get countLabel(): string {
        return this.lines.length >= MAX_LOG_LINES ? `newest ${MAX_LOG_LINES}` : String(this.lines.length);
    }
}
