/** Kiosk entry: URL parameters become the app's properties (see web-shared/page-params.ts). */
import { readPageParams } from '../web-shared/page-params.ts';
import './luot-kiosk-app.ts';

/** Seconds a ticket stays on screen before the menu comes back. */
const DEFAULT_RETURN_SECONDS = 8;

const params = readPageParams(location.search);
const app = document.createElement('luot-kiosk-app');
app.requestedCentreId = params.centre;
app.language = params.lang;
app.returnSeconds = params.returnSeconds ?? DEFAULT_RETURN_SECONDS;
document.body.append(app);
