/**
 * Display entry: the hall display (/display), or the screen above one counter
 * (/display/counter/<n>, or the older /display?counter=<id>). URL parameters become the
 * elements' properties (web-shared/client/page-params.ts, display-params.ts; docs/displays.md).
 */
import { readPageParams } from '../../web-shared/client/page-params.ts';
import { pairFromUrl } from '../../web-shared/client/session.ts';
import { pairThenStart } from '../../web-shared/ui/luot-pairing.ts';
import { readDisplayParams } from './display-params.ts';
import './luot-counter-board.ts';
import './luot-hall-display.ts';

// First: keep a `?pair=<device token>` and take it out of the address.
const token = pairFromUrl();
const params = readPageParams(location.search);
const display = readDisplayParams(location.pathname, location.search);
// Without a token: the pairing screen and its short code (issue #15); the elements read the kept token.
void pairThenStart({ kind: 'display', token, language: params.lang, start });

function start() {
  if (display.counterNumber !== null || params.counter) {
    const board = document.createElement('luot-counter-board');
    board.requestedCentreId = params.centre;
    board.counterNumber = display.counterNumber;
    board.counterId = params.counter ?? '';
    board.language = params.lang;
    document.body.append(board);
  } else {
    const app = document.createElement('luot-hall-display');
    app.requestedCentreId = params.centre;
    app.params = display;
    app.language = params.lang;
    document.body.append(app);
  }
}
