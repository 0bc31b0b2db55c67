/**
 * Reads an XML document into a small typed tree (elements with attributes, children and text), after checking that
 * it is well-formed with fast-xml-parser's validator. Comments and the XML declaration are dropped.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
    readonly name: string;
    /** Absent attributes read as undefined. */
    readonly attributes: Readonly<Partial<Record<string, string>>>;
    readonly children: readonly XmlElement[];
    /** The element's own text, trimmed, with entities decoded (text of child elements excluded). */
    readonly text: string;
}

export type XmlReadResult =
    | { readonly ok: true; readonly root: XmlElement }
    | { readonly ok: false; readonly line: number | undefined; readonly error: string };

const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    commentPropName: false
});

/** A well-formed document has exactly one root element; anything else is an error with its line where known. */
export function readXml(text: string): XmlReadResult {
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
        return { ok: false, line: valid.err.line, error: describeValidatorError(valid.err.msg) };
    }
    const roots = toElements(parser.parse(text)).filter((element) => !element.name.startsWith('?'));
    if (roots.length !== 1) {
        return {
            ok: false,
            line: undefined,
            error: `expected one root element, found ${roots.length === 0 ? 'none' : roots.map((r) => `<${r.name}>`).join(', ')}`
        };
    }
    return { ok: true, root: roots[0] };
}

/** The validator reports unclosed tags as a JSON array of their names; say it in words. */
function describeValidatorError(message: string): string {
    const unclosed = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(message);
    if (unclosed !== null) {
        try {
            const names: unknown = JSON.parse(unclosed[1]);
            if (Array.isArray(names) && names.every((name) => typeof name === 'string')) {
                return `unclosed ${names.map((name) => `<${name}>`).join(', ')}`;
            }
        } catch {
            // Not the shape expected: fall through to the validator's own words.
        }
    }
    return message.replace(/\s+/g, ' ');
}

/** preserveOrder output: an array of `{ [tag]: children, ':@'?: attributes }` and `{ '#text': text }` nodes. */
function toElements(nodes: unknown): XmlElement[] {
    if (!Array.isArray(nodes)) {
        return [];
    }
    const elements: XmlElement[] = [];
    for (const node of nodes as unknown[]) {
        if (typeof node !== 'object' || node === null) {
            continue;
        }
        const entries = Object.entries(node as Record<string, unknown>);
        const tag = entries.find(([key]) => key !== ':@' && key !== '#text');
        if (tag === undefined) {
            continue;
        }
        const [name, children] = tag;
        elements.push({
            name,
            attributes: toAttributes((node as Record<string, unknown>)[':@']),
            children: toElements(children),
            text: ownText(children)
        });
    }
    return elements;
}

function toAttributes(value: unknown): Partial<Record<string, string>> {
    const attributes: Partial<Record<string, string>> = {};
    if (typeof value === 'object' && value !== null) {
        for (const [key, attribute] of Object.entries(value as Record<string, unknown>)) {
            if (typeof attribute === 'string') {
                attributes[key] = attribute;
            }
        }
    }
    return attributes;
}

function ownText(children: unknown): string {
    if (!Array.isArray(children)) {
        return '';
    }
    return (children as unknown[])
        .map((child) => {
            const text =
                typeof child === 'object' && child !== null
                    ? (child as Record<string, unknown>)['#text']
                    : '';
            return typeof text === 'string' ? text : '';
        })
        .join('')
        .trim();
}

/** The direct children named `name`, in document order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
    return element.children.filter((child) => child.name === name);
}

/** The text of the first direct child named `name`; undefined when there is no such child. */
export function childText(element: XmlElement, name: string): string | undefined {
    return element.children.find((child) => child.name === name)?.text;
}
