/**
 * `npm run build`: emits each bundle's `.ts` as the `.js` the platform compiles, checks that every `.js` is present
 * and fresh, compiles every deployable file with `@lwc/compiler`, refuses any way to render HTML (templates and
 * component code) and checks tsconfig.json's `c/<bundle>` paths.
 * With `check`, writes nothing: a missing or stale `.js` is an error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkTsconfigPaths } from './checkTsconfigPaths';
import { checkComponentHtml, checkTemplateHtml } from './checkUnsafeHtml';
import { compileWithLwc, isCompiledByLwc } from './compileWithLwc';
import { displayPath, emittedJsPath, findBundles, isTypeScriptSource } from './lwcBundles';
import type { LwcBundle } from './lwcBundles';
import { transpileForLwc } from './transpileForLwc';
import type { SourceProblem } from './transpileForLwc';

export interface BuildOptions {
    readonly projectRoot: string;
    /** Write nothing; fail on a missing or stale `.js` instead of emitting it. */
    readonly check: boolean;
}

export interface BuildReport {
    readonly check: boolean;
    /** Bundle names, sorted. */
    readonly bundles: readonly string[];
    /** How many `.ts` files were transpiled (and, without `check`, emitted). */
    readonly transpiled: number;
    /** The `.js` files written because their content changed, relative to the project root. */
    readonly written: readonly string[];
    /** How many files `@lwc/compiler` compiled. */
    readonly compiled: number;
    /** One line each: `<relative path>[:line:column]: <message>`. */
    readonly errors: readonly string[];
}

export function buildLwcBundles({ projectRoot, check }: BuildOptions): BuildReport {
    const bundles = findBundles(projectRoot);
    const errors: string[] = [];
    const written: string[] = [];
    let transpiled = 0;
    let compiled = 0;
    const report = (file: string, problem: SourceProblem): void => {
        errors.push(formatProblem(displayPath(projectRoot, file), problem));
    };

    for (const bundle of bundles) {
        const tsFiles = bundle.files.filter(isTypeScriptSource);
        for (const tsFile of tsFiles) {
            transpiled += 1;
            const source = fs.readFileSync(tsFile, 'utf8');
            for (const problem of checkComponentHtml(source, tsFile)) {
                report(tsFile, problem);
            }
            const { js, problems } = transpileForLwc(source, tsFile);
            if (problems.length > 0) {
                for (const problem of problems) {
                    report(tsFile, problem);
                }
                continue;
            }
            const jsFile = emittedJsPath(tsFile);
            if (!check && readIfExists(jsFile) !== js) {
                fs.writeFileSync(jsFile, js);
                written.push(displayPath(projectRoot, jsFile));
            }
            // The same check with and without `check`: after emitting it must pass.
            const onDisk = readIfExists(jsFile);
            if (onDisk === undefined) {
                report(jsFile, {
                    message: `missing; emit it from ${path.basename(tsFile)} with npm run build`
                });
            } else if (onDisk !== js) {
                report(jsFile, {
                    message: `stale (differs from ${path.basename(tsFile)}); emit it with npm run build`
                });
            }
        }
        for (const problem of checkMainModule(bundle, tsFiles)) {
            report(problem.file, problem);
        }

        for (const file of filesOnDisk(bundle.files).filter(isCompiledByLwc)) {
            compiled += 1;
            const source = fs.readFileSync(file, 'utf8');
            if (file.endsWith('.html')) {
                for (const problem of checkTemplateHtml(source)) {
                    report(file, problem);
                }
            }
            for (const problem of compileWithLwc(source, file, bundle.name)) {
                report(file, problem);
            }
        }
    }

    const bundleNames = bundles.map((bundle) => bundle.name);
    errors.push(...checkTsconfigPaths(projectRoot, bundleNames));
    return { check, bundles: bundleNames, transpiled, written, compiled, errors };
}

/**
 * Every bundle's main module is `<name>.ts` (tsconfig's `c/<name>` points at it) and every `.js` comes from a `.ts`:
 * a `.js` without one is a leftover that would still deploy, since git ignores the emitted `.js`.
 */
function checkMainModule(
    bundle: LwcBundle,
    tsFiles: readonly string[]
): (SourceProblem & { file: string })[] {
    const emitted = new Set(tsFiles.map(emittedJsPath));
    const problems = bundle.files
        .filter((file) => file.endsWith('.js') && !emitted.has(file))
        .map((file) => ({
            file,
            message: `has no ${path.basename(file, '.js')}.ts beside it (a leftover?); delete it or restore the .ts`
        }));
    const mainTs = path.join(bundle.dir, `${bundle.name}.ts`);
    const mainJs = emittedJsPath(mainTs);
    const meta = `${mainJs}-meta.xml`;
    if (tsFiles.includes(mainTs) || bundle.files.includes(mainJs)) {
        return problems;
    }
    if (bundle.files.includes(meta)) {
        return [
            ...problems,
            { file: meta, message: `the bundle has metadata but no ${bundle.name}.js to deploy` }
        ];
    }
    return [...problems, { file: bundle.dir, message: `the bundle has no main module ${bundle.name}.ts` }];
}

/** The bundle's files as they are now on disk: emitting may have added `.js` files since the bundle was listed. */
function filesOnDisk(listed: readonly string[]): string[] {
    const emitted = listed.filter(isTypeScriptSource).map(emittedJsPath);
    return [...new Set([...listed, ...emitted.filter((file) => fs.existsSync(file))])].sort();
}

function readIfExists(file: string): string | undefined {
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

function formatProblem(file: string, { line, column, message }: SourceProblem): string {
    const position = line === undefined ? '' : column === undefined ? `:${line}` : `:${line}:${column}`;
    return `${file}${position}: ${message}`;
}

/** The summary line, then one line per error. */
export function formatBuildReport(report: BuildReport): string[] {
    const emitted = report.check
        ? `${report.transpiled} .js checked`
        : `${report.transpiled} .js emitted (${report.written.length} written)`;
    const summary =
        `build${report.check ? ' --check' : ''}: ${report.bundles.length} bundles, ${emitted}, ` +
        `${report.compiled} files compiled with @lwc/compiler, ${report.errors.length} errors`;
    return [summary, ...report.errors];
}

/** The CLI: `[--check]`; prints the report and returns the exit code. */
export function runBuild(
    args: readonly string[],
    projectRoot: string,
    print: (line: string) => void = console.log
): number {
    const unknown = args.filter((arg) => arg !== '--check');
    if (unknown.length > 0) {
        print(`build: unknown argument ${unknown.join(' ')}; usage: node .build/scripts/build.js [--check]`);
        return 2;
    }
    const report = buildLwcBundles({ projectRoot, check: args.includes('--check') });
    for (const line of formatBuildReport(report)) {
        print(line);
    }
    return report.errors.length === 0 ? 0 : 1;
}
