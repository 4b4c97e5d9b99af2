import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../platform/errors.ts';
import { flowSchema, type Flow } from './flow.schema.ts';
import { validateFlow } from './flows.rules.ts';

/** content/flows at the repository root. */
export const FLOWS_DIR = fileURLToPath(new URL('../../../../content/flows/', import.meta.url));

function invalid(file: string, problems: string[]): AppError {
  return new AppError({ code: 'FLOW_INVALID', status: 500, message: `Flow ${file} is invalid: ${problems.join('; ')}.` });
}

/** One flow from its JSON text; `file` names it in errors. */
export function parseFlow(file: string, text: string): Flow {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(file, [`not JSON (${(error as Error).message})`]);
  }
  const parsed = flowSchema.safeParse(json);
  if (!parsed.success) {
    throw invalid(file, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'flow'} ${issue.message}`));
  }
  const problems = validateFlow(parsed.data);
  if (problems.length > 0) throw invalid(file, problems);
  return parsed.data;
}

/** Every `<id>.json` of the directory, checked at start-up: a broken flow stops the server with its file and step named. */
export function loadFlows(dir: string = FLOWS_DIR): Flow[] {
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  const flows = files.map((name) => {
    const flow = parseFlow(name, fs.readFileSync(path.join(dir, name), 'utf8'));
    if (`${flow.id}.json` !== name) throw invalid(name, [`its id is "${flow.id}"; the file must be named ${flow.id}.json`]);
    return flow;
  });
  if (flows.length === 0) throw new AppError({ code: 'FLOW_INVALID', status: 500, message: `No flows in ${dir}.` });
  return flows;
}
