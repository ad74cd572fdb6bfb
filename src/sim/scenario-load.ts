// Scenario files: the built-in ones under src/sim/scenarios/, or any path a user gives.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioFile } from './scenario-types.ts';
import { validateScenario } from './scenario-validate.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');

export function builtinScenarios(): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/** Loads a built-in scenario by name, or a JSON file by path (anything with a `/` or `.json`). */
export function loadScenario(nameOrPath: string): { ok: true; scenario: ScenarioFile } | { ok: false; errors: string[] } {
  const isPath = nameOrPath.includes('/') || nameOrPath.endsWith('.json');
  if (!isPath && !builtinScenarios().includes(nameOrPath)) {
    return { ok: false, errors: [`unknown scenario '${nameOrPath}' (built in: ${builtinScenarios().join(', ')})`] };
  }
  const path = isPath ? nameOrPath : join(DIR, `${nameOrPath}.json`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, errors: [`${nameOrPath}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${nameOrPath}: not valid JSON (${(e as Error).message})`] };
  }
  const v = validateScenario(json);
  return v.ok ? v : { ok: false, errors: v.errors.map((m) => `${nameOrPath}: ${m}`) };
}
