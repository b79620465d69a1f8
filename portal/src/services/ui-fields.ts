/**
 * The RJSF custom field the server's `images` field type names in its uiSchema
 * (`{ 'ui:field': 'images' }`): a pick of the ticket's own photos. The one place the portal
 * spells that contract; the form registers its field under it and the history recognises it.
 */
export const PHOTO_PICKER_FIELD = 'images';
