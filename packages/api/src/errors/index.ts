export * from './apiError';
