/**
 * The size budget of `npm run build`: the bytes of deployable JavaScript (each bundle's emitted `.js`, outside
 * `__tests__`), raw and gzip, per bundle and in total, checked against package.json's
 * `"sizeBudget": { "totalGzipBytes": N, "bundleGzipBytes": M }`. A bundle's gzip size is the sum of its files
 * gzipped one by one, as the platform serves each module on its own.
 * A missing or malformed budget is an error: a build with no budget would pass whatever the size.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { findBundles } from './lwcBundles';

export interface SizeBudget {
    readonly totalGzipBytes: number;
    readonly bundleGzipBytes: number;
}

export interface BundleSize {
    readonly name: string;
    readonly files: number;
    readonly rawBytes: number;
    readonly gzipBytes: number;
}

export interface SizeReport {
    /** Bundles with at least one `.js`, sorted by name. */
    readonly bundles: readonly BundleSize[];
    readonly total: Omit<BundleSize, 'name'>;
}

const BUDGET_KEYS = ['totalGzipBytes', 'bundleGzipBytes'] as const;
const BUDGET_EXAMPLE = '"sizeBudget": { "totalGzipBytes": N, "bundleGzipBytes": M }';

/** Measures each bundle's deployable `.js` files as they are on disk. */
export function measureBundleSizes(projectRoot: string): SizeReport {
    const bundles = findBundles(projectRoot)
        .map((bundle): BundleSize => {
            const jsFiles = bundle.files.filter((file) => file.endsWith('.js'));
            let rawBytes = 0;
            let gzipBytes = 0;
            for (const file of jsFiles) {
                const content = fs.readFileSync(file);
                rawBytes += content.length;
                gzipBytes += gzipSync(content, { level: 9 }).length;
            }
            return { name: bundle.name, files: jsFiles.length, rawBytes, gzipBytes };
        })
        .filter((bundle) => bundle.files > 0);
    const sum = (key: 'files' | 'rawBytes' | 'gzipBytes'): number =>
        bundles.reduce((total, bundle) => total + bundle[key], 0);
    return {
        bundles,
        total: { files: sum('files'), rawBytes: sum('rawBytes'), gzipBytes: sum('gzipBytes') }
    };
}

export type BudgetRead =
    { readonly ok: true; readonly budget: SizeBudget } | { readonly ok: false; readonly error: string };

/** The budget in the project's package.json, or an error line saying what is missing and what to add. */
export function readSizeBudget(projectRoot: string): BudgetRead {
    const file = path.join(projectRoot, 'package.json');
    let manifest: unknown;
    try {
        manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
            ok: false,
            error: `package.json: cannot read the size budget (${reason}); add ${BUDGET_EXAMPLE}`
        };
    }
    const budget: unknown =
        typeof manifest === 'object' && manifest !== null
            ? (manifest as Record<string, unknown>).sizeBudget
            : undefined;
    if (typeof budget !== 'object' || budget === null || Array.isArray(budget)) {
        return { ok: false, error: `package.json: no sizeBudget; add ${BUDGET_EXAMPLE} (gzip bytes)` };
    }
    const fields = budget as Record<string, unknown>;
    for (const key of BUDGET_KEYS) {
        const value = fields[key];
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
            return {
                ok: false,
                error: `package.json: sizeBudget.${key} must be a positive integer (gzip bytes), got ${value === undefined ? 'nothing' : JSON.stringify(value)}`
            };
        }
    }
    return {
        ok: true,
        budget: {
            totalGzipBytes: Number(fields.totalGzipBytes),
            bundleGzipBytes: Number(fields.bundleGzipBytes)
        }
    };
}

const bytes = (value: number): string => value.toLocaleString('en-US');

/** One error line per bundle over the per-bundle budget, then one for a total over the total budget. */
export function checkSizeBudget(report: SizeReport, budget: SizeBudget): string[] {
    const errors = report.bundles
        .filter((bundle) => bundle.gzipBytes > budget.bundleGzipBytes)
        .map(
            (bundle) =>
                `size budget: bundle ${bundle.name} is ${bytes(bundle.gzipBytes)} B gzip, over the per-bundle budget ` +
                `of ${bytes(budget.bundleGzipBytes)} B (package.json sizeBudget.bundleGzipBytes)`
        );
    if (report.total.gzipBytes > budget.totalGzipBytes) {
        errors.push(
            `size budget: total is ${bytes(report.total.gzipBytes)} B gzip, over the total budget ` +
                `of ${bytes(budget.totalGzipBytes)} B (package.json sizeBudget.totalGzipBytes)`
        );
    }
    return errors;
}

/** The compact table: one row per bundle, then the total and, when known, the budgets. */
export function formatSizeTable(report: SizeReport, budget: SizeBudget | undefined): string[] {
    const rows: string[][] = [
        ['bundle', 'js files', 'raw B', 'gzip B'],
        ...report.bundles.map((bundle) => [
            bundle.name,
            String(bundle.files),
            bytes(bundle.rawBytes),
            bytes(bundle.gzipBytes)
        ]),
        ['total', String(report.total.files), bytes(report.total.rawBytes), bytes(report.total.gzipBytes)]
    ];
    if (budget !== undefined) {
        rows.push([
            'budget',
            '',
            '',
            `${bytes(budget.totalGzipBytes)} total, ${bytes(budget.bundleGzipBytes)} per bundle`
        ]);
    }
    const widths = rows[0].map((_, column) =>
        Math.max(...rows.filter((row) => row[0] !== 'budget').map((row) => row[column].length))
    );
    return rows.map((row) =>
        row
            .map((cell, column) =>
                column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])
            )
            .join('  ')
            .trimEnd()
    );
}

/**
 * The build's size step: prints the table and any error; returns the exit code (1 when over budget or when the
 * budget is missing or malformed).
 */
export function runSizeBudget(projectRoot: string, print: (line: string) => void = console.log): number {
    const report = measureBundleSizes(projectRoot);
    const read = readSizeBudget(projectRoot);
    print('size: deployable JavaScript per bundle (gzip: each file gzipped, summed)');
    for (const line of formatSizeTable(report, read.ok ? read.budget : undefined)) {
        print(line);
    }
    const errors = read.ok ? checkSizeBudget(report, read.budget) : [read.error];
    for (const line of errors) {
        print(line);
    }
    return errors.length === 0 ? 0 : 1;
}
