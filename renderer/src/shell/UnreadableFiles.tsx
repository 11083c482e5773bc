// Files the host could not read (a hand edit, a bad merge): named with the reason, so the user
// can fix them; the host leaves them untouched. Files the host fixed itself (a copy given its own
// id) are listed apart, with what was done.
import type { UnreadableFile } from '../../../shared/contract';

export function UnreadableFiles({ what, files }: { what: string; files: UnreadableFile[] | undefined }) {
  if (!files?.length) return null;
  const broken = files.filter((f) => !f.fixed);
  const fixed = files.filter((f) => f.fixed);
  return (
    <div className="unreadable small" role="alert" data-testid="unreadable-files">
      {broken.length > 0 && <>
        {broken.length === 1 ? `1 ${what} file could not be read` : `${broken.length} ${what} files could not be read`} (left as they are; fix or remove them):
        <FileList files={broken} />
      </>}
      {fixed.length > 0 && <>
        {fixed.length === 1 ? `1 ${what} file was fixed` : `${fixed.length} ${what} files were fixed`}:
        <FileList files={fixed} />
      </>}
    </div>
  );
}

function FileList({ files }: { files: UnreadableFile[] }) {
  return <ul>{files.map((f) => <li key={f.file}><code title={f.file}>{f.file.split(/[\\/]/).pop()}</code>: {f.message}</li>)}</ul>;
}
