/**
 * Presentation component: a Salesforce utility bar panel (340 × 480 px, SLDS utility panel markup) above its
 * utility bar item, so the console in the slot is shown at the size agents see it.
 */
import { LightningElement, api } from 'lwc';

export default class UtilityPanel extends LightningElement {
    /** The utility item's label, shown in the panel header and on the utility bar. */
    @api label = 'Voice Call Console';
}
