/** A json attribute read with the raw query builder: Strapi's pg setup hands jsonb back as text. */
export const parseJsonColumn = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
