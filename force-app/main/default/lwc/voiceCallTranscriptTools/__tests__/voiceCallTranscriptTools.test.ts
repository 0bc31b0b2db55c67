import VoiceCallTranscriptTools, { TOOLS_LABELS, matchLabel } from 'c/voiceCallTranscriptTools';
import { flush, mount, queryDeep, resetDocument, textsOf } from 'test-utils/voiceCallTestUtils';
import type { ComponentProperties } from 'test-utils/voiceCallTestUtils';

type ToolsProperties = ComponentProperties<VoiceCallTranscriptTools>;
type ToolsElement = HTMLElement & ToolsProperties;

const BUTTONS = ['previous-match', 'next-match', 'copy', 'download-text', 'download-json'] as const;

async function mountTools(properties: ToolsProperties = {}): Promise<ToolsElement> {
    const element = mount('c-voice-call-transcript-tools', VoiceCallTranscriptTools, properties);
    await flush();
    return element;
}

/** The one element with this data-id, of this type; anything else fails the test. */
function byId<E extends Element>(element: Element, id: string, type: abstract new () => E): E {
    const found = queryDeep(element, `[data-id="${id}"]`);
    if (found.length !== 1 || !(found[0] instanceof type)) {
        throw new Error(`expected one ${type.name} [data-id="${id}"], found ${String(found.length)}`);
    }
    return found[0];
}

function button(element: Element, id: (typeof BUTTONS)[number]): HTMLButtonElement {
    return byId(element, id, HTMLButtonElement);
}

function searchInput(element: Element): HTMLInputElement {
    return byId(element, 'search', HTMLInputElement);
}

function speakerSelect(element: Element): HTMLSelectElement {
    return byId(element, 'speaker-filter', HTMLSelectElement);
}

/** The `detail` of every `type` event the element fires from now on. */
function eventsFrom(element: Element, type: string): unknown[] {
    const details: unknown[] = [];
    element.addEventListener(type, (event) => {
        details.push(event instanceof CustomEvent ? (event.detail as unknown) : 'not a CustomEvent');
    });
    return details;
}

function pressKey(element: Element, init: KeyboardEventInit): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    searchInput(element).dispatchEvent(event);
    return event;
}

async function choose(element: Element, value: string): Promise<void> {
    const select = speakerSelect(element);
    select.value = value;
    select.dispatchEvent(new CustomEvent('change', { bubbles: true }));
    await flush();
}

