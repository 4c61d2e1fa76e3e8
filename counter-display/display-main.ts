/**
 * Display entry: the hall display, or with `?counter=<id>` the screen above that counter.
 * URL parameters become the element's properties (web-shared/page-params.ts).
 */
import { readPageParams } from '../web-shared/page-params.ts';
import { pairFromUrl } from '../web-shared/session.ts';
import './luot-counter-board.ts';
import './luot-hall-display.ts';

// First: keep a `?pair=<device token>` and take it out of the address.
pairFromUrl();
const params = readPageParams(location.search);
if (params.counter) {
  const board = document.createElement('luot-counter-board');
  board.requestedCentreId = params.centre;
  board.counterId = params.counter;
  board.language = params.lang;
  document.body.append(board);
} else {
  const app = document.createElement('luot-hall-display');
  app.requestedCentreId = params.centre;
  app.language = params.lang;
  document.body.append(app);
}
