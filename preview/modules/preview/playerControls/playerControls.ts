/**
 * Presentation component: the scenario player's controls (scenario picker, play / pause / step / skip to end /
 * reset, speed, progress). Fires `scenariochange` {file}, `speedchange` {speed}, `playscenario`, `pausescenario`,
 * `stepscenario`, `skiptoend` and `resetsimulator`; the page container acts on them.
 */
import { LightningElement, api } from 'lwc';
import type { ScenarioSummary } from '../../../app/previewApi';
import type { PlayerStatus } from '../../../simulator/simulatorTypes';
import { formatElapsed, progressText } from '../logFormat/logFormat';

interface Option {
    readonly label: string;
    readonly value: string;
}

type InvalidScenario = Extract<ScenarioSummary, { ok: false }>;

const SPEEDS: readonly number[] = [0.5, 1, 2, 4, 10, 50, 100];

const SPEED_OPTIONS: readonly Option[] = SPEEDS.map((speed) => ({
    label: `${speed}x`,
    value: String(speed)
}));

export default class PlayerControls extends LightningElement {
    @api scenarios: readonly ScenarioSummary[] = [];
    /** The file chosen in the picker (it may be invalid). */
    @api selectedFile: string | undefined;
    /** Why the chosen scenario could not be loaded. */
    @api scenarioError: string | undefined;
    @api status: PlayerStatus | undefined;

    readonly speedOptions = SPEED_OPTIONS;

    get scenarioOptions(): Option[] {
        return this.scenarios
            .filter((scenario) => scenario.ok)
            .map((scenario) => ({ label: `${scenario.name} (${scenario.file})`, value: scenario.file }));
    }

    /** Every invalid file but the chosen one, whose error shows as `scenarioError`. */
    get invalidScenarios(): InvalidScenario[] {
        return this.scenarios.filter(
            (scenario): scenario is InvalidScenario => !scenario.ok && scenario.file !== this.selectedFile
        );
    }

    get hasInvalidScenarios(): boolean {
        return this.invalidScenarios.length > 0;
    }

    get description(): string {
        const selected = this.scenarios.find((scenario) => scenario.file === this.selectedFile);
        return selected?.ok === true ? selected.description : '';
    }

    private get loaded(): boolean {
        return this.status?.scenarioName !== undefined;
    }

    get playDisabled(): boolean {
        return !this.loaded || this.status?.playing === true || this.status?.finished === true;
    }

    get pauseDisabled(): boolean {
        return this.status?.playing !== true;
    }

    get stepDisabled(): boolean {
        return !this.loaded || this.status?.finished === true;
    }

    get speedValue(): string {
        return String(this.status?.speed ?? 1);
    }

    get progress(): string {
        return this.status === undefined ? '' : progressText(this.status);
    }

    get elapsed(): string {
        return formatElapsed(this.status?.elapsedMs ?? 0);
    }

    get percentDone(): number {
        const total = this.status?.total ?? 0;
        return total === 0 ? 0 : Math.round(((this.status?.position ?? 0) / total) * 100);
    }

    handleScenarioChange(event: CustomEvent<{ value: string }>): void {
        this.dispatchEvent(new CustomEvent('scenariochange', { detail: { file: event.detail.value } }));
    }

    handleSpeedChange(event: CustomEvent<{ value: string }>): void {
        this.dispatchEvent(new CustomEvent('speedchange', { detail: { speed: Number(event.detail.value) } }));
    }

    handlePlay(): void {
        this.dispatchEvent(new CustomEvent('playscenario'));
    }

    handlePause(): void {
        this.dispatchEvent(new CustomEvent('pausescenario'));
    }

    handleStep(): void {
        this.dispatchEvent(new CustomEvent('stepscenario'));
    }

    handleSkipToEnd(): void {
        this.dispatchEvent(new CustomEvent('skiptoend'));
    }

    handleReset(): void {
        this.dispatchEvent(new CustomEvent('resetsimulator'));
    }
}
