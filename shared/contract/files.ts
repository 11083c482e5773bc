// Files the user picks: the host chooses every path (a native dialog in Electron, the data folder
// in browser mode) and the renderer only ever holds an opaque, single-use handle and a base name
// to show. A path never crosses the contract.
import { z } from 'zod';

/** What a file is for: the dialog's filters, and a handle is only good for its own purpose. */
export const FilePurpose = z.enum(['export-csv', 'snippets-export', 'snippets-import', 'metadata', 'response', 'mapping-import', 'mapping-export', 'data-dictionary', 'metadata-diff']);
export type FilePurpose = z.infer<typeof FilePurpose>;

/** A random id the host maps to a path it chose; single use, short-lived. */
export const FileHandle = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not a file handle');
export type FileHandle = z.infer<typeof FileHandle>;

/** A file name without any folder (for display, or the name of a download). */
export const BaseName = z.string().min(1).max(200).refine((s) => !s.includes('/') && !s.includes('\\') && !s.includes('\u0000') && s !== '.' && s !== '..', 'a file name, not a path');

export const ChooseSaveRequest = z.object({ purpose: FilePurpose, defaultName: BaseName });
export const ChooseOpenRequest = z.object({ purpose: FilePurpose });
/** null when the user cancelled, or in browser mode (no native dialog: downloads and uploads). */
export const ChosenFile = z.object({ handle: FileHandle, name: z.string() }).nullable();
export type ChosenFile = z.infer<typeof ChosenFile>;

/** Browser mode's upload endpoint answers with this (the handle goes to the call that reads it). */
export const UploadResponse = z.object({ handle: FileHandle, name: z.string(), bytes: z.number().int().nonnegative() });
export type UploadResponse = z.infer<typeof UploadResponse>;
