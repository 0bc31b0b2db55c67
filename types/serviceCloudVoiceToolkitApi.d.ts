/**
 * Types for `lightning/serviceCloudVoiceToolkitApi`, which exists only inside a Salesforce org.
 * The methods are those of the toolkit's reference; their return values are not documented, so they are
 * `unknown` and the outcome of a call is learnt from the events that follow.
 */
declare module 'lightning/serviceCloudVoiceToolkitApi' {
    export type ToolkitParticipantType = 'Initial_Caller' | 'Third_Party';
    export type ToolkitEndCallParticipantType = ToolkitParticipantType | 'Agent';
    export type ToolkitContactType = 'PhoneNumber' | 'AgentOrQueueId';

    export interface ServiceCloudVoiceToolkitMethods {
        mute(): unknown;
        unmute(): unknown;
        hold(participantType: ToolkitParticipantType): unknown;
        resume(participantType: ToolkitParticipantType): unknown;
        endCall(participantType: ToolkitEndCallParticipantType): unknown;
        acceptCall(): unknown;
        declineCall(): unknown;
        pauseRecording(): unknown;
        resumeRecording(): unknown;
        merge(): unknown;
        swap(): unknown;
        addParticipant(
            contactType: ToolkitContactType,
            contactValue: string,
            isBlindTransfer: boolean
        ): unknown;
        sendDigits(digits: string): unknown;
        startPreviewCall(phoneNumber: string): unknown;
        updateNextBestActions(recordId: string, params: Readonly<Record<string, string>>): unknown;
    }

    /** The element `<lightning-service-cloud-voice-toolkit-api>` as a component sees it in its template. */
    export type ServiceCloudVoiceToolkitElement = HTMLElement & ServiceCloudVoiceToolkitMethods;
}
