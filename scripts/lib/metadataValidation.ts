/**
 * `npm run validate:metadata`: offline checks of the metadata under force-app, one line per problem naming the file
 * and the element. Every `*-meta.xml` must be well-formed; LWC bundles, FlexiPages, apps, message channels,
 * permission sets and custom labels must say what the platform needs and refer only to what exists; then, where sf is
 * installed, the
 * converted deploy package must hold exactly the files that should deploy (lib/convertedPackage).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkConvertedPackage, runCommand } from './convertedPackage';
import type { RunCommand } from './convertedPackage';
import { LWC_DIR, displayPath, findBundles } from './lwcBundles';
import type { LwcBundle } from './lwcBundles';
import { childText, childrenNamed, readXml } from './xmlTree';
import type { XmlElement } from './xmlTree';

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
export const SOURCE_DIR = 'force-app';
export const DEFAULT_DIR = 'force-app/main/default';
export const SFDX_PROJECT = 'sfdx-project.json';
export const TOOLKIT_TAG = 'lightning-service-cloud-voice-toolkit-api';
export const TOOLKIT_CAPABILITY = 'lightning__ServiceCloudVoiceToolkitApi';
/** The design-attribute types this project's components take. */
export const PROPERTY_TYPES: readonly string[] = ['String', 'Integer', 'Boolean'];
export const VALIDATE_USAGE = 'Usage: npm run validate:metadata';

/** The target a component needs to be placed on each kind of FlexiPage. */
const PAGE_TYPE_TARGETS: Readonly<Record<string, string>> = {
    UtilityBar: 'lightning__UtilityBar',
    RecordPage: 'lightning__RecordPage',
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage'
};

export interface ValidationReport {
    /** One line each: `<file>: <element>: <what is wrong>`. */
    readonly problems: string[];
    /** Lines that are not problems (the package check skipped, what it compared). */
    readonly notes: string[];
    readonly checkedFiles: number;
}

/** What the FlexiPage checks need to know of a bundle. */
interface BundleFacts {
    /** Undefined when its .js-meta.xml is missing or unreadable (already reported). */
    readonly exposed: boolean | undefined;
    readonly targets: ReadonlySet<string>;
}

function problem(file: string, element: string, message: string): string {
    return `${file}: ${element}: ${message}`;
}

