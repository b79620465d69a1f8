import { PLUGIN_ID } from './plugin-id';

interface AdminApp {
  registerPlugin(plugin: { id: string; name: string }): void;
  customFields: { register(field: Record<string, unknown>): void };
}

export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Ticketing' });
    app.customFields.register({
      name: 'field-designer',
      pluginId: PLUGIN_ID,
      type: 'json',
      intlLabel: { id: `${PLUGIN_ID}.field-designer.label`, defaultMessage: 'Form fields' },
      intlDescription: {
        id: `${PLUGIN_ID}.field-designer.description`,
        defaultMessage: 'Design the fields of a ticket form, with a live preview',
      },
      components: { Input: async () => import('./components/field-designer') },
    });
  },
};
