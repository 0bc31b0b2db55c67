// Runs before every test file: registers @sa11y/jest's `toBeAccessible()` matcher.
import { registerSa11yMatcher } from '@sa11y/jest';

registerSa11yMatcher();