/** The names of a component's `@api` properties (fields and accessors; `@api` methods are not properties). */
export function apiPropertyNames(source: string): Set<string> {
    const code = source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');
    const names = new Set<string>();
    const declaration =
        /@api\s+(get\s+|set\s+)?(?:(?:readonly|override|declare|public)\s+)*([A-Za-z_$][\w$]*)\s*(\(?)/g;
    for (const match of code.matchAll(declaration)) {
        // An unmatched group is undefined at run time, whatever RegExpMatchArray's type says.
        const accessor = match[1] as string | undefined;
        const [, , name, call] = match;
        if (accessor !== undefined || call === '') {
            names.add(name);
        }
    }
    return names;
}

/** Whether a design attribute's default reads as a value of its type. */
export function defaultMatchesType(type: string, value: string): boolean {
    switch (type) {
        case 'Integer':
            return /^-?\d+$/.test(value);
        case 'Boolean':
            return value === 'true' || value === 'false';
        default:
            return true;
    }
}

export function validateMetadata(projectRoot: string, run: RunCommand = runCommand): ValidationReport {
    const problems: string[] = [];
    const show = (file: string): string => displayPath(projectRoot, file);
    const sourceApiVersion = readSourceApiVersion(projectRoot, problems);

    const metaFiles = listMetaFiles(path.join(projectRoot, SOURCE_DIR));
    const documents = new Map<string, XmlElement>();
    for (const file of metaFiles) {
        const read = readXml(fs.readFileSync(file, 'utf8'));
        if (read.ok) {
            documents.set(file, read.root);
        } else {
            const where = read.line === undefined ? show(file) : `${show(file)}:${read.line}`;
            problems.push(`${where}: not well-formed XML: ${read.error}`);
        }
    }
    /** The root of a well-formed file of the expected type, or undefined (reported here when of another type). */
    const rootOf = (file: string, rootName: string): XmlElement | undefined => {
        const root = documents.get(file);
        if (root === undefined) {
            return undefined;
        }
        if (root.name !== rootName) {
            problems.push(problem(show(file), `<${root.name}>`, `the root element must be <${rootName}>`));
            return undefined;
        }
        if (root.attributes.xmlns !== METADATA_NAMESPACE) {
            problems.push(problem(show(file), `<${rootName}>`, `xmlns must be "${METADATA_NAMESPACE}"`));
        }
        return root;
    };

    const defaultDir = path.join(projectRoot, DEFAULT_DIR);
    const bundles = findBundles(projectRoot);
    const bundleFacts = new Map<string, BundleFacts>();
    for (const bundle of bundles) {
        bundleFacts.set(bundle.name, checkBundle(bundle, sourceApiVersion, rootOf, show, problems));
    }

    const pageTypes = new Map<string, string | undefined>();
    for (const file of filesIn(defaultDir, 'flexipages', '.flexipage-meta.xml')) {
        const name = path.basename(file, '.flexipage-meta.xml');
        const root = rootOf(file, 'FlexiPage');
        pageTypes.set(
            name,
            root === undefined ? undefined : checkFlexiPage(root, show(file), bundleFacts, problems)
        );
    }

    const applications = new Set<string>();
    for (const file of filesIn(defaultDir, 'applications', '.app-meta.xml')) {
        applications.add(path.basename(file, '.app-meta.xml'));
        const root = rootOf(file, 'CustomApplication');
        if (root !== undefined) {
            checkApplication(root, show(file), pageTypes, problems);
        }
    }

    for (const file of filesIn(defaultDir, 'messageChannels', '.messageChannel-meta.xml')) {
        const root = rootOf(file, 'LightningMessageChannel');
        if (root !== undefined) {
            checkMessageChannel(root, show(file), problems);
        }
    }

    for (const file of filesIn(defaultDir, 'permissionsets', '.permissionset-meta.xml')) {
        const root = rootOf(file, 'PermissionSet');
        if (root !== undefined) {
            checkPermissionSet(root, show(file), applications, problems);
        }
    }

    for (const file of filesIn(defaultDir, 'labels', '.labels-meta.xml')) {
        const root = rootOf(file, 'CustomLabels');
        if (root !== undefined) {
            checkCustomLabels(root, show(file), problems);
        }
    }

    const packageCheck = checkConvertedPackage(projectRoot, defaultDir, bundles, run);
    return {
        problems: [...problems, ...packageCheck.problems],
        notes: packageCheck.notes,
        checkedFiles: metaFiles.length
    };
}

function readSourceApiVersion(projectRoot: string, problems: string[]): string | undefined {
    const file = path.join(projectRoot, SFDX_PROJECT);
    let project: unknown;
    try {
        project = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
        problems.push(
            `${SFDX_PROJECT}: cannot be read as JSON: ${error instanceof Error ? error.message : 'unknown'}`
        );
        return undefined;
    }
    const version =
        typeof project === 'object' && project !== null
            ? (project as Record<string, unknown>).sourceApiVersion
            : undefined;
    if (typeof version !== 'string' || !/^\d+\.0$/.test(version)) {
        problems.push(`${SFDX_PROJECT}: sourceApiVersion: must be a string of the form "NN.0"`);
        return undefined;
    }
    return version;
}

function checkBundle(
    bundle: LwcBundle,
    sourceApiVersion: string | undefined,
    rootOf: (file: string, rootName: string) => XmlElement | undefined,
    show: (file: string) => string,
    problems: string[]
): BundleFacts {
    const unknown: BundleFacts = { exposed: undefined, targets: new Set() };
    const metaFile = path.join(bundle.dir, `${bundle.name}.js-meta.xml`);
    if (!fs.existsSync(metaFile)) {
        problems.push(
            problem(
                show(bundle.dir),
                `${bundle.name}.js-meta.xml`,
                'missing: every bundle needs its metadata file'
            )
        );
        return unknown;
    }
    const root = rootOf(metaFile, 'LightningComponentBundle');
    if (root === undefined) {
        return unknown;
    }
    const file = show(metaFile);

    const apiVersion = childText(root, 'apiVersion');
    const expectedVersion = sourceApiVersion ?? 'NN.0';
    if (apiVersion === undefined || apiVersion === '') {
        problems.push(
            problem(file, '<apiVersion>', `missing; expected ${expectedVersion} (${SFDX_PROJECT})`)
        );
    } else if (!/^\d+\.0$/.test(apiVersion)) {
        problems.push(problem(file, '<apiVersion>', `"${apiVersion}" is not of the form NN.0`));
    } else if (sourceApiVersion !== undefined && apiVersion !== sourceApiVersion) {
        problems.push(
            problem(
                file,
                '<apiVersion>',
                `${apiVersion} differs from sourceApiVersion ${sourceApiVersion} (${SFDX_PROJECT})`
            )
        );
    }

    const isExposed = childText(root, 'isExposed');
    if (isExposed !== 'true' && isExposed !== 'false') {
        problems.push(
            problem(
                file,
                '<isExposed>',
                isExposed === undefined ? 'missing' : `"${isExposed}" is not true or false`
            )
        );
    }
    const exposed = isExposed === 'true';
    const targets = childrenNamed(root, 'targets').flatMap((element) =>
        childrenNamed(element, 'target').map((target) => target.text)
    );
    if (exposed && targets.length === 0) {
        problems.push(problem(file, '<targets>', 'an exposed bundle needs at least one <target>'));
    }
    if (exposed && (childText(root, 'masterLabel') ?? '') === '') {
        problems.push(problem(file, '<masterLabel>', 'an exposed bundle needs the label admins pick it by'));
    }

    const usesToolkit = bundle.files.some(
        (source) => source.endsWith('.html') && fs.readFileSync(source, 'utf8').includes(`<${TOOLKIT_TAG}`)
    );
    const capabilities = childrenNamed(root, 'capabilities').flatMap((element) =>
        childrenNamed(element, 'capability').map((capability) => capability.text)
    );
    if (usesToolkit && !capabilities.includes(TOOLKIT_CAPABILITY)) {
        problems.push(
            problem(
                file,
                '<capabilities>',
                `the template uses <${TOOLKIT_TAG}>: add <capability>${TOOLKIT_CAPABILITY}</capability>`
            )
        );
    }

    const componentSource = componentSourceFile(bundle);
    let apiNames: Set<string> | undefined;
    const publicProperties = (): Set<string> => {
        apiNames ??=
            componentSource === undefined
                ? new Set()
                : apiPropertyNames(fs.readFileSync(componentSource, 'utf8'));
        return apiNames;
    };
    const sourceName = path.basename(componentSource ?? `${bundle.name}.ts`);
    for (const targetConfig of childrenNamed(root, 'targetConfigs').flatMap((element) =>
        childrenNamed(element, 'targetConfig')
    )) {
        const configTargets = targetConfig.attributes.targets;
        const element = `<targetConfig targets="${configTargets ?? ''}">`;
        if (configTargets === undefined || configTargets.trim() === '') {
            problems.push(problem(file, element, 'missing its targets attribute'));
        } else {
            for (const target of configTargets.split(',').map((name) => name.trim())) {
                if (target !== '' && !targets.includes(target)) {
                    problems.push(problem(file, element, `target ${target} is not declared in <targets>`));
                }
            }
        }
        for (const property of childrenNamed(targetConfig, 'property')) {
            checkProperty(property, file, element, sourceName, publicProperties, problems);
        }
    }
    return { exposed, targets: new Set(targets) };
}

/** The component class: `<name>.ts`, or `<name>.js` in a bundle written in JavaScript. */
function componentSourceFile(bundle: LwcBundle): string | undefined {
    return [`${bundle.name}.ts`, `${bundle.name}.js`]
        .map((name) => path.join(bundle.dir, name))
        .find((file) => fs.existsSync(file));
}

function checkProperty(
    property: XmlElement,
    file: string,
    configElement: string,
    sourceName: string,
    publicProperties: () => Set<string>,
    problems: string[]
): void {
    const { name, type, label } = property.attributes;
    const element = `${configElement}/<property${name === undefined ? '' : ` name="${name}"`}>`;
    for (const [attribute, value] of [
        ['name', name],
        ['type', type],
        ['label', label]
    ] as const) {
        if (value === undefined || value.trim() === '') {
            problems.push(problem(file, element, `missing its ${attribute} attribute`));
        }
    }
    if (type !== undefined && type !== '') {
        if (!PROPERTY_TYPES.includes(type)) {
            problems.push(
                problem(file, element, `type "${type}" is not one of ${PROPERTY_TYPES.join(', ')}`)
            );
        } else {
            checkPropertyValues(property, type, file, element, problems);
        }
    }
    if (name !== undefined && name !== '' && !publicProperties().has(name)) {
        problems.push(problem(file, element, `no @api property ${name} in ${sourceName}`));
    }
}

function checkPropertyValues(
    property: XmlElement,
    type: string,
    file: string,
    element: string,
    problems: string[]
): void {
    const kind = type === 'Integer' ? 'a whole number' : 'true or false';
    const { default: defaultValue, min, max } = property.attributes;
    if (defaultValue !== undefined && !defaultMatchesType(type, defaultValue)) {
        problems.push(problem(file, element, `default "${defaultValue}" is not a valid ${type} (${kind})`));
        return;
    }
    if (type !== 'Integer') {
        return;
    }
    for (const [attribute, bound] of [
        ['min', min],
        ['max', max]
    ] as const) {
        if (bound !== undefined && !defaultMatchesType('Integer', bound)) {
            problems.push(problem(file, element, `${attribute} "${bound}" is not a whole number`));
            return;
        }
    }
    if (defaultValue === undefined) {
        return;
    }
    const value = Number(defaultValue);
    if ((min !== undefined && value < Number(min)) || (max !== undefined && value > Number(max))) {
        problems.push(
            problem(
                file,
                element,
                `default ${defaultValue} is outside min ${min ?? '-'} .. max ${max ?? '-'}`
            )
        );
    }
}

/** Checks a FlexiPage's own fields and the custom components it places; returns its type. */
function checkFlexiPage(
    root: XmlElement,
    file: string,
    bundleFacts: ReadonlyMap<string, BundleFacts>,
    problems: string[]
): string | undefined {
    if ((childText(root, 'masterLabel') ?? '') === '') {
        problems.push(problem(file, '<masterLabel>', 'missing'));
    }
    const pageType = childText(root, 'type');
    if (pageType === undefined || pageType === '') {
        problems.push(problem(file, '<type>', 'missing'));
    }
    for (const instance of descendantsNamed(root, 'componentInstance')) {
        const componentName = childText(instance, 'componentName');
        if (componentName === undefined || componentName === '') {
            problems.push(problem(file, '<componentInstance>', 'missing its <componentName>'));
            continue;
        }
        const bundleName = customComponentBundle(componentName);
        if (bundleName === undefined) {
            continue;
        }
        const element = `<componentName>${componentName}</componentName>`;
        const facts = bundleFacts.get(bundleName);
        if (facts === undefined) {
            problems.push(problem(file, element, `no bundle ${bundleName} in ${LWC_DIR}`));
        } else if (facts.exposed === false) {
            problems.push(
                problem(file, element, `${bundleName} is not exposed (isExposed false in its .js-meta.xml)`)
            );
        } else if (facts.exposed === true && pageType !== undefined) {
            const target = PAGE_TYPE_TARGETS[pageType] as string | undefined;
            if (target !== undefined && !facts.targets.has(target)) {
                problems.push(
                    problem(
                        file,
                        element,
                        `${bundleName} does not declare target ${target}, which a ${pageType} needs`
                    )
                );
            }
        }
    }
    return pageType;
}

/** `c:name` or a bare `name` is a component of this project; `ns:name` is another namespace's. */
function customComponentBundle(componentName: string): string | undefined {
    const colon = componentName.indexOf(':');
    if (colon === -1) {
        return componentName;
    }
    return componentName.slice(0, colon) === 'c' ? componentName.slice(colon + 1) : undefined;
}

function checkApplication(
    root: XmlElement,
    file: string,
    pageTypes: ReadonlyMap<string, string | undefined>,
    problems: string[]
): void {
    if ((childText(root, 'label') ?? '') === '') {
        problems.push(problem(file, '<label>', 'missing'));
    }
    const utilityBar = childText(root, 'utilityBar');
    if (utilityBar === undefined) {
        return;
    }
    const element = `<utilityBar>${utilityBar}</utilityBar>`;
    if (!pageTypes.has(utilityBar)) {
        problems.push(problem(file, element, `no FlexiPage ${utilityBar} in ${DEFAULT_DIR}/flexipages`));
        return;
    }
    const pageType = pageTypes.get(utilityBar);
    if (pageType !== undefined && pageType !== 'UtilityBar') {
        problems.push(
            problem(file, element, `FlexiPage ${utilityBar} is of type ${pageType}, not UtilityBar`)
        );
    }
}

function checkMessageChannel(root: XmlElement, file: string, problems: string[]): void {
    if ((childText(root, 'masterLabel') ?? '') === '') {
        problems.push(problem(file, '<masterLabel>', 'missing'));
    }
    const isExposed = childText(root, 'isExposed');
    if (isExposed !== 'true' && isExposed !== 'false') {
        problems.push(
            problem(
                file,
                '<isExposed>',
                isExposed === undefined ? 'missing' : `"${isExposed}" is not true or false`
            )
        );
    }
    childrenNamed(root, 'lightningMessageFields').forEach((field, index) => {
        if ((childText(field, 'fieldName') ?? '') === '') {
            problems.push(problem(file, `<lightningMessageFields> #${index + 1}`, 'missing its <fieldName>'));
        }
    });
}

function checkPermissionSet(
    root: XmlElement,
    file: string,
    applications: ReadonlySet<string>,
    problems: string[]
): void {
    if ((childText(root, 'label') ?? '') === '') {
        problems.push(problem(file, '<label>', 'missing'));
    }
    for (const visibility of childrenNamed(root, 'applicationVisibilities')) {
        const application = childText(visibility, 'application') ?? '';
        // Namespaced and standard apps (standard__LightningService) live in the org, not in this project.
        if (application !== '' && !application.includes('__') && !applications.has(application)) {
            problems.push(
                problem(
                    file,
                    `<application>${application}</application>`,
                    `no app ${application} in ${DEFAULT_DIR}/applications`
                )
            );
        }
    }
}

/** A label's API name: a letter, then letters, digits and single underscores, not ending with one. */
const LABEL_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;
/** The platform's limit on a label's value. */
export const MAX_LABEL_VALUE_LENGTH = 1000;

/** Each `<labels>` needs a unique API name, a value, its language, protected true or false and a short description. */
function checkCustomLabels(root: XmlElement, file: string, problems: string[]): void {
    const seen = new Set<string>();
    childrenNamed(root, 'labels').forEach((label, index) => {
        const fullName = childText(label, 'fullName') ?? '';
        if (fullName === '') {
            problems.push(problem(file, `<labels> #${String(index + 1)}`, 'missing its <fullName>'));
            return;
        }
        const element = `<labels>${fullName}`;
        if (!LABEL_NAME.test(fullName) || fullName.endsWith('_')) {
            problems.push(
                problem(
                    file,
                    element,
                    'fullName must start with a letter and hold only letters, digits and single underscores, not ending with one'
                )
            );
        }
        if (seen.has(fullName)) {
            problems.push(problem(file, element, 'defined more than once'));
        }
        seen.add(fullName);
        for (const name of ['value', 'language', 'shortDescription']) {
            if ((childText(label, name) ?? '') === '') {
                problems.push(problem(file, element, `missing its <${name}>`));
            }
        }
        const value = childText(label, 'value') ?? '';
        if (value.length > MAX_LABEL_VALUE_LENGTH) {
            problems.push(
                problem(
                    file,
                    element,
                    `value is ${String(value.length)} characters, over ${String(MAX_LABEL_VALUE_LENGTH)}`
                )
            );
        }
        const isProtected = childText(label, 'protected');
        if (isProtected !== 'true' && isProtected !== 'false') {
            problems.push(
                problem(
                    file,
                    element,
                    isProtected === undefined
                        ? 'missing its <protected>'
                        : `<protected> "${isProtected}" is not true or false`
                )
            );
        }
    });
}

function descendantsNamed(element: XmlElement, name: string): XmlElement[] {
    return element.children.flatMap((child) => [
        ...(child.name === name ? [child] : []),
        ...descendantsNamed(child, name)
    ]);
}

/** Every `*-meta.xml` under a folder, sorted; node_modules and dot folders are not source. */
function listMetaFiles(dir: string): string[] {
    if (!fs.existsSync(dir)) {
        return [];
    }
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((entry) => {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : listMetaFiles(full);
            }
            return entry.isFile() && entry.name.endsWith('-meta.xml') ? [full] : [];
        })
        .sort();
}

