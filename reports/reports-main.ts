/** Reports page entry: URL parameters become the app's properties (web-shared/client/page-params.ts). */
import { readPageParams } from '../web-shared/client/page-params.ts';
import './luot-reports-app.ts';
import { parseTab } from './reports-logic.ts';

const params = readPageParams(location.search);
const app = document.createElement('luot-reports-app');
app.language = params.lang;
app.tab = parseTab(new URLSearchParams(location.search).get('tab'));
document.body.append(app);
