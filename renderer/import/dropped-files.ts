/** Reads dropped files and folders (one level deep) from a drag-and-drop. */
import type { PickedFile } from '../../electron/bridge-contract';
import { readBrowserFiles } from '../platform/bridge';

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function entriesOf(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

/** The files of a drop: plain files as they are, folders expanded to the files directly inside them. */
export async function droppedFiles(items: readonly DataTransferItem[]): Promise<PickedFile[]> {
  // Entries must be taken synchronously, while the drop event is being dispatched.
  const taken = items.filter((i) => i.kind === 'file').map((i) => ({ entry: i.webkitGetAsEntry(), file: i.getAsFile() }));
  const files: File[] = [];
  for (const { entry, file } of taken) {
    if (!entry) {
      if (file) files.push(file);
    } else if (entry.isFile) files.push(await fileOf(entry as FileSystemFileEntry));
    else if (entry.isDirectory) {
      for (const child of await entriesOf(entry as FileSystemDirectoryEntry)) {
        if (child.isFile) files.push(await fileOf(child as FileSystemFileEntry));
      }
    }
  }
  return readBrowserFiles(files);
}
