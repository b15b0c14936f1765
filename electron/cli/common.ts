/** Settings both commands share: the input, its format, encoding, offset unit, label names and label schema. */
import { parseColumns } from '../../core/formats/conll-layout.js';
import type { OffsetUnit } from '../../core/formats/types.js';
import { loadSchema, parseLabelsOption } from './checks.js';
import type { InputEncoding } from './decode.js';
import { UsageError } from './errors.js';
import { parseFormat, resolveInput, type InputSpec } from './input.js';
import { inputLabelNames } from './label-names.js';
import type { SourceOptions } from './sources.js';

/** Raw input options as commander hands them over. */
export interface InputOptions {
  from?: string;
  encoding: InputEncoding;
  inputOffsets?: OffsetUnit;
  labelNames?: string;
  labels?: string;
  schema?: string;
  /** CoNLL column roles, e.g. `index,token,ner,ner`. */
  columns?: string;
}

/** The resolved input and how to read it. */
export interface InputSetup {
  spec: InputSpec;
  source: SourceOptions;
  /** Hugging Face label names, when known. */
  labelNames: string[] | undefined;
  /** Allowed labels, when a schema was given. */
  labels: Set<string> | null;
}

/** Resolves the input options; throws UsageError on a bad one. */
export async function setupInput(input: string, options: InputOptions, cwd: string): Promise<InputSetup> {
  const from = options.from !== undefined ? parseFormat(options.from, '--from') : undefined;
  if (options.labels !== undefined && options.schema !== undefined) throw new UsageError('give either --labels or --schema, not both');
  const spec = await resolveInput(input, cwd, from);
  const labelNames = await inputLabelNames(spec, options.labelNames, cwd);
  let labels: Set<string> | null = null;
  if (options.labels !== undefined) labels = new Set(parseLabelsOption(options.labels));
  else if (options.schema !== undefined) labels = new Set(await loadSchema(options.schema, cwd));
  const source: SourceOptions = { encoding: options.encoding };
  if (options.columns !== undefined) {
    try {
      source.columns = parseColumns(options.columns);
    } catch (e) {
      throw new UsageError(`--columns ${options.columns}: ${(e as Error).message}`);
    }
    if (spec.format !== 'conll') throw new UsageError(`--columns applies to CoNLL input; ${input} is read as ${spec.format}`);
  }
  if (options.inputOffsets) source.offsets = options.inputOffsets;
  if (labelNames) source.labelNames = labelNames;
  return { spec, source, labelNames, labels };
}
