/**
 * Jest stub of `lightning/serviceCloudVoiceToolkitApi` (sfdx-lwc-jest's own stub has only
 * updateNextBestActions). Every toolkit method exists and does nothing, so tests can spy on each with
 * `jest.spyOn(element, 'mute')`; events are fired on the element by `fireToolkitEvent` in test-utils.
 * It keeps no module-level state, so nothing leaks between tests.
 */
import { LightningElement, api } from 'lwc';
import type {
    ServiceCloudVoiceToolkitMethods,
    ToolkitContactType,
    ToolkitEndCallParticipantType,
    ToolkitParticipantType
} from 'lightning/serviceCloudVoiceToolkitApi';

export default class ServiceCloudVoiceToolkitApi
    extends LightningElement
    implements ServiceCloudVoiceToolkitMethods
{
    @api mute(): unknown {
        return undefined;
    }
    @api unmute(): unknown {
        return undefined;
    }
    @api hold(_participantType: ToolkitParticipantType): unknown {
        return undefined;
    }
    @api resume(_participantType: ToolkitParticipantType): unknown {
        return undefined;
    }
    @api endCall(_participantType: ToolkitEndCallParticipantType): unknown {
        return undefined;
    }
    @api acceptCall(): unknown {
        return undefined;
    }
    @api declineCall(): unknown {
        return undefined;
    }
    @api pauseRecording(): unknown {
        return undefined;
    }
    @api resumeRecording(): unknown {
        return undefined;
    }
    @api merge(): unknown {
        return undefined;
    }
    @api swap(): unknown {
        return undefined;
    }
    @api addParticipant(
        _contactType: ToolkitContactType,
        _contactValue: string,
        _isBlindTransfer: boolean
    ): unknown {
        return undefined;
    }
    @api sendDigits(_digits: string): unknown {
        return undefined;
    }
    @api startPreviewCall(_phoneNumber: string): unknown {
        return undefined;
    }
    @api updateNextBestActions(_recordId: string, _params: Readonly<Record<string, string>>): unknown {
        return undefined;
    }
}
