import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    LONG_CALL_FILE,
    LONG_CALL_UTTERANCES,
    generateLongCall,
    seededRandom,
    serializeScenario
} from '../lib/longCallScenario';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

interface Utterance {
    readonly at: number;
    readonly id: string;
    readonly role: string;
    readonly text: string;
}

function utterances(): Utterance[] {
    return generateLongCall()
        .events.filter((event) => event.type === 'transcript')
        .map((event) => {
            const detail = event.detail as {
                id: string;
                content: { text: string };
                sender: { role: string };
            };
            return { at: event.at, id: detail.id, role: detail.sender.role, text: detail.content.text };
        });
}

describe('scripts/generateLongCall', () => {
    it('matches the shipped scenarios/long-call.json (run `npm run scenarios:generate` after changing it)', () => {
        const shipped = fs.readFileSync(path.join(PROJECT_ROOT, LONG_CALL_FILE), 'utf8');

        expect(serializeScenario(generateLongCall()) === shipped).toBe(true);
    });

    it('generates the same call on every run', () => {
        expect(generateLongCall()).toEqual(generateLongCall());
        const random = seededRandom(7);
        const again = seededRandom(7);
        const values = Array.from({ length: 100 }, () => random());
        expect(values).toEqual(Array.from({ length: 100 }, () => again()));
        expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    });

    it(`holds ${LONG_CALL_UTTERANCES} utterances with unique ids, 1.5 to 4 seconds apart`, () => {
        const lines = utterances();

        expect(lines).toHaveLength(LONG_CALL_UTTERANCES);
        expect(new Set(lines.map((line) => line.id)).size).toBe(LONG_CALL_UTTERANCES);
        const gaps = lines.slice(1).map((line, index) => line.at - lines[index].at);
        expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1500);
        expect(Math.max(...gaps)).toBeLessThanOrEqual(4000);
    });

    it('alternates mostly agent and customer, with the supervisor now and then', () => {
        const lines = utterances();
        const count = (role: string): number => lines.filter((line) => line.role === role).length;
        const changes = lines.slice(1).filter((line, index) => line.role !== lines[index].role).length;

        expect(count('Agent') + count('EndUser') + count('Supervisor')).toBe(LONG_CALL_UTTERANCES);
        expect(count('Supervisor')).toBeGreaterThan(10);
        expect(count('Supervisor')).toBeLessThan(LONG_CALL_UTTERANCES * 0.05);
        expect(changes / lines.length).toBeGreaterThan(0.7);
        expect([lines[0].role, lines.at(-1)?.role]).toEqual(['Agent', 'Agent']);
    });

    it('varies the length of what is said', () => {
        const lengths = utterances().map((line) => line.text.length);

        expect(Math.min(...lengths)).toBeLessThan(10);
        expect(Math.max(...lengths)).toBeGreaterThan(250);
        expect(new Set(lengths).size).toBeGreaterThan(100);
    });

    it('writes two-space JSON ending with a newline', () => {
        expect(serializeScenario({ name: 'n', description: 'd', events: [] })).toBe(
            '{\n  "name": "n",\n  "description": "d",\n  "events": []\n}\n'
        );
    });
});