describe('c-voice-call-transcript-tools', () => {
    afterEach(resetDocument);

    describe('search', () => {
        it('fires "search" with the query as typed, on every input', async () => {
            const element = await mountTools();
            const searches = eventsFrom(element, 'search');
            const input = searchInput(element);

            input.value = 'Re';
            input.dispatchEvent(new CustomEvent('input', { bubbles: true }));
            input.value = '  Refund ';
            input.dispatchEvent(new CustomEvent('input', { bubbles: true }));
            input.value = '';
            input.dispatchEvent(new CustomEvent('input', { bubbles: true }));

            expect(searches).toEqual([{ query: 'Re' }, { query: '  Refund ' }, { query: '' }]);
        });

        it('is labelled, with a placeholder', async () => {
            const element = await mountTools();
            const input = searchInput(element);
            const label = queryDeep(element, `label[for="${input.id}"]`);

            expect(input.type).toBe('search');
            expect(input.placeholder).toBe(TOOLS_LABELS.searchPlaceholder);
            expect(label.map((node) => node.textContent.trim())).toEqual([TOOLS_LABELS.search]);
        });

        it('goes to the next match on Enter and the previous one on Shift+Enter', async () => {
            const element = await mountTools({ matchCount: 12, currentMatch: 3, searching: true });
            const steps = eventsFrom(element, 'step');

            const enter = pressKey(element, { key: 'Enter' });
            const shiftEnter = pressKey(element, { key: 'Enter', shiftKey: true });

            expect(steps).toEqual([{ direction: 1 }, { direction: -1 }]);
            expect(enter.defaultPrevented).toBe(true);
            expect(shiftEnter.defaultPrevented).toBe(true);
        });

        it('does not step on Enter without a match', async () => {
            const element = await mountTools({ matchCount: 0, searching: true });
            const steps = eventsFrom(element, 'step');

            pressKey(element, { key: 'Enter' });
            pressKey(element, { key: 'Enter', shiftKey: true });

            expect(steps).toEqual([]);
        });

        it('ignores other keys', async () => {
            const element = await mountTools({ matchCount: 12, currentMatch: 3, searching: true });
            const steps = eventsFrom(element, 'step');

            const arrow = pressKey(element, { key: 'ArrowDown' });
            pressKey(element, { key: 'a', shiftKey: true });

            expect(steps).toEqual([]);
            expect(arrow.defaultPrevented).toBe(false);
        });
    });

    describe('previous and next', () => {
        it('fire "step" -1 and +1', async () => {
            const element = await mountTools({ matchCount: 12, currentMatch: 3, searching: true });
            const steps = eventsFrom(element, 'step');

            button(element, 'previous-match').click();
            button(element, 'next-match').click();
            button(element, 'next-match').click();

            expect(steps).toEqual([{ direction: -1 }, { direction: 1 }, { direction: 1 }]);
        });

        it('are named for assistive technology', async () => {
            const element = await mountTools();

            expect(button(element, 'previous-match').getAttribute('aria-label')).toBe(TOOLS_LABELS.previous);
            expect(button(element, 'next-match').getAttribute('aria-label')).toBe(TOOLS_LABELS.next);
        });

        it('are disabled, and fire nothing, without a match', async () => {
            const element = await mountTools({ matchCount: 0, searching: true });
            const steps = eventsFrom(element, 'step');

            button(element, 'previous-match').click();
            button(element, 'next-match').click();

            expect(button(element, 'previous-match').disabled).toBe(true);
            expect(button(element, 'next-match').disabled).toBe(true);
            expect(steps).toEqual([]);
        });

        it('are enabled once there is a match, and disabled again when it goes', async () => {
            const element = await mountTools({ matchCount: 0, searching: true });

            element.matchCount = 2;
            element.currentMatch = 2;
            await flush();
            expect(button(element, 'previous-match').disabled).toBe(false);
            expect(button(element, 'next-match').disabled).toBe(false);

            element.matchCount = 0;
            element.currentMatch = 0;
            await flush();
            expect(button(element, 'previous-match').disabled).toBe(true);
            expect(button(element, 'next-match').disabled).toBe(true);
        });
    });

    describe('match count', () => {
        it('shows "3 of 12" while searching', async () => {
            const element = await mountTools({ matchCount: 12, currentMatch: 3, searching: true });

            expect(textsOf(element, '[data-id="match-count"]')).toEqual(['3 of 12']);
            expect(queryDeep(element, '[data-id="match-count"]')[0].getAttribute('aria-live')).toBe('polite');
        });

        it('shows "No match" while searching without a match', async () => {
            const element = await mountTools({ matchCount: 0, currentMatch: 0, searching: true });

            expect(textsOf(element, '[data-id="match-count"]')).toEqual(['No match']);
        });

        it('shows nothing while not searching, in a live region that is there from the start', async () => {
            const element = await mountTools({ matchCount: 0, currentMatch: 0, searching: false });

            // Present and empty, so that screen readers announce the count once a search starts.
            expect(textsOf(element, '[data-id="match-count"]')).toEqual(['']);
            expect(queryDeep(element, '[data-id="match-count"]')[0].getAttribute('aria-live')).toBe('polite');
        });

        it('follows the counts and the search as they change', async () => {
            const element = await mountTools();

            element.searching = true;
            await flush();
            expect(textsOf(element, '[data-id="match-count"]')).toEqual(['No match']);

            element.matchCount = 1200;
            element.currentMatch = 1200;
            await flush();
            expect(textsOf(element, '[data-id="match-count"]')).toEqual(['1,200 of 1,200']);

            element.searching = false;
            await flush();
            expect(textsOf(element, '[data-id="match-count"]')).toEqual(['']);
        });

        it('is labelled by matchLabel', () => {
            expect(matchLabel(3, 12)).toBe('3 of 12');
            expect(matchLabel(0, 0)).toBe(TOOLS_LABELS.noMatch);
            expect(matchLabel(1, 1)).toBe('1 of 1');
        });
    });

    describe('speaker filter', () => {
        it('lists all speakers and each role, with "All speakers" chosen by default', async () => {
            const element = await mountTools();
            const options = queryDeep(element, '[data-id="speaker-filter"] option');

            expect(options.map((option) => option.getAttribute('value'))).toEqual([
                'all',
                'Agent',
                'Customer',
                'Supervisor'
            ]);
            expect(options.map((option) => option.textContent.trim())).toEqual([
                'All speakers',
                'Agent',
                'Customer',
                'Supervisor'
            ]);
            expect(speakerSelect(element).value).toBe('all');
        });

        it('selects the speaker it is given', async () => {
            const element = await mountTools({ speaker: 'Customer' });

            expect(speakerSelect(element).value).toBe('Customer');

            element.speaker = 'Supervisor';
            await flush();
            expect(speakerSelect(element).value).toBe('Supervisor');
        });

        it('is labelled', async () => {
            const element = await mountTools();
            const select = speakerSelect(element);

            expect(textsOf(element, `label[for="${select.id}"]`)).toEqual([TOOLS_LABELS.speaker]);
        });

        it('fires "speaker" with the role chosen', async () => {
            const element = await mountTools();
            const chosen = eventsFrom(element, 'speaker');

            await choose(element, 'Customer');
            await choose(element, 'Agent');
            await choose(element, 'Supervisor');
            await choose(element, 'all');

            expect(chosen).toEqual([
                { speaker: 'Customer' },
                { speaker: 'Agent' },
                { speaker: 'Supervisor' },
                { speaker: 'all' }
            ]);
        });

        it('fires "speaker" with "all" for a value that is not a speaker', async () => {
            const element = await mountTools({ speaker: 'Agent' });
            const chosen = eventsFrom(element, 'speaker');
            const select = speakerSelect(element);
            // A value that is not a speaker must not reach the transcript as a filter.
            select.options[3].value = 'Robot';

            select.value = 'Robot';
            select.dispatchEvent(new CustomEvent('change', { bubbles: true }));

            expect(select.value).toBe('Robot');
            expect(chosen).toEqual([{ speaker: 'all' }]);
        });
    });

    describe('copy and download', () => {
        it.each([
            ['copy', { format: 'text', action: 'copy' }],
            ['download-text', { format: 'text', action: 'download' }],
            ['download-json', { format: 'json', action: 'download' }]
        ] as const)('"%s" fires "export" with %p', async (id, detail) => {
            const element = await mountTools();
            const exports = eventsFrom(element, 'export');

            button(element, id).click();

            expect(exports).toEqual([detail]);
        });

        it('says what each button does', async () => {
            const element = await mountTools();

            expect(textsOf(element, '[data-id="copy"]')).toEqual([TOOLS_LABELS.copy]);
            expect(button(element, 'copy').title).toBe(TOOLS_LABELS.copyTitle);
            // Short enough for a utility-bar panel; the accessible name says it all.
            expect(textsOf(element, '[data-id="download-text"]')).toEqual(['.txt']);
            expect(button(element, 'download-text').getAttribute('aria-label')).toBe(
                'Download the transcript as plain text'
            );
            expect(textsOf(element, '[data-id="download-json"]')).toEqual(['.json']);
            expect(button(element, 'download-json').getAttribute('aria-label')).toBe(
                'Download the transcript as JSON'
            );
        });

        it('works with no search and no match', async () => {
            const element = await mountTools({ matchCount: 0, searching: false });

            expect(button(element, 'copy').disabled).toBe(false);
            expect(button(element, 'download-text').disabled).toBe(false);
            expect(button(element, 'download-json').disabled).toBe(false);
            expect(searchInput(element).disabled).toBe(false);
            expect(speakerSelect(element).disabled).toBe(false);
        });
    });

    describe('with nothing in the transcript', () => {
        it('disables every tool, and fires nothing', async () => {
            const element = await mountTools({ empty: true });
            const fired: unknown[] = [];
            for (const type of ['search', 'step', 'speaker', 'export']) {
                element.addEventListener(type, (event) => fired.push(event.type));
            }

            expect(searchInput(element).disabled).toBe(true);
            expect(speakerSelect(element).disabled).toBe(true);
            for (const id of BUTTONS) {
                const tool = button(element, id);
                expect(tool.disabled).toBe(true);
                tool.click();
            }
            expect(fired).toEqual([]);
        });

        it('enables the tools once there is a transcript', async () => {
            const element = await mountTools({ empty: true });

            element.empty = false;
            await flush();

            expect(searchInput(element).disabled).toBe(false);
            expect(speakerSelect(element).disabled).toBe(false);
            expect(button(element, 'copy').disabled).toBe(false);
            expect(button(element, 'download-json').disabled).toBe(false);
        });
    });

    describe('accessibility', () => {
        it('is accessible', async () => {
            const element = await mountTools();

            await expect(element).toBeAccessible();
        });

        it('is accessible while searching, with matches and without', async () => {
            const element = await mountTools({ matchCount: 12, currentMatch: 3, searching: true });

            await expect(element).toBeAccessible();

            element.matchCount = 0;
            element.currentMatch = 0;
            await flush();

            await expect(element).toBeAccessible();
        });

        it('is accessible with nothing to search', async () => {
            const element = await mountTools({ empty: true });

            await expect(element).toBeAccessible();
        });
    });
});
