/**
 * Booking page entry (issue #14): /booking/<centre id>, or /booking?centre=<id>; `?cancel=<code>`
 * opens the cancel screen of one appointment (the link the citizen got); `?lang=en`.
 */
import { readPageParams } from '../../web-shared/client/page-params.ts';
import { centreFromPath } from './booking-logic.ts';
import './luot-booking-app.ts';

const params = readPageParams(location.search);
const app = document.createElement('luot-booking-app');
app.centreId = centreFromPath(location.pathname) ?? params.centre;
app.cancelCode = new URLSearchParams(location.search).get('cancel');
app.language = params.lang;
document.body.append(app);
