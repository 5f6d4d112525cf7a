import type { Finding, MessageType, QualityReport, Traveller } from '@paxscreen/contracts';

/** The report of one message: its own findings, then every traveller's, with the counts. */
export function buildReport(
  messageType: MessageType,
  version: string,
  messageRef: string | undefined,
  travellers: Traveller[],
  messageFindings: Finding[],
): QualityReport {
  const findings = [...messageFindings];
  for (const t of travellers) for (const f of t.findings) findings.push(f);
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  const report: QualityReport = {
    messageType,
    version,
    travellers: travellers.length,
    errors,
    warnings,
    findings,
  };
  if (messageRef !== undefined) report.messageRef = messageRef;
  return report;
}
