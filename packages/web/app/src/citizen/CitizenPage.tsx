import type { Route } from '../routing/route.js';
import { ReportFraudPage } from './ReportFraudPage.js';
import { ReportStatusPage } from './ReportStatusPage.js';

/** The public pages of the node: the report form, or a report's status by its private link. */
export function CitizenPage({ route }: { readonly route: Route }) {
  if (route.page === 'report-status') {
    return <ReportStatusPage key={route.ack} acknowledgementNumber={route.ack} token={route.token} />;
  }
  return <ReportFraudPage />;
}
