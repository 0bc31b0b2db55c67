/**
 * Entry of the local preview page (`npm start`). Synthetic shadow comes first: it lets the global SLDS stylesheet
 * reach inside the components, as in Lightning Experience.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import PreviewApp from '../modules/preview/app/app';

const app = createElement('preview-app', { is: PreviewApp });
document.body.appendChild(app);
