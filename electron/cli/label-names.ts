/** Hugging Face label names for reading ids and writing tags: --label-names FILE, or `NAME.labels.json` beside the input. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseLabelNames } from '../../core/formats/huggingface.js';
import { UsageError } from './errors.js';
import type { InputSpec } from './input.js';

/** The names from `--label-names FILE`; throws UsageError when it is missing or unreadable. */
export async function loadLabelNames(file: string, cwd: string): Promise<string[]> {
  let content: string;
  try {
    content = await readFile(path.resolve(cwd, file), 'utf8');
  } catch {
    throw new UsageError(`--label-names ${file}: no such file`);
  }
  try {
    return parseLabelNames(content);
  } catch (e) {
    throw new UsageError(`--label-names ${file}: ${(e as Error).message}`);
  }
}

/** Path of the label names file written beside a Hugging Face JSONL (`data.jsonl` → `data.labels.json`). */
export function labelNamesPathFor(dataPath: string): string {
  return dataPath.replace(/\.(jsonl|ndjson|json)$/i, '') + '.labels.json';
}

/** Label names for a Hugging Face input: the option's file, else the `.labels.json` beside it, else none. */
export async function inputLabelNames(spec: InputSpec, option: string | undefined, cwd: string): Promise<string[] | undefined> {
  if (option !== undefined) return loadLabelNames(option, cwd);
  if (spec.format !== 'huggingface' || spec.isDir) return undefined;
  const beside = labelNamesPathFor(spec.path);
  return existsSync(beside) ? loadLabelNames(beside, cwd) : undefined;
}
