/**
 * The long-call scenario (scenarios/long-call.json): 3,000 utterances of one inbound call, generated from a
 * phrase bank with a seeded PRNG so every run writes the same file. It is meant to be played at high speed,
 * to see the console keep up with a transcript of thousands of lines.
 */
import type { Scenario, ScenarioEvent } from '../../preview/simulator/simulatorTypes';

export const LONG_CALL_FILE = 'scenarios/long-call.json';
export const LONG_CALL_UTTERANCES = 3000;
const SEED = 0x5c0ffee;

const CALLER = '+1 415 555 0162';

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same sequence on every platform. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
        mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
        return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    };
}

const AGENT_PHRASES = [
    'Let me pull up the configuration for that site.',
    'I can see the order on your account now.',
    'Could you read me the serial number on the back of the router?',
    'That matches what I have here.',
    'I am going to push a firmware update to the device; it will restart on its own.',
    'The lights on the front should turn solid green in about two minutes.',
    'Can you try opening a web page for me?',
    'I have noted that on the ticket so the field team sees it.',
    'The static IP block is assigned to the new circuit.',
    'We can move the porting date if that works better for you.',
    'I will send you a summary by email once we are done.',
    'The second location is still on the old plan, so let me change that too.',
    'That fee should not be there; I am removing it now.',
    'Your new monthly total comes to four hundred and twelve dollars.',
    'The technician can come on Thursday between eight and noon.',
    'I am running a line test from our side now.',
    'The test shows some noise on the line, which explains the drops.',
    'Please leave the modem plugged in while the test runs.',
    'Can you check whether the phones at the front desk have a dial tone?',
    'I see three handsets registered and one that is offline.',
    'Let me reset the voicemail PIN for that extension.',
    'The new PIN is in the email I just sent.',
    'That extension now forwards to the main line after four rings.',
    'We can set the after-hours greeting from the portal as well.',
    'I will stay on the line while you try that.',
    'Just to confirm, you want the fax line cancelled at the end of the month?',
    'I have applied the multi-site discount to all three locations.',
    'That will show on the next invoice as a credit.',
    'Is the warehouse using the same Wi-Fi name as the office?',
    'I recommend a separate network for the guest devices.',
    'The bandwidth upgrade takes effect tonight after midnight.',
    'You should see the new speeds in the morning.',
    'Sorry about the wait, the system is a little slow today.',
    'I have escalated the outage ticket to our network operations team.',
    'They estimate the repair will be done within four hours.',
    'I will call you back on this number once I have an update.',
    'Could you spell the contact name for the new site?',
    'Thank you, I have updated the billing contact.',
    'Let me walk you through the router settings page.',
    'Click on Advanced, then on Port Forwarding.'
];

const CUSTOMER_PHRASES = [
    'Okay, give me a second.',
    'The serial number starts with R T four seven.',
    'Yes, that is the one in the server room.',
    'The lights are blinking orange right now.',
    'Now it is solid green.',
    'The page loads, but it is really slow.',
    'We lose the connection every afternoon around three.',
    'It has been happening since we moved offices.',
    'Can we keep our existing phone numbers?',
    'The porting date next Tuesday is fine.',
    'What does the new monthly total come to?',
    'That is more than we were quoted.',
    'I do not remember agreeing to that installation fee.',
    'Thursday morning works for us.',
    'Someone will be at the front desk to let the technician in.',
    'The front desk phones have a dial tone, but the one in the back office does not.',
    'We have about twenty people at the main office.',
    'The warehouse only has a few handheld scanners.',
    'Yes, the warehouse uses the same Wi-Fi name.',
    'Can you set up a separate guest network?',
    'How long will the outage take to fix?',
    'Our point-of-sale system is down because of this.',
    'Please call me back on this number.',
    'The contact for the new site is Olivia Bennett, B E N N E T T.',
    'I am at the settings page now.',
    'I clicked Advanced, but I do not see Port Forwarding.',
    'Oh, there it is, under NAT.',
    'Do we need to restart anything after that?',
    'We also want to cancel the fax line.',
    'Yes, at the end of the month is fine.',
    'Can you email me a copy of the new contract?',
    'That sounds good.',
    'Sorry, could you repeat that?',
    'Hang on, my colleague is asking something.',
    'Okay, I am back.',
    'Will the upgrade cause any downtime?',
    'Midnight is fine, nobody is in the office then.',
    'That explains a lot, actually.',
    'Great, thank you for your patience with all of this.',
    'We have been trying to get this sorted for weeks.'
];

