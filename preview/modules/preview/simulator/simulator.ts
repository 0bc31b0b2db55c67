/**
 * The page's one call simulator, shared by the preview page's controls and the simulated toolkit element, so an
 * event fired from a control reaches the console and a method the console calls shows in the log.
 */
import { createCallSimulator } from '../../../simulator/callSimulator';
import type { VoiceCallSimulator } from '../../../simulator/simulatorTypes';

export const simulator: VoiceCallSimulator = createCallSimulator();
