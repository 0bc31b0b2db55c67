/**
 * Finds the first syntax error of a JSON text, with its line and column, using jsonc-parser's scanner:
 * JSON.parse's messages differ between Node versions and often give no position, and a scenario author
 * needs the place to fix.
 */
import { parse, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';

export interface JsonSyntaxError {
    /** For example "value expected" or "comma expected". */
    readonly message: string;
    /** 1-based. */
    readonly line: number;
    /** 1-based, in UTF-16 code units. */
    readonly column: number;
}

/** "CloseBraceExpected" -> "close brace expected". */
function describe(error: ParseError): string {
    return printParseErrorCode(error.error)
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase();
}

/** The first syntax error of strict JSON (no comments, no trailing commas), or undefined when it is valid. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
    const errors: ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors.at(0);
    if (first === undefined) {
        return undefined;
    }
    const before = text.slice(0, first.offset).split(/\r\n|\r|\n/);
    return { message: describe(first), line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
