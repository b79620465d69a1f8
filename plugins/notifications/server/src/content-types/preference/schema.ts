/** A user's notification preferences; a user without a row has the defaults (preferences/preference-rules.ts). */
export default {
  kind: 'collectionType',
  collectionName: 'notifications_preferences',
  info: { singularName: 'preference', pluralName: 'preferences', displayName: 'Notification preferences' },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    // unique (bootstrap's index)
    userId: { type: 'biginteger', required: true },
    language: { type: 'string', required: true },
    // { "<kind>": { "inApp": boolean, "email": boolean } }
    events: { type: 'json', required: true },
  },
};
