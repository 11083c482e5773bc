// Files the host could not read (a hand edit, a bad merge): named with the reason, so the user
// can fix them; the host leaves them untouched.
import type { UnreadableFile } from '../../../shared/contract';

export function UnreadableFiles({ what, files }: { what: string; files: UnreadableFile[] | undefined }) {
  if (!files?.length) return null;
  return (
    <div className="unreadable small" role="alert" data-testid="unreadable-files">
      {files.length === 1 ? `1 ${what} file could not be read` : `${files.length} ${what} files could not be read`} (left as they are; fix or remove them):
      <ul>{files.map((f) => <li key={f.file}><code title={f.file}>{f.file.split(/[\\/]/).pop()}</code>: {f.message}</li>)}</ul>
    </div>
  );
}
