/** Compiles one deployable file (`.js`, `.html`, `.css`) with `@lwc/compiler`, as the platform does on deploy. */
import { transformSync } from '@lwc/compiler';
import type { TransformResult } from '@lwc/compiler';
import type { SourceProblem } from './transpileForLwc';

type CompilerDiagnostic = NonNullable<TransformResult['warnings']>[number];

/** `DiagnosticLevel.Fatal` (0) and `DiagnosticLevel.Error` (1) of `@lwc/errors`; 2 and 3 are warnings and logs. */
const LAST_ERROR_LEVEL = 1;

/** The files `@lwc/compiler` compiles; other deployable files (metadata, svg) it does not read. */
export function isCompiledByLwc(file: string): boolean {
    return file.endsWith('.js') || file.endsWith('.html') || file.endsWith('.css');
}

/**
 * The compiler's errors for `source`, none when it compiles. `file` is the absolute path: the compiler picks the
 * transform by extension and quotes the path in some messages, which are trimmed to their first line.
 */
export function compileWithLwc(source: string, file: string, bundleName: string): SourceProblem[] {
    try {
        const result = transformSync(source, file, {
            namespace: 'c',
            name: bundleName,
            scopedStyles: file.endsWith('.scoped.css')
        });
        return (result.warnings ?? [])
            .filter((diagnostic) => isError(diagnostic.level))
            .map((diagnostic) => toSourceProblem(diagnostic, file));
    } catch (error: unknown) {
        const errors = error instanceof AggregateError ? (error.errors as unknown[]) : [error];
        return errors.map((each) => toSourceProblem(asDiagnostic(each), file));
    }
}

function isError(level: number): boolean {
    return level <= LAST_ERROR_LEVEL;
}

function asDiagnostic(error: unknown): Partial<CompilerDiagnostic> & { message: string } {
    if (error instanceof Error) {
        return error;
    }
    return { message: String(error) };
}

function toSourceProblem(
    diagnostic: Partial<CompilerDiagnostic> & { message: string },
    file: string
): SourceProblem {
    const message = trimMessage(diagnostic.message, file);
    const location = diagnostic.location;
    if (location === undefined) {
        return { message };
    }
    // Babel (which parses the .js) counts columns from 0; the template and style compilers count from 1.
    const column = file.endsWith('.js') ? location.column + 1 : location.column;
    return { line: location.line, column, message };
}

/** First line only (Babel appends a code frame), without the absolute path (and position) the caller prints. */
function trimMessage(message: string, file: string): string {
    const firstLine = message.split('\n', 1)[0] ?? message;
    const quotedPath = new RegExp(`${escapeRegExp(file)}(?::\\d+:\\d+)?:?\\s*`, 'g');
    return firstLine.replace(quotedPath, '').trim();
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
