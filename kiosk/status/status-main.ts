/** Status page entry: /t/<ticket id>?lang=en (web-shared/client/ticket-link.ts, page-params.ts). */
import { readPageParams } from '../../web-shared/client/page-params.ts';
import { ticketIdFromPath } from '../../web-shared/client/ticket-link.ts';
import './luot-ticket-status.ts';

const params = readPageParams(location.search);
const app = document.createElement('luot-ticket-status');
// `?ticket=` is for `npx vite`, which serves this page as /kiosk/status/index.html rather than /t/<id>.
app.ticketId = ticketIdFromPath(location.pathname) ?? ticketIdFromPath(`/t/${new URLSearchParams(location.search).get('ticket') ?? ''}`);
app.language = params.lang;
document.body.append(app);
