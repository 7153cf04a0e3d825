// Reading the deployment files as the Agents Toolkit reads them, offline: the m365agents*.yml projects (with
// the `yaml` package), their env/.env.<name> files (node's own dotenv parser), and infra/azure.bicep as text
// (no Bicep compiler here): its `param` and `output` lines and its App Service settings.
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { parseDocument } from 'yaml';

export const ROOT = new URL('../../', import.meta.url);
export const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

/** Each toolkit project file and the environment it runs with (`atk <lifecycle> --env <name>`). */
export const PROJECTS = [
  { file: 'm365agents.yml', env: 'dev' },
  { file: 'm365agents.local.yml', env: 'local' },
  { file: 'm365agents.playground.yml', env: 'playground' },
] as const;

/** The lifecycles in the order an admin runs them; what one writes to the env file, later ones read. */
export const LIFECYCLES = ['provision', 'deploy', 'publish'] as const;

export interface Action {
  uses: string;
  name?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}

export type Project = Partial<Record<(typeof LIFECYCLES)[number], Action[]>> & { version: string; [key: string]: unknown };

/** Parses a yml file; YAML errors (duplicate keys, bad indentation) throw with the file's name. */
export function readProject(file: string): Project {
  const doc = parseDocument(read(file), { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
  return doc.toJS() as Project;
}

export const readEnvFile = (env: string): Record<string, string> => parseEnv(read(`env/.env.${env}`)) as Record<string, string>;

/** `${{NAME}}` placeholders, as the toolkit resolves them (lifecycle.ts: names of letters, digits, underscores). */
export function placeholders(value: unknown): string[] {
  return [...JSON.stringify(value ?? null).matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!);
}

/** Replaces each placeholder with `values[name]` (a missing one stays, so a check can find it). */
export function resolve(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
}

/** `param <name> <type> [= default]` lines (decorators sit on lines of their own). */
export function bicepParams(bicep: string): BicepParam[] {
  return [...bicep.matchAll(/^param\s+(\w+)\s+(\w+)(\s*=)?/gm)].map((m) => ({ name: m[1]!, type: m[2]!, hasDefault: m[3] !== undefined }));
}

/** `output <NAME> <type> = …` lines: arm/deploy writes each into the env file under its name. */
export function bicepOutputs(bicep: string): string[] {
  return [...bicep.matchAll(/^output\s+(\w+)\s+\w+\s*=/gm)].map((m) => m[1]!);
}

/** The App Service settings `{ name: 'X', value: <expression> }`, each with its value expression as written. */
export function appSettings(bicep: string): Map<string, string> {
  return new Map([...bicep.matchAll(/\{\s*name:\s*'([^']+)'\s*,\s*value:\s*(.+?)\s*\}$/gm)].map((m) => [m[1]!, m[2]!]));
}
