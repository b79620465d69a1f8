import { winston } from '@strapi/logger';

// errors() first: an Error logged as such keeps its message and stack (json() alone drops both)
const json = winston.format.combine(winston.format.errors({ stack: true }), winston.format.timestamp(), winston.format.json());

/** One JSON object per line (no colours), so logs can be shipped and searched by request id. */
export default {
  level: process.env.LOG_LEVEL ?? 'http',
  format: json,
  transports: [new winston.transports.Console({ format: json })],
};
