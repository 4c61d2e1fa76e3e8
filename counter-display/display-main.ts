/** Hall display entry: URL parameters become the app's properties (web-shared/page-params.ts). */
import { readPageParams } from '../web-shared/page-params.ts';
import './luot-hall-display.ts';

const params = readPageParams(location.search);
const app = document.createElement('luot-hall-display');
app.requestedCentreId = params.centre;
app.language = params.lang;
document.body.append(app);