function filesIn(defaultDir: string, folder: string, suffix: string): string[] {
    const dir = path.join(defaultDir, folder);
    if (!fs.existsSync(dir)) {
        return [];
    }
    return fs
        .readdirSync(dir)
        .filter((name) => name.endsWith(suffix))
        .sort()
        .map((name) => path.join(dir, name));
}

export interface ValidateIo {
    readonly projectRoot: string;
    readonly print: (line: string) => void;
    readonly printError: (line: string) => void;
    /** How sf is run; tests pass a fake. */
    readonly runCommand?: RunCommand;
}

/** Returns the exit code: 0 when there is no problem, 1 otherwise (or for an unexpected argument). */
export function runValidateMetadata(argv: readonly string[], io: ValidateIo): number {
    if (argv.length > 0) {
        io.printError(`Unknown argument ${argv[0]}. ${VALIDATE_USAGE}`);
        return 1;
    }
    const report = validateMetadata(io.projectRoot, io.runCommand);
    report.problems.forEach((line) => {
        io.printError(line);
    });
    report.notes.forEach((line) => {
        io.print(line);
    });
    const count = report.problems.length;
    io.print(
        `Metadata: ${report.checkedFiles} files checked, ${count === 0 ? 'no problems' : `${count} problem${count === 1 ? '' : 's'}`}.`
    );
    return count === 0 ? 0 : 1;
}
