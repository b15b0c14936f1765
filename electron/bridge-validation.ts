// Validation of everything the (untrusted) renderer sends over the bridge.
import { z } from 'zod';
import type { SaveFilesRequest, SaveRequest, SpanlightBridge } from './bridge-contract.js';

// Names like "corpus.jsonl": no directories, no control characters, not "." or "..".
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\]/.test(name), 'must be a file name, not a path')
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'must not contain control characters')
  .refine((name) => name !== '.' && name !== '..', 'must be a file name');

const fileFilter = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9_-]{1,16})$/, 'extensions are letters and digits, without a dot'))
    .min(1)
    .max(32),
});

/** File content: a string, or bytes (a Uint8Array, as structured clone delivers it). */
const fileContent = z.union([z.string(), z.instanceof(Uint8Array)]);

/** Schema of a save request: a bare file name, string or byte content, at most 16 filters; unknown keys (e.g. a path) are rejected. */
export const saveRequestSchema = z.strictObject({
  suggestedName: fileName,
  content: fileContent,
  filters: z.array(fileFilter).max(16).optional(),
}) satisfies z.ZodType<SaveRequest>;

/** Schema of a multi-file save: 1 to 10,000 bare, distinct file names with string or byte content, and an optional bare `.zip` name. */
export const saveFilesRequestSchema = z.strictObject({
  files: z
    .array(z.strictObject({ name: fileName, content: fileContent }))
    .min(1)
    .max(10_000)
    .refine((files) => new Set(files.map((f) => f.name)).size === files.length, 'file names must be distinct'),
  archiveName: fileName.refine((name) => name.toLowerCase().endsWith('.zip'), 'the archive name ends with .zip').optional(),
}) satisfies z.ZodType<SaveFilesRequest>;

/** Schema of each method's argument list; TypeScript checks each one parses to that method's parameters. */
export const bridgeArgSchemas: { readonly [K in keyof SpanlightBridge]: z.ZodType<Parameters<SpanlightBridge[K]>> } = {
  openTextFiles: z.tuple([]),
  openFolder: z.tuple([]),
  saveFile: z.tuple([saveRequestSchema]),
  saveFiles: z.tuple([saveFilesRequestSchema]),
  appInfo: z.tuple([]),
  autoBackupInfo: z.tuple([]),
  writeAutoBackup: z.tuple([fileContent]),
};

/** Parses a save request from the renderer, throwing a readable error on a bad shape. */
export function parseSaveRequest(value: unknown): SaveRequest {
  const result = saveRequestSchema.safeParse(value);
  if (!result.success) throw new Error(`Invalid save request: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** Parses a multi-file save request from the renderer, throwing a readable error on a bad shape. */
export function parseSaveFilesRequest(value: unknown): SaveFilesRequest {
  const result = saveFilesRequestSchema.safeParse(value);
  if (!result.success) throw new Error(`Invalid save request: ${z.prettifyError(result.error)}`);
  return result.data;
}
