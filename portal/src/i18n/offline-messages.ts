/** The offline texts (issue 21), kept apart so their authors do not edit the same lines. */
export const offlineZhCN = {
  'offline.placeholder': 'offline',
} as const;

export const offlineEn: Record<keyof typeof offlineZhCN, string> = {
  'offline.placeholder': 'offline',
};
