/** Hosts the simulated GitHub answers for. */
export const API = 'https://api.github.com';
export const BLOB_HOST = 'https://blob.artifacts.test';
