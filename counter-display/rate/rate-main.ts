/**
 * Rating screen entry (/rate/<counter id>): a paired device of its own (issue #10), opened once as
 * `/rate/<counter id>?pair=<its device token>` (made at /admin, Devices). URL parameters become the
 * element's properties.
 */
import { readPageParams } from '../../web-shared/client/page-params.ts';
import { pairFromUrl, RATING_SCREEN_TOKEN_KEY } from '../../web-shared/client/session.ts';
import { counterIdFromPath } from './rate-logic.ts';
import './luot-rating-pad.ts';

// First: keep a `?pair=<device token>` and take it out of the address.
const deviceToken = pairFromUrl(undefined, RATING_SCREEN_TOKEN_KEY);
const params = readPageParams(location.search);
const pad = document.createElement('luot-rating-pad');
pad.deviceToken = deviceToken;
pad.counterId = counterIdFromPath(location.pathname) ?? params.counter ?? '';
pad.language = params.lang;
document.body.append(pad);
