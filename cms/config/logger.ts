import { winston } from '@strapi/logger';

const json = winston.format.combine(winston.format.timestamp(), winston.format.json());

/** One JSON object per line (no colours), so logs can be shipped and searched by request id. */
export default {
  level: process.env.LOG_LEVEL ?? 'http',
  format: json,
  transports: [new winston.transports.Console({ format: json })],
};
