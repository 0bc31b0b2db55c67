/**
 * The agent's call controls: mute, hold and resume each party, swap, merge, pause recording, end the call. A press
 * calls the toolkit element's method; the button waits, disabled, until the call shows the outcome, the request
 * times out or the method fails, and the status line says which.
 */
import { LightningElement, api } from 'lwc';
import type { VoiceCall } from 'c/voiceCallState';
import {
    ACTION_REQUESTS,
    CONFIRMATION_TIMEOUT_MS,
    CONTROL_MESSAGES,
    callControls,
    isControlId,
    requestMessage,
    settleWithCall,
    startRequest
} from './controlState';
import type { ControlId, MessageKind, PendingRequest } from './controlState';

/** The template's own words (each button's label comes with its row). */
const LABELS = Object.freeze({ group: CONTROL_MESSAGES.groupLabel });

interface ControlRow {
    readonly id: ControlId;
    readonly dataId: string;
    readonly label: string;
    readonly className: string;
    /** Cannot be pressed: out of focus order. A waiting button is not disabled but `aria-disabled`, see below. */
    readonly disabled: boolean;
    /**
     * "true" while its request waits: the button stays focusable, so keyboard focus stays on the button just pressed
     * (a `disabled` one loses it to the page); a press meanwhile asks nothing.
     */
    readonly ariaDisabled: string | undefined;
    /** "true"/"false" on toggles; undefined leaves the attribute out. */
    readonly ariaPressed: string | undefined;
    readonly ariaBusy: string | undefined;
    /** Shows a check mark: a pressed toggle is not told by colour alone. */
    readonly pressed: boolean;
}

/** `name` bound to the toolkit when it is a method of it; the toolkit is whatever the host passed. */
function toolkitMethod(toolkit: unknown, name: string): ((...args: unknown[]) => unknown) | undefined {
    if (typeof toolkit !== 'object' || toolkit === null) {
        return undefined;
    }
    const method: unknown = Reflect.get(toolkit, name);
    return typeof method === 'function'
        ? (...args): unknown => Reflect.apply(method, toolkit, args) as unknown
        : undefined;
}

export default class VoiceCallControls extends LightningElement {
    /** The toolkit element the console hosts; narrowed at each call. */
    @api toolkit: unknown;

    /** Requests sent and not yet confirmed, timed out or failed. */
    pending: readonly PendingRequest[] = [];
    /** The last outcome, for the polite status line. */
    message = '';
    readonly labels = LABELS;

    private shownCall: VoiceCall | undefined;
    private nextRequestId = 1;
    private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();

    /** The call to control; a new value may confirm a waiting request. */
    @api
    get call(): VoiceCall | undefined {
        return this.shownCall;
    }
    set call(value: VoiceCall | undefined) {
        this.shownCall = value;
        const settled = settleWithCall(this.pending, value);
        for (const request of settled.dropped) {
            this.stopTimer(request.id);
        }
        for (const request of settled.confirmed) {
            this.finish(request, 'confirmed');
        }
        this.pending = settled.pending;
    }

    override disconnectedCallback(): void {
        // No timer outlives the controls; a late answer then finds nothing waiting.
        for (const timer of this.timers.values()) {
            clearTimeout(timer);
        }
        this.timers.clear();
        this.pending = [];
    }

    get controls(): ControlRow[] {
        return callControls(this.shownCall, this.pending).map((control) => {
            const variant = control.id === 'endCall' ? 'destructive' : control.pressed ? 'brand' : 'neutral';
            return {
                id: control.id,
                dataId: `control-${control.id.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
                label: control.label,
                className: `slds-button slds-button_${variant}`,
                disabled: !control.enabled && !control.pending,
                ariaDisabled: control.pending ? 'true' : undefined,
                ariaPressed: control.pressed === undefined ? undefined : String(control.pressed),
                ariaBusy: control.pending ? 'true' : undefined,
                pressed: control.pressed === true
            };
        });
    }

    get hasControls(): boolean {
        return this.shownCall !== undefined;
    }

    handleControlClick(event: Event): void {
        const target = event.currentTarget;
        const id = target instanceof HTMLElement ? target.dataset.control : undefined;
        const request = isControlId(id)
            ? startRequest(this.shownCall, this.pending, id, this.nextRequestId, Date.now())
            : undefined;
        if (request === undefined) {
            // Not a control that can be pressed now: nothing to ask.
            return;
        }
        this.nextRequestId += 1;
        this.pending = [...this.pending, request];
        this.timers.set(
            request.id,
            // Stopped on confirmation, failure and disconnect.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            setTimeout(() => {
                this.finish(request, 'timedOut');
            }, CONFIRMATION_TIMEOUT_MS)
        );
        const [name, ...args] = ACTION_REQUESTS[request.action];
        try {
            const method = toolkitMethod(this.toolkit, name);
            if (method === undefined) {
                this.finish(request, 'noMethod');
                return;
            }
            // What it resolves to is undocumented: the events confirm. A rejection fails the request.
            Promise.resolve(method(...args)).catch((error: unknown) => {
                this.finish(request, 'failed', error);
            });
        } catch (error) {
            this.finish(request, 'failed', error);
        }
    }

    /** Ends `request` with a message, if it still waits: a late answer to a settled request is ignored. */
    private finish(request: PendingRequest, kind: MessageKind, error?: unknown): void {
        if (!this.timers.has(request.id)) {
            return;
        }
        this.stopTimer(request.id);
        this.pending = this.pending.filter((waiting) => waiting.id !== request.id);
        this.message = requestMessage(kind, request, error);
    }

    private stopTimer(id: number): void {
        clearTimeout(this.timers.get(id));
        this.timers.delete(id);
    }
}
