import { newDocumentId } from './document-id';

describe('newDocumentId', () => {
  it('looks like a Strapi documentId and does not repeat', () => {
    const ids = Array.from({ length: 5000 }, newDocumentId);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
