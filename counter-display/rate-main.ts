/** Rating screen entry (/rate/<counter id>): URL parameters become the element's properties. */
import { readPageParams } from '../web-shared/page-params.ts';
import { counterIdFromPath } from './rate-logic.ts';
import './luot-rating-pad.ts';

const params = readPageParams(location.search);
const pad = document.createElement('luot-rating-pad');
pad.requestedCentreId = params.centre;
pad.counterId = counterIdFromPath(location.pathname) ?? params.counter ?? '';
pad.language = params.lang;
document.body.append(pad);
