import access from './access';
import auditHook from './audit-hook';
import roleSync from './role-sync';
import timestamps from './timestamps';
import virusScan from './virus-scan';

export default {
  access,
  'audit-hook': auditHook,
  'role-sync': roleSync,
  timestamps,
  'virus-scan': virusScan,
};
