export * from './accounts';
export * from './api-tokens';
export * from './audit-log';
export * from './datasets';
export * from './placements';
export * from './runs';
