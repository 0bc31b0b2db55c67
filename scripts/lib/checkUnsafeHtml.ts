/**
 * Fails the build on any way for event text to reach the DOM as HTML: a template with an innerHTML/outerHTML binding
 * or `lwc:inner-html`, and a component `.ts` touching any DOM API that parses HTML (innerHTML, outerHTML,
 * insertAdjacentHTML, createContextualFragment, DOMParser's parseFromString, setHTMLUnsafe, parseHTMLUnsafe, srcdoc).
 * ESLint says so for some; the build is the check nobody can switch off with a comment.
 *
 * A template may hold an `lwc:dom="manual"` element (the transcript keeps its lines in one by hand, see
 * voiceCallTranscript/transcriptRows.ts): script fills it, and script can only make elements and set text.
 */
import * as ts from 'typescript';
import type { SourceProblem } from './transpileForLwc';

/** Template attributes that put HTML or script-managed content into the DOM, lower-cased. */
const UNSAFE_TEMPLATE_ATTRIBUTES: ReadonlyMap<string, string> = new Map([
    ['lwc:inner-html', 'lwc:inner-html renders HTML; render text instead'],
    ['inner-h-t-m-l', 'an innerHTML binding renders HTML; render text instead'],
    ['outer-h-t-m-l', 'an outerHTML binding renders HTML; render text instead'],
    ['innerhtml', 'an innerHTML binding renders HTML; render text instead'],
    ['outerhtml', 'an outerHTML binding renders HTML; render text instead']
]);

/** DOM members that parse HTML, as properties, methods or string keys. */
const UNSAFE_MEMBERS: ReadonlySet<string> = new Set([
    'innerHTML',
    'outerHTML',
    'insertAdjacentHTML',
    'createContextualFragment',
    'parseFromString',
    'setHTMLUnsafe',
    'parseHTMLUnsafe',
    'srcdoc'
]);

/** 1-based line and column of `offset` in `text`. */
function position(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
}

/** Comments replaced by spaces (newlines kept), so positions stay right and commented-out markup is ignored. */
function withoutComments(template: string): string {
    return template.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** Every unsafe attribute in a template's start tags. */
export function checkTemplateHtml(template: string): SourceProblem[] {
    const text = withoutComments(template);
    const problems: SourceProblem[] = [];
    // A start tag: its name, then attributes whose quoted values may hold `>`.
    const startTag = /<[a-zA-Z][\w:-]*((?:\s+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
    const attribute = /\s+([^\s=/>"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g;
    for (const tag of text.matchAll(startTag)) {
        const attributes = tag[1];
        const attributesStart = tag.index + tag[0].indexOf(attributes);
        for (const match of attributes.matchAll(attribute)) {
            const name = match[1];
            const message = UNSAFE_TEMPLATE_ATTRIBUTES.get(name.toLowerCase());
            if (message !== undefined) {
                const offset = attributesStart + match.index + match[0].indexOf(name);
                problems.push({ ...position(text, offset), message });
            }
        }
    }
    return problems;
}

/** Every use of a DOM API that parses HTML in a component's TypeScript, comments aside. */
export function checkComponentHtml(source: string, fileName: string): SourceProblem[] {
    const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const problems: SourceProblem[] = [];
    const visit = (node: ts.Node): void => {
        const name =
            ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteralLike(node)
                ? node.text
                : undefined;
        if (name !== undefined && UNSAFE_MEMBERS.has(name)) {
            const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
            problems.push({
                line: line + 1,
                column: character + 1,
                message: `${name} parses HTML; render event text as text`
            });
        }
        ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return problems;
}
