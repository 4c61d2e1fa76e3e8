/** Kiosk entry: URL parameters become the app's properties (see web-shared/client/page-params.ts). */
import { createApi } from '../../web-shared/client/api.ts';
import { readPageParams } from '../../web-shared/client/page-params.ts';
import { pairFromUrl } from '../../web-shared/client/session.ts';
import { pairThenStart } from '../../web-shared/ui/luot-pairing.ts';
import './luot-kiosk-app.ts';

/** Seconds a ticket stays on screen before the menu comes back. */
const DEFAULT_RETURN_SECONDS = 8;

// First: keep a `?pair=<device token>` and take it out of the address.
const params = readPageParams(location.search);
// Without a token: the pairing screen and its short code (issue #15), then the kiosk.
void pairThenStart({
  kind: 'kiosk',
  token: pairFromUrl(),
  language: params.lang,
  start(deviceToken) {
    const app = document.createElement('luot-kiosk-app');
    app.api = createApi('', undefined, { deviceToken });
    app.requestedCentreId = params.centre;
    app.language = params.lang;
    app.returnSeconds = params.returnSeconds ?? DEFAULT_RETURN_SECONDS;
    document.body.append(app);
  },
});
