import type { Finding, MessageType, QualityReport, Traveller } from '@paxscreen/contracts';

/** The report of one message: its own findings, then every traveller's, with the counts. */
export function buildReport(
  messageType: MessageType,
  version: string,
  messageRef: string | undefined,
  travellers: Traveller[],
  messageFindings: Finding[],
): QualityReport {
  const findings = messageFindings.slice();
  for (let i = 0; i < travellers.length; i++) {
    const own = travellers[i].findings;
    for (let j = 0; j < own.length; j++) findings.push(own[j]);
  }
  let errors = 0;
  let warnings = 0;
  for (let i = 0; i < findings.length; i++) {
    const severity = findings[i].severity;
    if (severity === 'error') errors++;
    else if (severity === 'warning') warnings++;
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
