// Brings @sa11y/jest's `toBeAccessible()` matcher into jest's `expect` types.
/// <reference types="@sa11y/jest" />
