/**
 * Checks that tsconfig.json maps `c/<bundle>` to each bundle's main `.ts` and nothing else: tsc accepts one `*` per
 * path pattern, so `c/*` cannot reach `lwc/<name>/<name>.ts` and every bundle needs its own entry.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { LWC_DIR } from './lwcBundles';

const TSCONFIG = 'tsconfig.json';

/** The path a bundle's `c/<name>` entry must point at. */
export function bundlePathTarget(bundleName: string): string {
    return `./${LWC_DIR}/${bundleName}/${bundleName}.ts`;
}

/** The line to paste into `compilerOptions.paths` for a bundle. */
export function bundlePathLine(bundleName: string): string {
    return `"c/${bundleName}": ["${bundlePathTarget(bundleName)}"],`;
}

/** One error per missing, wrong or extra `c/...` entry, each with the exact line to add or remove. */
export function checkTsconfigPaths(projectRoot: string, bundleNames: readonly string[]): string[] {
    const tsconfigFile = path.join(projectRoot, TSCONFIG);
    if (!fs.existsSync(tsconfigFile)) {
        return [`${TSCONFIG}: not found; it must map each bundle in compilerOptions.paths`];
    }
    const parsed = ts.parseConfigFileTextToJson(tsconfigFile, fs.readFileSync(tsconfigFile, 'utf8'));
    if (parsed.error !== undefined) {
        return [`${TSCONFIG}: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, ' ')}`];
    }
    const paths = readPaths(parsed.config);
    const errors: string[] = [];
    for (const name of bundleNames) {
        const targets = paths.get(`c/${name}`);
        if (targets === undefined) {
            errors.push(
                `${TSCONFIG}: no paths entry for bundle ${name}; add to compilerOptions.paths: ${bundlePathLine(name)}`
            );
        } else if (!pointsAt(targets, bundlePathTarget(name))) {
            errors.push(
                `${TSCONFIG}: paths entry "c/${name}" is ${JSON.stringify(targets)}; replace it with: ${bundlePathLine(name)}`
            );
        }
    }
    const bundles = new Set(bundleNames);
    for (const [key, targets] of paths) {
        if (key.startsWith('c/') && !bundles.has(key.slice('c/'.length))) {
            errors.push(
                `${TSCONFIG}: paths entry "${key}" names no bundle in ${LWC_DIR}; remove the line: "${key}": ${JSON.stringify(targets)},`
            );
        }
    }
    return errors;
}

function readPaths(config: unknown): Map<string, unknown> {
    const compilerOptions = isRecord(config) ? config.compilerOptions : undefined;
    const paths = isRecord(compilerOptions) ? compilerOptions.paths : undefined;
    return new Map(isRecord(paths) ? Object.entries(paths) : []);
}

function pointsAt(targets: unknown, expected: string): boolean {
    return (
        Array.isArray(targets) &&
        targets.length === 1 &&
        typeof targets[0] === 'string' &&
        path.posix.normalize(targets[0]) === path.posix.normalize(expected)
    );
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
