/** The `spanlight` command line: commander program, help texts, and the mapping of failures to exit codes. */
import { Command, CommanderError, Option } from 'commander';
import { agreement, type AgreementCliOptions } from './agreement.js';
import { audit, type AuditCliOptions } from './audit.js';
import { convert, type ConvertOptions } from './convert.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from './errors.js';
import { FORMAT_IDS } from './input.js';
import { processIo, type CliIo } from './io.js';
import { validate, type ValidateOptions } from './validate.js';

const FORMATS_HELP = `
Formats (--from / --to):
  spanlight     Spanlight / Prodigy JSONL (.jsonl)          streamed line by line
  doccano       doccano JSONL {"text", "label": [[s, e, L]]} streamed line by line
  huggingface   Hugging Face {"tokens", "ner_tags"} JSONL     streamed; label names from --label-names
                or NAME.labels.json beside the input; written beside --out as NAME.labels.json
  text          plain text: a .txt file, a folder of them, or a JSONL of {"text", "meta"}
  label-studio  Label Studio JSON tasks (one array)           read whole
  brat          brat standoff: a .ann file (its .txt beside it) or a folder of pairs; read one pair
                at a time; written as a folder (--out required)
  conll         CoNLL token-per-line, IOB2/IOB1/BILOU         streamed by -DOCSTART- block; columns
                detected (token, features, tags; an index column and two tag columns as in
                GermEval 2014) and stated, or given with --columns
  webanno       WebAnno TSV 3.3 (INCEpTION): a .tsv file or a folder of them; written as a folder
                (--out required), one .tsv per document

Without --from the format is detected from the extension and the first 64 KB.
Offsets are written in the target tool's own unit unless --offsets says otherwise: code points (Python
strings) for every format but label-studio, which counts UTF-16 code units. Input offsets are detected
when spans carry their text, otherwise taken from --input-offsets (default: the format's own unit).
Input is UTF-8 (a BOM is accepted); invalid bytes are reported with their byte offset and decoded as
Windows-1252 only with --encoding windows-1252. Text is never normalized: CRLF inside text is kept.

Exit codes: 0 success, 1 the input had problems (nothing is written unless --skip-bad, which writes
the good records and still exits 1), 2 usage error (unknown format, missing file, bad option).`;

function encodingOption(): Option {
  return new Option('--encoding <encoding>', 'input encoding').choices(['utf-8', 'windows-1252']).default('utf-8');
}

function inputOffsetsOption(): Option {
  return new Option('--input-offsets <unit>', 'offset unit of input spans that carry no text (default: detected, else the format\'s unit)').choices(['codepoint', 'utf16']);
}

function columnsOption(): Option {
  return new Option('--columns <roles>', 'CoNLL input columns, comma-separated: token, ner (one per tag column), index, _ (ignored) or a feature name; e.g. index,token,ner,ner (GermEval 2014) or token,pos_tags,chunk_tags,ner (CoNLL-2003)');
}

function debugMemoryOption(): Option {
  return new Option('--debug-memory', 'print the peak resident memory on stderr at the end').hideHelp();
}

