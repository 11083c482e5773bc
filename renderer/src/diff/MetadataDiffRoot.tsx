// The metadata diff's one entry in the app: the change notice, and the diff view when opened.
import { ChangeNotice } from './ChangeNotice';
import { DiffView } from './DiffView';
import { useMetadataDiffOpen } from './diffStore';

export function MetadataDiffRoot({ activeId, onToast }: { activeId: string | undefined; onToast(m: string): void }) {
  const open = useMetadataDiffOpen();
  return (
    <>
      <ChangeNotice activeId={activeId} />
      {open && <DiffView key={JSON.stringify(open)} open={open} onToast={onToast} />}
    </>
  );
}
