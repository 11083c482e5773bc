// Under a failed or warning step: what was seen, the likely cause, the server's codes and what to
// do, as the copied report says them (shared/doctor/report.ts).
import { serverReply } from '../../../shared/doctor/report';
import type { DoctorDiagnosis } from '../../../shared/contract';

export function StepDiagnosis({ diagnosis: d }: { diagnosis: DoctorDiagnosis }) {
  const reply = serverReply(d);
  return (
    <div className="diagnosis" data-testid="doctor-step-diagnosis">
      {d.detail && d.detail !== d.summary && <div>{d.detail}</div>}
      <div><span className="label">Likely cause:</span> {d.cause}</div>
      {reply && <div><span className="label">Server reply:</span> {reply}</div>}
      {d.actions.length > 0 && (
        <>
          <div className="label">What to do:</div>
          <ul>{d.actions.map((a) => <li key={a}>{a}</li>)}</ul>
        </>
      )}
    </div>
  );
}
