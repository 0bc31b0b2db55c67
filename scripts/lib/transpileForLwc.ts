/** Emits a bundle's TypeScript as JavaScript the LWC compiler accepts: types removed, decorators as written. */
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * ESNext with standard class fields and no legacy decorators keeps `@api`/`@track`/`@wire` untouched (any other
 * setting makes the LWC compiler fail with LWC1104); verbatimModuleSyntax drops exactly the `import type`s.
 */
export const LWC_EMIT_OPTIONS: Readonly<ts.CompilerOptions> = {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    useDefineForClassFields: true,
    experimentalDecorators: false,
    verbatimModuleSyntax: true,
    // The documentation lives in the .ts; the deployed .js carries the code (the size budget measures it).
    removeComments: true,
    newLine: ts.NewLineKind.LineFeed
};

export interface SourceProblem {
    /** 1-based, when known. */
    readonly line?: number;
    /** 1-based, when known. */
    readonly column?: number;
    readonly message: string;
}

export interface TranspileResult {
    /** The `.js` content, header included. */
    readonly js: string;
    /** Syntax errors in the `.ts`; its output is not to be trusted when there are any. */
    readonly problems: readonly SourceProblem[];
}

/** The first line of every emitted file, so nobody edits the `.js` by mistake. */
export function emittedHeader(tsFile: string): string {
    return `// Emitted from ${path.basename(tsFile)} by npm run build; edit the .ts.\n`;
}

export function transpileForLwc(source: string, tsFile: string): TranspileResult {
    const output = ts.transpileModule(source, {
        fileName: path.basename(tsFile),
        reportDiagnostics: true,
        compilerOptions: { ...LWC_EMIT_OPTIONS }
    });
    const problems = (output.diagnostics ?? [])
        .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
        .map(toSourceProblem);
    return { js: emittedHeader(tsFile) + output.outputText, problems };
}

function toSourceProblem(diagnostic: ts.Diagnostic): SourceProblem {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (diagnostic.file === undefined || diagnostic.start === undefined) {
        return { message };
    }
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return { line: line + 1, column: character + 1, message };
}
