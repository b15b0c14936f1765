/**
 * The columns of a CoNLL-like file and what the token formats keep of them: which column is the
 * token, which hold NER tags, which are per-token features (POS, chunk, …) and whether the first is
 * an index (GermEval 2014, CoNLL-U); and where documents keep that layout and their per-token
 * features for the way back (`meta.conll`, `meta.token_features`).
 */
import { isRecord } from './interchange.js';
import { isTag } from './tag-sequences.js';

/** Meta key of a document's per-token features: `{name: [value per token]}`, in the order of its own tokens. */
export const TOKEN_FEATURES_KEY = 'token_features';
/** Meta key of the CoNLL layout a document was read from (see `ConllMeta`). */
export const CONLL_META_KEY = 'conll';

/**
 * Role of a column: `token`, `ner` (a tag column; several make layers), `index` (a token number,
 * rewritten on the way out), `_` (ignored) or the name of a per-token feature (`pos_tags`, …).
 */
export type ColumnRole = string;

/** The CoNLL layout a document came in, kept in `meta.conll` when it is not the plain `token<TAB>tag`. */
export interface ConllMeta {
  /** Column roles, e.g. `["token", "pos_tags", "chunk_tags", "ner"]`. */
  columns?: ColumnRole[];
  /** Column separator of the file (tab when absent). */
  separator?: ' ' | '\t';
  /** Comment lines (`# …`) that came before the document's first sentence, kept whole. */
  comments?: string[];
}

const RESERVED = new Set(['token', 'ner', 'index', '_']);
const FEATURE_NAME = /^[A-Za-z][\w.-]*$/;

/** The layout of `meta.conll`, or an empty one. */
export function conllMetaOf(meta: Record<string, unknown>): ConllMeta {
  const raw = meta[CONLL_META_KEY];
  if (!isRecord(raw)) return {};
  const out: ConllMeta = {};
  if (Array.isArray(raw['columns']) && raw['columns'].every((c) => typeof c === 'string')) out.columns = raw['columns'] as string[];
  if (raw['separator'] === ' ' || raw['separator'] === '\t') out.separator = raw['separator'];
  if (Array.isArray(raw['comments']) && raw['comments'].every((c) => typeof c === 'string')) out.comments = raw['comments'] as string[];
  return out;
}

/** Per-token features of a document whose value lists are as long as its `count` tokens, in meta order. */
export function tokenFeaturesOf(meta: Record<string, unknown>, count: number): { names: string[]; values: unknown[][] } {
  const raw = meta[TOKEN_FEATURES_KEY];
  const names: string[] = [];
  const values: unknown[][] = [];
  if (!isRecord(raw)) return { names, values };
  for (const [name, list] of Object.entries(raw)) {
    if (Array.isArray(list) && list.length === count) {
      names.push(name);
      values.push(list);
    }
  }
  return { names, values };
}

/**
 * Parses `--columns`: comma-separated roles, e.g. `index,token,ner,ner` (GermEval 2014) or
 * `token,pos_tags,chunk_tags,ner` (CoNLL-2003). Throws with a readable message on a bad list.
 */
export function parseColumns(spec: string): ColumnRole[] {
  const roles = spec.split(',').map((r) => r.trim());
  const count = (role: string) => roles.filter((r) => r === role).length;
  const bad = roles.find((r) => !RESERVED.has(r) && !FEATURE_NAME.test(r));
  if (bad !== undefined) throw new Error(`column role ${JSON.stringify(bad)}: use token, ner, index, _ (ignored) or a feature name such as pos_tags`);
  if (count('token') !== 1) throw new Error('name exactly one column "token"');
  if (count('ner') < 1) throw new Error('name at least one column "ner" (the tags)');
  if (count('index') > 1) throw new Error('name at most one column "index"');
  const features = roles.filter((r) => !RESERVED.has(r));
  if (new Set(features).size !== features.length) throw new Error('feature column names must differ');
  return roles;
}

/** `index, token, ner, ner` — for messages. */
export function describeColumns(roles: readonly ColumnRole[]): string {
  return roles.join(', ');
}

/** True when the first column of a sentence's lines numbers its tokens 1, 2, 3, … */
function numbersTokens(sentence: readonly (readonly string[])[]): boolean {
  return sentence.length > 0 && sentence.every((cells, i) => cells[0] === String(i + 1));
}

/**
 * The roles of the columns of a file whose first sentence has these cells (at least one line):
 * token and tag for two columns; token, features and tag (the last column) for more — `pos_tags`
 * for three, `pos_tags` and `chunk_tags` for four (CoNLL-2003), `column_2`, … beyond; a first column
 * numbering the tokens is an index, and after it two tag columns are two NER layers (GermEval 2014).
 * Returns the roles and, when the layout is not the plain one, a sentence saying what was chosen.
 */
export function detectColumns(sentence: readonly (readonly string[])[]): { roles: ColumnRole[]; statement?: string } {
  const n = sentence[0]!.length;
  if (n <= 2) return { roles: n === 1 ? ['token'] : ['token', 'ner'] };
  const say = (roles: ColumnRole[], why: string) => ({ roles, statement: `${n} columns read as ${describeColumns(roles)} (${why}); pass --columns to read them otherwise` });
  if (numbersTokens(sentence) && n >= 3) {
    const rest = n - 2;
    const tagLike = (k: number) => sentence.every((cells) => cells[k] !== undefined && isTag(cells[k]!));
    if (rest >= 2 && tagLike(n - 1) && tagLike(n - 2)) {
      const middle = Array.from({ length: rest - 2 }, (_, i) => `column_${i + 3}`);
      return say(['index', 'token', ...middle, 'ner', 'ner'], 'the first column numbers the tokens and the last two hold tags, as GermEval 2014 has them: the outer and the inner (nested) entities become spans of one annotation set, the inner ones marked layer 2');
    }
    const middle = Array.from({ length: rest - 1 }, (_, i) => `column_${i + 3}`);
    return say(['index', 'token', ...middle, 'ner'], 'the first column numbers the tokens; the columns between the token and the tag are kept as token features');
  }
  if (n === 3) return say(['token', 'pos_tags', 'ner'], 'the middle column is kept as a token feature and written back');
  if (n === 4) return say(['token', 'pos_tags', 'chunk_tags', 'ner'], 'the CoNLL-2003 layout: POS and chunk tags are kept as token features and written back by the CoNLL and Hugging Face writers');
  const middle = Array.from({ length: n - 2 }, (_, i) => `column_${i + 2}`);
  return say(['token', ...middle, 'ner'], 'the columns between the token and the tag are kept as token features');
}