/** Builds the program; `setCode` receives each command's exit code. */
export function buildProgram(io: CliIo, setCode: (code: number) => void): Command {
  const program = new Command('spanlight')
    .description('Spanlight command line: convert and validate span-annotation corpora (exact offsets, streamed).')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', FORMATS_HELP);

  program
    .command('convert')
    .description('convert a corpus file (or brat folder) from one format to another')
    .argument('<input>', 'input file, or a folder of brat pairs / .txt files')
    .addOption(new Option('--to <format>', `output format: ${FORMAT_IDS.join(', ')}`).makeOptionMandatory())
    .option('--out <path>', 'output file (a folder for brat); stdout when absent. Written to a temporary file and renamed only on success')
    .addOption(new Option('--offsets <unit>', 'offset unit written (default: the target format\'s own: utf16 for label-studio, else codepoint)').choices(['codepoint', 'utf16']))
    .option('--from <format>', `input format (default: detected): ${FORMAT_IDS.join(', ')}`)
    .addOption(new Option('--scheme <scheme>', 'tag scheme of CoNLL and Hugging Face output').choices(['iob2', 'bilou']).default('iob2'))
    .addOption(new Option('--rows <unit>', 'Hugging Face output: one row per document (default) or per sentence, as conll2003 has').choices(['document', 'sentence']))
    .option('--skip-bad', 'write the good records even when some are bad (still exits 1 and reports every bad line)')
    .option('--done-only', 'write only finished annotations (Prodigy accept, Label Studio not cancelled, Spanlight done); rejected, ignored, cancelled and unannotated ones are left out and counted')
    .addOption(encodingOption())
    .addOption(inputOffsetsOption())
    .option('--label-names <file>', 'Hugging Face label names (JSON list, ClassLabel or one per line): ids of the input, and the fixed names of the output')
    .option('--labels <names>', 'comma-separated label names: a span with another label makes its record bad')
    .option('--schema <file>', 'label schema JSON (like seeds/labels.json): a span with another label makes its record bad')
    .option('--annotator <name>', 'annotator of sets whose file names none', 'imported')
    .addOption(columnsOption())
    .option('--tokens', 'Spanlight JSONL output: write "tokens" (and span token_start/token_end) for every document; documents that brought their own tokens always write them')
    .addOption(debugMemoryOption())
    .addHelpText('after', `
Examples:
  spanlight convert corpus.jsonl --to doccano --out corpus.doccano.jsonl
  spanlight convert corpus.jsonl --to conll --scheme bilou > corpus.conll
  spanlight convert corpus.jsonl --to brat --out brat-folder/
  spanlight convert germeval.tsv --from conll --columns index,token,ner,ner --to spanlight
  spanlight convert inception-export/ --to conll --out corpus.conll
  spanlight convert export.json --from label-studio --to spanlight --offsets utf16
  spanlight convert legacy.jsonl --to spanlight --encoding windows-1252 --skip-bad --out fixed.jsonl
${FORMATS_HELP}`)
    .action(async (input: string, options: ConvertOptions) => setCode(await convert(input, options, io)));

  program
    .command('validate')
    .description('check a corpus: JSON, offsets in range, span text matching its slice, known labels, overlaps (warnings)')
    .argument('<input>', 'input file, or a folder of brat pairs / .txt files')
    .option('--from <format>', `input format (default: detected): ${FORMAT_IDS.join(', ')}`)
    .option('--labels <names>', 'comma-separated allowed labels, e.g. ACTOR,LOCATION,COUNT,WEAPON')
    .option('--schema <file>', 'label schema JSON (like seeds/labels.json) of allowed labels')
    .addOption(encodingOption())
    .addOption(inputOffsetsOption())
    .option('--label-names <file>', 'Hugging Face label names (ids of ner_tags)')
    .addOption(columnsOption())
    .addOption(debugMemoryOption())
    .addHelpText('after', `
Prints every problem on stdout as "file:line: error|warning: problem" and a summary on stderr.
Exit code 0 when there is no error (warnings allowed), 1 when there are errors, 2 on a usage error.

Examples:
  spanlight validate corpus.jsonl --labels ACTOR,LOCATION,COUNT,WEAPON
  spanlight validate corpus.jsonl --schema seeds/labels.json
${FORMATS_HELP}`)
    .action(async (input: string, options: ValidateOptions) => setCode(await validate(input, options, io)));

  const unitOption = (what: string) => new Option('--unit <unit>', `${what}: tokens (the file's tokens, else the core tokenizer's) or characters`).choices(['token', 'char']).default('token');
  program
    .command('agreement')
    .description('agreement between annotators of Spanlight JSONL files: span F1, Cohen\'s and Fleiss\' kappa, Krippendorff\'s alpha, unitizing alpha, label confusion')
    .argument('<files...>', 'Spanlight JSONL files; a record\'s annotator is its "_annotator_id", else the file\'s name')
    .addOption(unitOption('units of kappa and alpha'))
    .option('--labels <names>', 'comma-separated labels to report even when nobody used them')
    .option('--json', 'print one JSON object instead of the table')
    .option('--include-unfinished', 'count annotations of any status (default: done only, i.e. Prodigy "accept" or no answer)')
    .option('--skip-bad', 'compute over the good records even when some are bad (still exits 1)')
    .addHelpText('after', '\nDefinitions: docs/agreement.md. Exit codes: 0 success, 1 the input had problems (nothing is computed unless --skip-bad), 2 usage error.')
    .action(async (files: string[], options: AgreementCliOptions) => setCode(await agreement(files, options, io)));

  program
    .command('audit')
    .description('predictions against gold: per-label precision, recall and F1 (exact and overlap, conlleval layout), audit classes, every error in context')
    .addOption(new Option('--gold <file>', 'gold Spanlight JSONL').makeOptionMandatory())
    .addOption(new Option('--pred <file>', 'predictions (Spanlight JSONL)').makeOptionMandatory())
    .addOption(unitOption('units of the accuracy'))
    .option('--labels <names>', 'comma-separated labels to report even when unused')
    .option('--json', 'print one JSON object instead of the report')
    .option('--include-unfinished', 'count gold annotations of any status (default: done only)')
    .option('--skip-bad', 'compute over the good records even when some are bad (still exits 1)')
    .addHelpText('after', '\nDefinitions: docs/agreement.md. Exit codes: 0 success, 1 the input had problems, 2 usage error.')
    .action(async (options: AuditCliOptions) => setCode(await audit(options, io)));

  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code; never exits the process. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (e instanceof UsageError) {
      io.stderr.write(`spanlight: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`spanlight: ${(e as Error).message}\n`);
    return EXIT_PROBLEMS;
  }
}
