module.exports = {
  register() {},
  /** The filtered columns indexed, as a team writing the type as code would. */
  async bootstrap({ strapi }) {
    const db = strapi.db.connection;
    await db.raw('CREATE INDEX IF NOT EXISTS bs_faults_pci_created ON bs_faults (pci, created_at DESC)');
    await db.raw('CREATE INDEX IF NOT EXISTS bs_faults_severity_created ON bs_faults (severity, created_at DESC)');
  },
};
