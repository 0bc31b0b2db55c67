/**
 * Container of the local preview page: the console in a utility bar panel, the simulator's controls beside it and
 * the live event log. The only page component that talks to the simulator and the preview server; the panels
 * beside it only render and fire events.
 */
import { LightningElement } from 'lwc';
import type { ToolkitEventName } from 'c/voiceCallEvents';
import { clearStoredCalls } from 'c/voiceCallStorage';
import type { ScenarioResponse, ScenarioSummary } from '../../../app/previewApi';
import { SCENARIO_DIRECTORY, SCENARIO_QUERY_PARAMETER, SCENARIOS_PATH } from '../../../app/previewApi';
import type { PlayerStatus, SimulatorLogEntry } from '../../../simulator/simulatorTypes';
import type { LogLine } from '../logFormat/logFormat';
import { logLines } from '../logFormat/logFormat';
import { simulator } from '../simulator/simulator';

type Detail<T> = CustomEvent<T>;

function errorText(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

export default class App extends LightningElement {
    scenarios: readonly ScenarioSummary[] = [];
    selectedFile: string | undefined;
    scenarioError: string | undefined;
    /** The scenario list could not be fetched. */
    loadError: string | undefined;
    status: PlayerStatus = simulator.status();
    lines: readonly LogLine[] = [];
    /** Turned off and on again by Reset (its saved calls cleared), so the console starts over with no call. */
    consoleMounted = true;

    private unsubscribe: (() => void) | undefined;
    private refreshQueued = false;
    private readonly lineCache = new WeakMap<SimulatorLogEntry, LogLine>();

    /** Coalesces the changes of one task (an event and the method calls it causes) into one render. */
    private readonly handleSimulatorChange = (): void => {
        if (this.refreshQueued) {
            return;
        }
        this.refreshQueued = true;
        queueMicrotask(() => {
            this.refreshQueued = false;
            this.refresh();
        });
    };

    override connectedCallback(): void {
        this.unsubscribe = simulator.subscribe(this.handleSimulatorChange);
        this.refresh();
        this.loadScenarioList().catch((error: unknown) => {
            this.loadError = `Could not list the scenarios: ${errorText(error)}`;
        });
    }

    override disconnectedCallback(): void {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
    }

    private refresh(): void {
        this.status = simulator.status();
        this.lines = logLines(simulator.log(), this.lineCache);
    }

    /** The scenario files, then the one the page's URL names (`?scenario=<file>`), if any. */
    private async loadScenarioList(): Promise<void> {
        const response = await fetch(SCENARIOS_PATH);
        if (!response.ok) {
            throw new Error(`${SCENARIOS_PATH} answered ${response.status}`);
        }
        this.scenarios = (await response.json()) as ScenarioSummary[];
        const requested = new URLSearchParams(window.location.search).get(SCENARIO_QUERY_PARAMETER);
        if (requested !== null && requested !== '') {
            this.selectScenario(requested);
        }
    }

    /**
     * Loads a scenario file into the simulator (stopping what played before) and keeps it in the page's URL. A file
     * the list already knows to be invalid or missing is not fetched: its error is shown as it is.
     */
    private selectScenario(file: string): void {
        this.selectedFile = file;
        const url = new URL(window.location.href);
        url.searchParams.set(SCENARIO_QUERY_PARAMETER, file);
        window.history.replaceState(null, '', url);
        const listed = this.scenarios.find((scenario) => scenario.file === file);
        if (listed === undefined || !listed.ok) {
            this.scenarioError = listed?.error ?? `${SCENARIO_DIRECTORY}/${file}: no such scenario file`;
            return;
        }
        this.scenarioError = undefined;
        this.loadScenario(file).catch((error: unknown) => {
            this.scenarioError = `${file}: ${errorText(error)}`;
        });
    }

    private async loadScenario(file: string): Promise<void> {
        const response = await fetch(`${SCENARIOS_PATH}/${encodeURIComponent(file)}`);
        const answer = (await response.json()) as ScenarioResponse;
        if (answer.ok) {
            simulator.load(answer.scenario);
        } else {
            this.scenarioError = answer.error;
        }
    }

    handleScenarioChange(event: Detail<{ file: string }>): void {
        this.selectScenario(event.detail.file);
    }

    handleSpeedChange(event: Detail<{ speed: number }>): void {
        simulator.setSpeed(event.detail.speed);
    }

    handlePlay(): void {
        simulator.play();
    }

    handlePause(): void {
        simulator.pause();
    }

    handleStep(): void {
        simulator.step();
    }

    handleSkipToEnd(): void {
        simulator.finish();
    }

    handleReset(): void {
        simulator.reset();
        // The console keeps its calls in its own state: unmount it (it unsubscribes) and mount a fresh one.
        this.consoleMounted = false;
        queueMicrotask(() => {
            // The old console saved its calls as it went (to survive a reload): forget them, or the new one restores them.
            clearStoredCalls();
            this.consoleMounted = true;
        });
    }

    handleFireEvent(event: Detail<{ type: ToolkitEventName }>): void {
        simulator.fireEvent(event.detail.type);
    }

    handleSendTranscript(event: Detail<{ text: string; role: 'Agent' | 'EndUser' | 'Supervisor' }>): void {
        simulator.sendTranscript(event.detail.text, event.detail.role);
    }

    handleRaiseFlag(event: Detail<{ text: string }>): void {
        simulator.raiseFlag(event.detail.text);
    }

    handleLowerFlag(event: Detail<{ role: 'Agent' | 'Supervisor' }>): void {
        simulator.lowerFlag(event.detail.role);
    }

    handleSendNote(event: Detail<{ text: string; role: 'Agent' | 'Supervisor' }>): void {
        simulator.sendNote(event.detail.text, event.detail.role);
    }
}
