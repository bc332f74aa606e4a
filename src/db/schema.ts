/** Every module's tables, for Drizzle's relational queries and drizzle-kit. */
export * from '../modules/directory/schema.js';
export * from '../modules/exercises/schema.js';
export * from '../modules/calls/schema.js';
export * from '../modules/privacy/schema.js';
export * from '../modules/accounts/schema.js';
export * from '../modules/audit/schema.js';
export * from '../modules/notifications/schema.js';
export * from '../modules/registrations/schema.js';
export * from '../modules/participation/schema.js';
export * from '../modules/secretariat/schema.js';
export * from '../modules/files/schema.js';
export * from '../modules/plan/schema.js';
