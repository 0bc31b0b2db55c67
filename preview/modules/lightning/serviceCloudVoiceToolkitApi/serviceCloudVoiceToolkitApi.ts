/**
 * Simulated `<lightning-service-cloud-voice-toolkit-api>` for the local preview (the real one exists only inside a
 * Salesforce org). Every event the page's simulator fires is dispatched on this element as the toolkit does it:
 * `new CustomEvent(type, { detail })`; every toolkit method goes to the simulator, which logs it and answers with
 * events or a refusal.
 */
import { LightningElement, api } from 'lwc';
import type {
    ServiceCloudVoiceToolkitMethods,
    ToolkitContactType,
    ToolkitEndCallParticipantType,
    ToolkitParticipantType
} from 'lightning/serviceCloudVoiceToolkitApi';
import type { ToolkitMethodName, ToolkitEventName } from '../../../simulator/simulatorTypes';
import { simulator } from '../../preview/simulator/simulator';

export default class ServiceCloudVoiceToolkitApi
    extends LightningElement
    implements ServiceCloudVoiceToolkitMethods
{
    private detach: (() => void) | undefined;

    private readonly dispatchToolkitEvent = (type: ToolkitEventName, detail: unknown): void => {
        this.dispatchEvent(new CustomEvent(type, { detail }));
    };

    override connectedCallback(): void {
        this.detach = simulator.attach(this.dispatchToolkitEvent);
    }

    override disconnectedCallback(): void {
        this.detach?.();
        this.detach = undefined;
    }

    /** Return values are not documented: the real toolkit's callers learn the outcome from the events. */
    private forward(method: ToolkitMethodName, ...args: unknown[]): unknown {
        simulator.callMethod(method, args);
        return undefined;
    }

    @api mute(): unknown {
        return this.forward('mute');
    }
    @api unmute(): unknown {
        return this.forward('unmute');
    }
    @api hold(participantType: ToolkitParticipantType): unknown {
        return this.forward('hold', participantType);
    }
    @api resume(participantType: ToolkitParticipantType): unknown {
        return this.forward('resume', participantType);
    }
    @api endCall(participantType: ToolkitEndCallParticipantType): unknown {
        return this.forward('endCall', participantType);
    }
    @api acceptCall(): unknown {
        return this.forward('acceptCall');
    }
    @api declineCall(): unknown {
        return this.forward('declineCall');
    }
    @api pauseRecording(): unknown {
        return this.forward('pauseRecording');
    }
    @api resumeRecording(): unknown {
        return this.forward('resumeRecording');
    }
    @api merge(): unknown {
        return this.forward('merge');
    }
    @api swap(): unknown {
        return this.forward('swap');
    }
    @api addParticipant(
        contactType: ToolkitContactType,
        contactValue: string,
        isBlindTransfer: boolean
    ): unknown {
        return this.forward('addParticipant', contactType, contactValue, isBlindTransfer);
    }
    @api sendDigits(digits: string): unknown {
        return this.forward('sendDigits', digits);
    }
    @api startPreviewCall(phoneNumber: string): unknown {
        return this.forward('startPreviewCall', phoneNumber);
    }
    @api updateNextBestActions(recordId: string, params: Readonly<Record<string, string>>): unknown {
        return this.forward('updateNextBestActions', recordId, params);
    }
}
