/**
 * Rating screen entry (/rate/<counter id>): a paired device of its own (issue #10), opened once as
 * `/rate/<counter id>?pair=<its device token>` (made at /admin, Devices). URL parameters become the
 * element's properties.
 */
import { readPageParams } from '../../web-shared/client/page-params.ts';
import { pairFromUrl, RATING_SCREEN_TOKEN_KEY } from '../../web-shared/client/session.ts';
import { pairThenStart } from '../../web-shared/ui/luot-pairing.ts';
import { counterIdFromPath } from './rate-logic.ts';
import './luot-rating-pad.ts';

// First: keep a `?pair=<device token>` and take it out of the address.
const params = readPageParams(location.search);
const pathCounter = counterIdFromPath(location.pathname) ?? params.counter ?? '';
// Without a token: the pairing screen and its short code (issue #15), then the pad.
void pairThenStart({
  kind: 'rating-screen',
  token: pairFromUrl(undefined, RATING_SCREEN_TOKEN_KEY),
  language: params.lang,
  storageKey: RATING_SCREEN_TOKEN_KEY,
  start(deviceToken, device) {
    // A code made for another counter's screen: that counter's page (the token is kept already).
    if (device?.counterId && device.counterId !== pathCounter) return location.replace(`/rate/${encodeURIComponent(device.counterId)}`);
    const pad = document.createElement('luot-rating-pad');
    pad.deviceToken = deviceToken;
    pad.counterId = pathCounter || (device?.counterId ?? '');
    pad.language = params.lang;
    document.body.append(pad);
  },
});
