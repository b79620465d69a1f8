/** Admin-panel routes (admin JWT) used by the field designer. */
export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/field-types',
      handler: 'field-types.find',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'POST',
      path: '/form-preview',
      handler: 'field-types.preview',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ],
};
