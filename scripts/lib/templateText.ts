/**
 * Finds words written straight into an LWC template: text, or a human-facing attribute (aria-label, title,
 * placeholder, alt...), holding a letter outside a `{expression}`. Every word a user sees or hears comes from a custom
 * label, through an expression; symbols (‹ › ✓) and punctuation hold no letter and pass.
 */

/** Attributes a user reads or hears. */
export const HUMAN_ATTRIBUTES: readonly string[] = [
    'alt',
    'aria-description',
    'aria-label',
    'aria-placeholder',
    'aria-roledescription',
    'aria-valuetext',
    'alternative-text',
    'label',
    'placeholder',
    'title'
];

export interface HardCodedText {
    /** 1-based line of the text or attribute. */
    readonly line: number;
    /** `text` or the attribute's name. */
    readonly where: string;
    /** What was written, whitespace collapsed. */
    readonly text: string;
}

const LETTER = /\p{L}/u;
const EXPRESSION = /\{[^{}]*\}/g;
/** A tag: its name, then attributes whose quoted values may hold `>`. */
const TAG = /<\/?([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function hasWords(text: string): boolean {
    return LETTER.test(text.replace(EXPRESSION, ''));
}

function lineAt(source: string, index: number): number {
    let line = 1;
    for (let at = source.indexOf('\n'); at !== -1 && at < index; at = source.indexOf('\n', at + 1)) {
        line += 1;
    }
    return line;
}

/** Comments blanked out, line breaks kept, so lines still count right. */
function withoutComments(source: string): string {
    return source.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** Every piece of hard-coded text in `html`, in document order. */
export function hardCodedText(html: string): HardCodedText[] {
    const source = withoutComments(html);
    const found: HardCodedText[] = [];
    const add = (index: number, where: string, text: string): void => {
        found.push({ line: lineAt(source, index), where, text: text.replace(/\s+/g, ' ').trim() });
    };
    let textStart = 0;
    for (const tag of source.matchAll(TAG)) {
        const text = source.slice(textStart, tag.index);
        if (hasWords(text)) {
            add(textStart + text.search(/\S/), 'text', text);
        }
        textStart = tag.index + tag[0].length;
        const attributes = tag[2];
        for (const attribute of attributes.matchAll(ATTRIBUTE)) {
            const name = attribute[1].toLowerCase();
            // Unmatched groups are undefined at run time, whatever RegExpMatchArray's type says.
            const [, , doubleQuoted, singleQuoted, bare] = attribute as (string | undefined)[];
            const value = doubleQuoted ?? singleQuoted ?? bare ?? '';
            if (HUMAN_ATTRIBUTES.includes(name) && hasWords(value)) {
                add(tag.index + tag[1].length + 1 + attribute.index, name, value);
            }
        }
    }
    const rest = source.slice(textStart);
    if (hasWords(rest)) {
        add(textStart + rest.search(/\S/), 'text', rest);
    }
    return found;
}