const SUPERVISOR_PHRASES = [
    'Hi, this is Priya, the team supervisor. I am joining to help with the billing question.',
    'I can approve the credit for the installation fee.',
    'I have flagged the account so the fee is not charged again.',
    'I will drop off now and leave you with Jordan.',
    'I have asked the network team to prioritise your outage ticket.'
];

const SHORT_REPLIES = ['Okay.', 'Right.', 'Mm-hmm.', 'Yes.', 'Got it.', 'Sure.', 'Thank you.', 'One moment.'];

function pick<T>(random: () => number, items: readonly T[]): T {
    return items[Math.floor(random() * items.length)];
}

/** One to six sentences: mostly short, sometimes a long explanation, so lines vary in length as in a real call. */
function utteranceText(random: () => number, phrases: readonly string[]): string {
    const roll = random();
    if (roll < 0.12) {
        return pick(random, SHORT_REPLIES);
    }
    const count = roll < 0.6 ? 1 : roll < 0.85 ? 2 : roll < 0.96 ? 3 : 4 + Math.floor(random() * 3);
    const sentences: string[] = [];
    while (sentences.length < count) {
        const sentence = pick(random, phrases);
        if (!sentences.includes(sentence)) {
            sentences.push(sentence);
        }
    }
    return sentences.join(' ');
}

function uuid(random: () => number): string {
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (placeholder) => {
        const nibble = Math.floor(random() * 16);
        return (placeholder === 'x' ? nibble : (nibble & 0x3) | 0x8).toString(16);
    });
}

type Speaker = 'Agent' | 'EndUser' | 'Supervisor';

/** The next speaker: mostly the other party, sometimes the same one again, now and then the supervisor. */
function nextSpeaker(random: () => number, previous: Speaker): Speaker {
    const roll = random();
    if (roll < 0.015 && previous !== 'Supervisor') {
        return 'Supervisor';
    }
    if (previous === 'Supervisor') {
        return 'Agent';
    }
    if (roll < 0.17) {
        return previous;
    }
    return previous === 'Agent' ? 'EndUser' : 'Agent';
}

/** The long call, the same on every run. */
export function generateLongCall(utterances: number = LONG_CALL_UTTERANCES): Scenario {
    const random = seededRandom(SEED);
    const callId = uuid(random);
    const start = { callId, callType: 'inbound', participant: CALLER };
    const events: ScenarioEvent[] = [
        { at: 0, type: 'callstarted', detail: start },
        { at: 4000, type: 'callconnected', detail: start }
    ];
    let at = 4000;
    let speaker: Speaker = 'EndUser';
    for (let index = 0; index < utterances; index++) {
        const last = index === utterances - 1;
        speaker = index === 0 || last ? 'Agent' : nextSpeaker(random, speaker);
        at += 1500 + Math.round(random() * 2500);
        const text =
            index === 0
                ? 'Thank you for calling Northwind Business Services, this is Jordan. How can I help you today?'
                : last
                  ? 'Thank you for your time today. Goodbye.'
                  : speaker === 'Supervisor'
                    ? pick(random, SUPERVISOR_PHRASES)
                    : utteranceText(random, speaker === 'Agent' ? AGENT_PHRASES : CUSTOMER_PHRASES);
        events.push({
            at,
            type: 'transcript',
            detail: {
                id: uuid(random),
                content: { formatType: 'Text', text },
                callId,
                sender: { role: speaker }
            }
        });
    }
    events.push({ at: at + 2000, type: 'callended', detail: { callId } });
    events.push({ at: at + 32000, type: 'wrapupended', detail: { callId } });
    const hours = Math.floor(at / 3_600_000);
    const minutes = Math.round((at % 3_600_000) / 60_000);
    return {
        name: 'Long call',
        description:
            `${utterances.toLocaleString('en-US')} utterances over ${hours} h ${minutes} min of one inbound call, ` +
            'mostly agent and customer with the supervisor now and then. Generated by scripts/generateLongCall.ts ' +
            '(npm run scenarios:generate); play it at high speed to watch the transcript keep up.',
        events
    };
}

/** A scenario as its file holds it: two-space JSON (what Prettier keeps as is), ending with a newline. */
export function serializeScenario(scenario: Scenario): string {
    return `${JSON.stringify(scenario, null, 2)}\n`;
}
